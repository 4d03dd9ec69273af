package com.flowstate.action.assignment.ui;

import com.flowstate.action.assignment.AssignmentHistoryRow;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.function.SerializableConsumer;

/** Asks a partner user to confirm a rejection, with an optional reason the history keeps. */
class RejectAssignmentDialog extends Dialog {

    static final int MAX_REASON_LENGTH = 500;

    RejectAssignmentDialog(AssignmentHistoryRow row, SerializableConsumer<String> onReject) {
        setId("assignment-reject-dialog");
        setHeaderTitle(getTranslation("history.assignment.reject.title"));
        Paragraph text = new Paragraph(getTranslation("history.assignment.reject.text",
                row.action().opportunityName()));
        TextArea reason = new TextArea(getTranslation("history.assignment.reject.reason"));
        reason.setId("assignment-reject-reason");
        reason.setMaxLength(MAX_REASON_LENGTH);
        reason.setWidthFull();
        add(text, reason);
        Button reject = new Button(getTranslation("history.assignment.reject"), click -> {
            close();
            onReject.accept(reason.getValue());
        });
        reject.setId("assignment-reject-confirm");
        reject.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, reject);
    }
}
