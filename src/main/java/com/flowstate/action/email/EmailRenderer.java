package com.flowstate.action.email;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;

/**
 * Fills e-mail templates with JMustache: HTML-escaped in the HTML body, verbatim in subject and text body. A
 * missing value renders empty rather than failing the send; a broken template fails with its reason.
 */
@Component
class EmailRenderer {

    private final Mustache.Compiler html = Mustache.compiler().defaultValue("").withEscaper(Escapers.HTML);
    private final Mustache.Compiler plain = Mustache.compiler().defaultValue("").withEscaper(Escapers.NONE);

    /**
     * The variant for a reader of {@code language} (theirs, else Italian, else any), filled in.
     *
     * @throws IllegalArgumentException when the template has no variant or cannot be rendered
     */
    RenderedEmail render(EmailTemplate template, String language, Map<String, Object> context) {
        EmailTemplateVariant variant = template.variantFor(language).orElseThrow(() -> new IllegalArgumentException(
                "Template '" + template.name() + "' has no text in any language"));
        try {
            return render(variant, context);
        } catch (MustacheException e) {
            throw new IllegalArgumentException("Template '" + template.name() + "' cannot be rendered: "
                    + e.getMessage(), e);
        }
    }

    /** One variant filled in; a broken one throws {@link MustacheException}. */
    RenderedEmail render(EmailTemplateVariant variant, Map<String, Object> context) {
        return new RenderedEmail(
                plain.compile(variant.subject()).execute(context).strip(),
                html.compile(variant.bodyHtml()).execute(context),
                plain.compile(variant.bodyText()).execute(context));
    }

    void check(String... sources) {
        for (String source : sources) {
            try {
                plain.compile(source);
            } catch (MustacheException e) {
                throw new IllegalArgumentException("Not a valid template: " + e.getMessage(), e);
            }
        }
    }
}
