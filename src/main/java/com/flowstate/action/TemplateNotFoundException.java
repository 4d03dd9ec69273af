package com.flowstate.action;

/** No template of that name: REST answers 404. */
public class TemplateNotFoundException extends RuntimeException {

    public TemplateNotFoundException(String kind, String name) {
        super("No " + kind + " named '" + name + "'");
    }
}
