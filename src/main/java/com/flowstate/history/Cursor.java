package com.flowstate.history;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Position after the last row of a page: the sort it was made for, that row's sort value and its id. Opaque to
 * clients (URL-safe Base64); a cursor made for another sort is refused.
 */
record Cursor(String sort, SortDirection direction, String value, long id) {

    String encode() {
        String raw = sort + "\n" + direction + "\n" + id + "\n" + (value == null ? "" : value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String encoded) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8)
                    .split("\n", 4);
            return new Cursor(parts[0], SortDirection.valueOf(parts[1]), parts[3], Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid cursor", e);
        }
    }
}
