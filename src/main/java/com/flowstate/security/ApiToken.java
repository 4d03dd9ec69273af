package com.flowstate.security;

import java.time.Instant;

/**
 * One of a user's API tokens as its owner sees it: never the token itself, which is shown only once, when created.
 *
 * @param prefix     the token's first characters, to tell tokens apart
 * @param lastUsedAt when it last authenticated a request, to the minute (null: never)
 * @param expiresAt  when it stops working (null: when revoked)
 */
public record ApiToken(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
                       Instant expiresAt) {

    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
