package com.flowstate.directory.ui;

import java.util.Map;

import com.flowstate.directory.InvalidInputException;
import com.flowstate.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;

/**
 * Shows a refusal of the service at the field it names, in the UI's language; a field the form has no input for
 * becomes a notification.
 */
final class FieldErrors {

    private final Map<String, HasValidation> fields;

    FieldErrors(Map<String, HasValidation> fields) {
        this.fields = fields;
    }

    void clear() {
        fields.values().forEach(field -> field.setInvalid(false));
    }

    void show(Component view, InvalidInputException refused) {
        clear();
        String reason = view.getTranslation(refused.reasonKey(), refused.arguments());
        HasValidation field = fields.get(refused.field());
        if (field == null) {
            Notifications.error(reason);
            return;
        }
        field.setErrorMessage(reason);
        field.setInvalid(true);
        if (field instanceof com.vaadin.flow.component.Focusable<?> focusable) {
            focusable.focus();
        }
    }
}
