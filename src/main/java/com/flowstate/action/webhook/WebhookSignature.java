package com.flowstate.action.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook body so the receiver can tell it came from us: {@code X-Flowstate-Signature: sha256=<hex>}, the
 * HMAC-SHA256 of the exact body bytes with the shared secret (the scheme GitHub and Stripe receivers know). The secret
 * itself never travels.
 */
final class WebhookSignature {

    static final String HEADER = "X-Flowstate-Signature";

    private WebhookSignature() {
    }

    static String of(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
