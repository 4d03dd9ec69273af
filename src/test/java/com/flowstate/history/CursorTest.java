package com.flowstate.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void survivesARoundTripWithAnyValue() {
        Cursor cursor = new Cursor("TEMPLATE", SortDirection.ASC, "welcome\nwith | odd, chars ü", 42);

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void isUrlSafe() {
        String encoded = new Cursor("CREATED_AT", SortDirection.DESC, "2026-11-27 20:00:00.123+00", 7).encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void refusesGarbage() {
        assertThatThrownBy(() -> Cursor.decode("not a cursor")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid cursor");
    }
}
