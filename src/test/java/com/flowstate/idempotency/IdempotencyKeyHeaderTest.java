package com.flowstate.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotencyKeyHeaderTest {

    @Test
    void aKeyIsOneTo255PrintableAsciiCharacters() {
        assertThat(IdempotencyFilter.key("8e03978e-40d5-43e8-bc93-6894a57f9324")).hasValue(
                "8e03978e-40d5-43e8-bc93-6894a57f9324");
        assertThat(IdempotencyFilter.key("a")).hasValue("a");
        assertThat(IdempotencyFilter.key("k".repeat(255))).isPresent();
        assertThat(IdempotencyFilter.key("with spaces ~!")).hasValue("with spaces ~!");

        assertThat(IdempotencyFilter.key("")).isEmpty();
        assertThat(IdempotencyFilter.key("k".repeat(256))).isEmpty();
        assertThat(IdempotencyFilter.key("caf\u00e9")).isEmpty();
        assertThat(IdempotencyFilter.key("tab\tin")).isEmpty();
        assertThat(IdempotencyFilter.key("nul\0")).isEmpty();
    }

    @Test
    void aQuotedKeyAsTheIetfDraftWritesItIsTheSameKey() {
        assertThat(IdempotencyFilter.key("\"abc\"")).hasValue("abc");
        assertThat(IdempotencyFilter.key("\"\"")).isEmpty();
    }
}
