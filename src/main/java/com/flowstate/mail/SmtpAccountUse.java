package com.flowstate.mail;

/**
 * Something that names an SMTP account and would break without it.
 *
 * @param name how a reader finds it: a flow's name, key and version, or an export template's name
 */
public record SmtpAccountUse(Kind kind, String name) {

    public enum Kind {
        /**
         * A deployed flow has an action that sends through the account: in its latest version, or in an older one
         * opportunities still run on.
         */
        FLOW,
        /** An export template sends its files through the account. */
        EXPORT_TEMPLATE
    }
}
