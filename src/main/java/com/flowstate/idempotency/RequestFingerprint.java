package com.flowstate.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * What makes a retry "the same request": method, path with query string, and a SHA-256 of the body. A key reused for
 * a request that differs in any of them is refused (422), so a client bug never gets another request's answer.
 */
record RequestFingerprint(String method, String path, byte[] bodyHash) {

    static RequestFingerprint of(String method, String path, byte[] body) {
        try {
            return new RequestFingerprint(method, path, MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    boolean matches(RequestFingerprint other) {
        return method.equals(other.method) && path.equals(other.path) && Arrays.equals(bodyHash, other.bodyHash);
    }
}
