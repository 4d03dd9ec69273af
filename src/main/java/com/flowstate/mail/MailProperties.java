package com.flowstate.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SMTP client settings shared by every credential.
 *
 * @param connectTimeout how long to wait for an SMTP server to accept the connection
 * @param readTimeout    how long to wait for each SMTP reply (and write)
 */
@ConfigurationProperties("flowstate.mail")
public record MailProperties(Duration connectTimeout, Duration readTimeout) {
}
