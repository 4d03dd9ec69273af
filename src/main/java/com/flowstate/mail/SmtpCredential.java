package com.flowstate.mail;

import java.time.Instant;

/**
 * An SMTP account actions send through, as the rest of the app may see it: never with its password, only whether
 * one is set.
 *
 * @param fromName              the sender's display name; null for the bare address
 * @param connectTimeoutSeconds how long to wait for the server to accept the connection
 * @param readTimeoutSeconds    how long to wait for each reply of the server (and each write)
 * @param passwordSet           whether a password is stored (it is sent when there is a username)
 * @param updatedAt             changes with every edit: a cached mail sender older than this is rebuilt
 */
public record SmtpCredential(long id, String name, String host, int port, SmtpSecurity security, String username,
                             String fromAddress, String fromName, int connectTimeoutSeconds, int readTimeoutSeconds,
                             boolean passwordSet, Instant updatedAt) {
}
