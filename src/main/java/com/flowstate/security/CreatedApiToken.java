package com.flowstate.security;

/**
 * A token just created: the only time its secret is ever shown.
 *
 * @param token the secret to send as {@code Authorization: Bearer <token>}
 */
public record CreatedApiToken(ApiToken details, String token) {
}
