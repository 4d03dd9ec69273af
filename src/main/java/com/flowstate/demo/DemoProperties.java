package com.flowstate.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param opportunities how many demo opportunities to open and push through the flow on the first start
 * @param smtpHost      SMTP server of the demo's working account (e.g. Mailpit in docker-compose); empty = the
 *                      embedded SMTP sink
 * @param smtpPort      its port
 */
@ConfigurationProperties("flowstate.demo")
public record DemoProperties(int opportunities, String smtpHost, int smtpPort) {

    boolean usesExternalSmtp() {
        return smtpHost != null && !smtpHost.isBlank();
    }
}
