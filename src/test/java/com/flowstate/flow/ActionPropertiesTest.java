package com.flowstate.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ActionPropertiesTest {

    @Test
    void countsTheAttemptsOfTheRetryCycle() {
        assertThat(new ActionProperties("R3/PT30S", Duration.ofSeconds(30)).attempts()).isEqualTo(3);
        assertThat(new ActionProperties("R1/PT1S", Duration.ofSeconds(30)).attempts()).isEqualTo(1);
    }

    @Test
    void refusesACycleItCannotCount() {
        assertThatThrownBy(() -> new ActionProperties("PT10S,PT1M", Duration.ofSeconds(30))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("R3/PT30S");
    }
}
