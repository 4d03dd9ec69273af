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

    RenderedEmail render(EmailTemplate template, Map<String, Object> context) {
        try {
            return new RenderedEmail(
                    plain.compile(template.subject()).execute(context).strip(),
                    html.compile(template.bodyHtml()).execute(context),
                    plain.compile(template.bodyText()).execute(context));
        } catch (MustacheException e) {
            throw new IllegalArgumentException("Template '" + template.name() + "' cannot be rendered: "
                    + e.getMessage(), e);
        }
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
