package com.flowstate.action.email.ui;

import java.io.Serializable;

import com.flowstate.action.email.EmailHistoryFilter;
import com.flowstate.history.ui.FilterFields;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/** The E-mail tab's filter fields, one per seed column; the date column gets a from/to pair. */
class EmailHistoryFilters implements Serializable {

    final TextField opportunity;
    final TextField template;
    final TextField recipient;
    final TextField smtpCredential;
    final Select<Boolean> status;
    final FilterFields.DateRange created;

    EmailHistoryFilters(FilterFields fields) {
        opportunity = fields.text("filter-opportunity", "history.email.filter.opportunity");
        template = fields.text("filter-template", "history.email.filter.template");
        recipient = fields.text("filter-recipient", "history.email.filter.recipient");
        smtpCredential = fields.text("filter-smtp", "history.email.filter.smtp");
        status = fields.status();
        created = fields.dateRange();
    }

    /** The filter the fields describe now. */
    EmailHistoryFilter value() {
        return new EmailHistoryFilter(null, opportunity.getValue(), template.getValue(), recipient.getValue(),
                smtpCredential.getValue(), status.getValue(), created.from().getValue(), created.to().getValue());
    }
}
