package com.flowstate.action.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WebhookPropertiesTest {

    @Test
    void findsASecretByNameInAnyCaseAndNeverPrintsIt() {
        var properties = new WebhookProperties(null, null, Map.of("ERP", "s3cret", "blank", " "));

        assertThat(properties.secret("erp")).contains("s3cret");
        assertThat(properties.secret(" Erp ")).contains("s3cret");
        assertThat(properties.secret("blank")).isEmpty();
        assertThat(properties.toString()).doesNotContain("s3cret").contains("erp");
    }

    @Test
    void defaultsTheTimeoutsAndRefusesANonPositiveOne() {
        var defaults = new WebhookProperties(null, null, null);

        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> new WebhookProperties(Duration.ZERO, null, null))
                .hasMessageContaining("flowstate.webhook.connect-timeout");
    }
}
