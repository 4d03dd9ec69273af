package com.flowstate.action.email;

import java.util.List;

/** An e-mail template that deployed flows still send, so it cannot be deleted. */
public class EmailTemplateInUseException extends RuntimeException {

    private final String name;
    private final List<String> flows;

    EmailTemplateInUseException(String name, List<String> flows) {
        super("E-mail template '" + name + "' is used by the flows " + String.join(", ", flows));
        this.name = name;
        this.flows = List.copyOf(flows);
    }

    public String name() {
        return name;
    }

    public List<String> flows() {
        return flows;
    }
}
