package com.flowstate.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The local SMTP sink of the demo and the tests: a real SMTP server inside the app that keeps what it receives.
 *
 * @param enabled start it
 * @param port    its port; 0 picks a free one
 */
@ConfigurationProperties("flowstate.mail-sink")
public record MailSinkProperties(boolean enabled, int port) {
}
