package com.flowstate.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

import com.flowstate.security.WebSecurityProperties.CredentialCacheSettings;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The password check's bcrypt, remembered for a few minutes once it said yes (decision 0026): HTTP Basic clients send
 * the password with every request, and bcrypt costs ~100 ms of CPU each time. Only successful checks are kept, under
 * an HMAC-SHA-256 — keyed with a random key made at start-up and never stored — of the presented password and the
 * stored bcrypt hash it matched. So a changed password (a new hash) misses at once, the password itself is never kept,
 * and the user is still loaded on every request: a disabled user, a changed role or partner company apply at once,
 * and the sign-in throttle, which runs before this check, still counts and locks.
 */
final class VerifiedCredentialCache implements PasswordEncoder {

    private static final String HMAC = "HmacSHA256";

    private final PasswordEncoder bcrypt;
    private final Cache<String, Boolean> verified;
    private final SecretKeySpec key;
    private volatile boolean bypassed;

    VerifiedCredentialCache(PasswordEncoder bcrypt, CredentialCacheSettings settings) {
        this.bcrypt = bcrypt;
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(settings.ttl().isNegative() ? Duration.ZERO : settings.ttl())
                .maximumSize(Math.max(0, settings.maximumSize()))
                .build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
        this.bypassed = settings.ttl().isZero() || settings.ttl().isNegative() || settings.maximumSize() <= 0;
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (bypassed || rawPassword == null || encodedPassword == null) {
            return bcrypt.matches(rawPassword, encodedPassword);
        }
        String entry = entry(rawPassword, encodedPassword);
        if (verified.getIfPresent(entry) != null) {
            return true;
        }
        boolean matches = bcrypt.matches(rawPassword, encodedPassword);
        if (matches) {
            verified.put(entry, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(rawPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return bcrypt.upgradeEncoding(encodedPassword);
    }

    /** Forgets every verified credential, e.g. after users were changed in bulk. */
    void invalidateAll() {
        verified.invalidateAll();
    }

    /** Checks every password with bcrypt again (the benchmark's baseline); false goes back to remembering. */
    void bypass(boolean bypass) {
        this.bypassed = bypass;
        verified.invalidateAll();
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private String entry(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
