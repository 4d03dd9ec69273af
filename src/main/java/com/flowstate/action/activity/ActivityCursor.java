package com.flowstate.action.activity;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

/** Position after the last activity of a page in (due date, id) order; opaque to clients (URL-safe Base64). */
record ActivityCursor(LocalDate dueDate, long id) {

    String encode() {
        String raw = dueDate + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static ActivityCursor decode(String encoded) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\n", 2);
            return new ActivityCursor(LocalDate.parse(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid cursor", e);
        }
    }
}
