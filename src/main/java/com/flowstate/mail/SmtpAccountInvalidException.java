package com.flowstate.mail;

import java.util.Map;
import java.util.stream.Collectors;

import com.flowstate.i18n.Reason;

/** An SMTP account's settings were refused: what is wrong with each field, in any reader's language. */
public class SmtpAccountInvalidException extends RuntimeException {

    private final transient Map<String, Reason> fields;

    SmtpAccountInvalidException(Map<String, Reason> fields) {
        super("Invalid " + fields.entrySet().stream().map(field -> field.getKey() + ": " + field.getValue().text())
                .collect(Collectors.joining("; ")));
        this.fields = Map.copyOf(fields);
    }

    /** Why each refused field was refused, by field name (as in {@link SmtpAccountSettings}). */
    public Map<String, Reason> fields() {
        return fields;
    }
}
