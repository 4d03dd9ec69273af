package com.flowstate.history.ui;

import java.io.Serializable;
import java.util.List;

import com.flowstate.history.ReportHistoryFilter;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The Reports tab's filter fields, one per seed column (the date column gets a from/to pair). Any change runs the
 * listener once; clearing them all runs it once, not once per field.
 */
class ReportHistoryFilters implements Serializable {

    private final TextField opportunity;
    private final TextField template;
    private final TextField recipient;
    private final TextField smtpCredential;
    private final TextField fromAddress;
    private final TextField document;
    private final Select<Boolean> status;
    private final FilterFields.DateRange created;

    ReportHistoryFilters(FilterFields fields) {
        opportunity = fields.text("report-filter-opportunity", "history.report.filter.opportunity");
        template = fields.text("report-filter-template", "history.report.filter.template");
        recipient = fields.text("report-filter-recipient", "history.report.filter.recipient");
        smtpCredential = fields.text("report-filter-smtp", "history.report.filter.smtp");
        fromAddress = fields.text("report-filter-from-address", "history.report.filter.fromAddress");
        document = fields.text("report-filter-document", "history.report.filter.document");
        // Empty = any status; true/false are the seed's own words for sent/failed.
        status = fields.select("report-filter-status", "history.report.filter.status",
                "history.report.filter.anyStatus", List.of(Boolean.TRUE, Boolean.FALSE), Object::toString);
        created = fields.dateRange("report-filter-from", "history.report.filter.dateFrom",
                "report-filter-to", "history.report.filter.dateTo");
    }

    /** The filter the fields describe now. */
    ReportHistoryFilter value() {
        return ReportHistoryFilter.empty()
                .withOpportunity(opportunity.getValue())
                .withTemplate(template.getValue())
                .withRecipient(recipient.getValue())
                .withSmtpCredential(smtpCredential.getValue())
                .withFromAddress(fromAddress.getValue())
                .withDocument(document.getValue())
                .withStatus(status.getValue())
                .withFrom(created.from().getValue())
                .withTo(created.to().getValue());
    }

    Component opportunity() {
        return opportunity;
    }

    Component template() {
        return template;
    }

    Component recipient() {
        return recipient;
    }

    Component smtpCredential() {
        return smtpCredential;
    }

    Component fromAddress() {
        return fromAddress;
    }

    Component document() {
        return document;
    }

    Component status() {
        return status;
    }

    Component dateRange() {
        return created.component();
    }
}
