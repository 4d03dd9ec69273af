package com.flowstate.action.email;

import com.flowstate.i18n.Reason;

/**
 * What is wrong with one field of an e-mail template.
 *
 * @param field  as the REST body names it: {@code name}, or {@code variants.<language>.subject|bodyHtml|bodyText}
 * @param reason readable in every UI language; its English text for the API
 */
public record EmailTemplateProblem(String field, Reason reason) {
}
