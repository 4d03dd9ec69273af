package com.flowstate.action;

import java.util.List;

import com.flowstate.i18n.Reason;

/** A template cannot be deleted while deployed flows use it; REST answers 409 naming them. */
public class TemplateInUseException extends RuntimeException {

    private final List<String> flows;
    private final transient Reason reason;

    public TemplateInUseException(String template, List<String> flows) {
        this(Reason.of("template.inUse", "name", template, "flows", String.join(", ", flows)), flows);
    }

    private TemplateInUseException(Reason reason, List<String> flows) {
        super(reason.text());
        this.reason = reason;
        this.flows = List.copyOf(flows);
    }

    /** The flows that use it, by name. */
    public List<String> flows() {
        return flows;
    }

    public Reason reason() {
        return reason;
    }
}
