package com.flowstate.mail;

import com.flowstate.i18n.Reason;

/**
 * What a connection test of an SMTP account found.
 *
 * @param server      the account's host and port, as tested
 * @param succeeded   connected, authenticated when the account has a username, and sent the test message if asked
 * @param messageSent whether a test message was handed over
 * @param serverReply the server's answer to the connection (e.g. {@code 235 2.7.0 Authentication successful}), then
 *                    to the test message after a {@code /}, as it came; empty when the server never answered
 * @param reason      why it failed, in any reader's language; null when it succeeded
 */
public record SmtpTestResult(String server, boolean succeeded, boolean messageSent, String serverReply,
                             Reason reason) {
}
