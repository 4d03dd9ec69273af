package com.flowstate.action.email.ui;

import java.io.Serializable;

import com.flowstate.action.email.EmailHistoryFilter;
import com.flowstate.history.ui.FilterFields;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/** The E-mail tab's filter fields, one per seed column; the date column gets a from/to pair. */
class EmailHistoryFilters implements Serializable {

    private final FilterFields fields;

    final TextField opportunity;
    final TextField template;
    final TextField recipient;
    final TextField smtpCredential;
    final Select<Boolean> status;
    final FilterFields.DateRange created;

    EmailHistoryFilters(FilterFields fields) {
        this.fields = fields;
        opportunity = fields.text("email-filter-opportunity", "opportunity", "history.email.filter.opportunity");
        template = fields.text("email-filter-template", "template", "history.email.filter.template");
        recipient = fields.text("email-filter-recipient", "recipient", "history.email.filter.recipient");
        smtpCredential = fields.text("email-filter-smtp", "smtpCredential", "history.email.filter.smtp");
        status = fields.status("email-filter-status", "history.email.filter.status", "history.filter.any",
                "history.email.state.");
        created = fields.dateRange("email-filter-from", "history.email.filter.from", "email-filter-to",
                "history.email.filter.to");
    }

    /** The filter the fields describe now. */
    EmailHistoryFilter value() {
        return new EmailHistoryFilter(fields.opportunityId(), opportunity.getValue(), template.getValue(),
                recipient.getValue(),
                smtpCredential.getValue(), status.getValue(), created.from().getValue(), created.to().getValue());
    }
}
