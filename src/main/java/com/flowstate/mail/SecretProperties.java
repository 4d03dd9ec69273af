package com.flowstate.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key key material for encrypting SMTP passwords at rest ({@code FLOWSTATE_SECRET_KEY}); required outside
 *            the demo profile, at least 16 characters
 */
@ConfigurationProperties("flowstate.secrets")
public record SecretProperties(String key) {

    public SecretProperties {
        if (key == null || key.length() < 16) {
            throw new IllegalStateException("Set FLOWSTATE_SECRET_KEY (flowstate.secrets.key, 16+ characters): "
                    + "SMTP passwords are encrypted with it");
        }
    }
}
