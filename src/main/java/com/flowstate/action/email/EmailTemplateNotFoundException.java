package com.flowstate.action.email;

/** No e-mail template has this id. */
public class EmailTemplateNotFoundException extends RuntimeException {

    EmailTemplateNotFoundException(long id) {
        super("No e-mail template with id " + id);
    }
}
