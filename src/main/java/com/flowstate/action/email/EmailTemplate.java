package com.flowstate.action.email;

import java.util.Map;
import java.util.Optional;

import com.flowstate.opportunity.CustomerLanguages;

/**
 * An e-mail template: one {@link EmailTemplateVariant} (Mustache subject, HTML and text body) per language it is
 * written in, by language code ({@code it}, {@code en}, {@code es}), in that order.
 */
public record EmailTemplate(long id, String name, Map<String, EmailTemplateVariant> variants) {

    public EmailTemplate {
        variants = Map.copyOf(variants);
    }

    /**
     * The variant a reader of {@code language} gets: theirs, else the Italian one, else any (in it, en, es order).
     * Empty only for a template without variants.
     */
    public Optional<EmailTemplateVariant> variantFor(String language) {
        if (language != null && variants.containsKey(language)) {
            return Optional.of(variants.get(language));
        }
        return CustomerLanguages.ALL.stream().filter(variants::containsKey).findFirst().map(variants::get);
    }

    /** The subject a reader of no particular language sees (Italian, else any): for lists of templates. */
    public String subject() {
        return variantFor(CustomerLanguages.DEFAULT).map(EmailTemplateVariant::subject).orElse("");
    }
}
