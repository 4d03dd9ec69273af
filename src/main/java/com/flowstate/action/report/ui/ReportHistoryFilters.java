package com.flowstate.action.report.ui;

import java.io.Serializable;
import java.util.List;

import com.flowstate.action.report.ReportHistoryFilter;
import com.flowstate.history.ui.FilterFields;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/** The Reports tab's filter fields, one per seed column; the date column gets a from/to pair. */
class ReportHistoryFilters implements Serializable {

    private final FilterFields fields;

    final TextField opportunity;
    final TextField template;
    final TextField recipient;
    final TextField smtpCredential;
    final TextField fromAddress;
    final TextField document;
    final Select<Boolean> status;
    final FilterFields.DateRange created;

    ReportHistoryFilters(FilterFields fields) {
        this.fields = fields;
        opportunity = fields.text("report-filter-opportunity", "opportunity", "history.report.filter.opportunity");
        template = fields.text("report-filter-template", "template", "history.report.filter.template");
        recipient = fields.text("report-filter-recipient", "recipient", "history.report.filter.recipient");
        smtpCredential = fields.text("report-filter-smtp", "smtpCredential", "history.report.filter.smtp");
        fromAddress = fields.text("report-filter-from-address", "fromAddress", "history.report.filter.fromAddress");
        document = fields.text("report-filter-document", "document", "history.report.filter.document");
        // Empty = any status; the words are the column's (the REST API keeps the seed's true/false).
        status = fields.status("report-filter-status", "history.report.filter.status",
                "history.report.filter.anyStatus", "history.report.state.");
        created = fields.dateRange("report-filter-from", "history.report.filter.dateFrom",
                "report-filter-to", "history.report.filter.dateTo");
    }

    /** The filter the fields describe now. */
    ReportHistoryFilter value() {
        return new ReportHistoryFilter(fields.opportunityId(), opportunity.getValue(), template.getValue(),
                recipient.getValue(),
                smtpCredential.getValue(), fromAddress.getValue(), document.getValue(), status.getValue(),
                created.from().getValue(), created.to().getValue());
    }
}
