package com.flowstate.action.email;

/** An e-mail template: Mustache subject, HTML body and plain-text body. */
public record EmailTemplate(long id, String name, String subject, String bodyHtml, String bodyText) {
}
