package com.flowstate.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMTP time-outs given to accounts set up by the demo data and the tests, and proposed for a new account in the
 * admin view; each account keeps its own (issue 11).
 *
 * @param connectTimeout how long to wait for an SMTP server to accept the connection
 * @param readTimeout    how long to wait for each SMTP reply (and write)
 */
@ConfigurationProperties("flowstate.mail")
public record MailProperties(Duration connectTimeout, Duration readTimeout) {
}
