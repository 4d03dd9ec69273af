package com.flowstate.action.email;

import java.util.Map;

/**
 * An e-mail template as an admin writes it: its name (what flows refer to) and at least one language variant, keyed
 * by {@code it}, {@code en} or {@code es}.
 */
public record EmailTemplateDraft(String name, Map<String, EmailTemplateVariant> variants) {
}
