package com.flowstate.action.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookUrlsTest {

    @Test
    void acceptsOnlyAbsoluteHttpAndHttpsUrlsWithAHost() {
        assertThat(WebhookUrls.parse("https://erp.example.com/hooks/flowstate")).isPresent();
        assertThat(WebhookUrls.parse("HTTP://127.0.0.1:8081/x")).isPresent();
        assertThat(WebhookUrls.parse("ftp://erp.example.com/drop")).isEmpty();
        assertThat(WebhookUrls.parse("/hooks/relative")).isEmpty();
        assertThat(WebhookUrls.parse("https:///no-host")).isEmpty();
        assertThat(WebhookUrls.parse("mailto:ops@example.com")).isEmpty();
        assertThat(WebhookUrls.parse("https://bad host/")).isEmpty();
        assertThat(WebhookUrls.parse(" ")).isEmpty();
    }

    @Test
    void hidesUserInfoAndQueryValuesButKeepsWhereTheCallWent() {
        assertThat(WebhookUrls.redacted("https://bot:s3cret@erp.example.com:8443/hooks/a?token=abc&mode=test&flag"))
                .isEqualTo("https://***@erp.example.com:8443/hooks/a?token=***&mode=***&flag");
        assertThat(WebhookUrls.redacted("http://127.0.0.1:9000/status/200/x"))
                .isEqualTo("http://127.0.0.1:9000/status/200/x");
    }

    @Test
    void leavesAnExpressionAsWritten() {
        assertThat(WebhookUrls.redacted("${erpUrl}")).isEqualTo("${erpUrl}");
    }
}
