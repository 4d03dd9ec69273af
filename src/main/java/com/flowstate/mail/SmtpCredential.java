package com.flowstate.mail;

import java.time.Instant;

/**
 * An SMTP account actions send through, as the rest of the app may see it: never with its password.
 */
public record SmtpCredential(long id, String name, String host, int port, String username, String fromAddress,
                             boolean startTls, Instant updatedAt) {
}
