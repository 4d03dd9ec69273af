package com.flowstate.mail;

/** How the connection to an SMTP server is protected. */
public enum SmtpSecurity {
    /** Plain SMTP (a local relay, a test server). */
    NONE,
    /** Plain connection upgraded with STARTTLS; the upgrade is required, never silently skipped (usually port 587). */
    STARTTLS,
    /** TLS from the first byte, "SMTPS" (usually port 465). */
    SSL_TLS
}
