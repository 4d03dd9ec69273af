package com.flowstate.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ActionPropertiesTest {

    @Test
    void countsTheAttemptsOfTheRetryCycle() {
        assertThat(new ActionProperties("R3/PT30S").attempts()).isEqualTo(3);
        assertThat(new ActionProperties("R1/PT1S").attempts()).isEqualTo(1);
    }

    @Test
    void refusesACycleItCannotCount() {
        assertThatThrownBy(() -> new ActionProperties("PT10S,PT1M")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("R3/PT30S");
    }
}
