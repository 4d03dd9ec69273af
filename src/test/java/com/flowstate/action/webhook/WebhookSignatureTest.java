package com.flowstate.action.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsTheBodyWithHmacSha256OfTheSharedSecret() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertThat(WebhookSignature.of("Jefe", "what do ya want for nothing?"))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void anotherBodyOrSecretGivesAnotherSignature() {
        String signature = WebhookSignature.of("secret", "{\"event\":\"substate.closed\"}");

        assertThat(WebhookSignature.of("secret", "{\"event\":\"substate.opened\"}")).isNotEqualTo(signature);
        assertThat(WebhookSignature.of("other", "{\"event\":\"substate.closed\"}")).isNotEqualTo(signature);
    }
}
