package com.flowstate.action.email;

/**
 * An e-mail template's texts in one language, each a Mustache template. Checked when saved ({@link
 * EmailTemplateService}), not here, so every problem is reported at its field at once.
 *
 * @param subject  one line; rendered verbatim
 * @param bodyHtml HTML-escaped where it inserts a value
 * @param bodyText the plain-text alternative, rendered verbatim
 */
public record EmailTemplateVariant(String subject, String bodyHtml, String bodyText) {

    /** Characters in a subject line. */
    public static final int MAX_SUBJECT = 500;
    /** Characters in one body: a generous e-mail, far from a megabyte. */
    public static final int MAX_BODY = 100_000;
}
