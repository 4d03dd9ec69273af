package com.flowstate.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * Encrypts SMTP passwords at rest with AES-256-GCM (Spring Security's {@code Encryptors.delux}: a random IV per
 * value, a key derived from the configured secret by PBKDF2). Decrypted passwords exist only while a mail sender
 * is built.
 */
@Component
class SecretCipher {

    private final TextEncryptor encryptor;

    SecretCipher(SecretProperties properties) {
        this.encryptor = Encryptors.delux(properties.key(), saltFrom(properties.key()));
    }

    String encrypt(String plain) {
        return plain == null || plain.isEmpty() ? null : encryptor.encrypt(plain);
    }

    String decrypt(String encrypted) {
        return encrypted == null ? null : encryptor.decrypt(encrypted);
    }

    /** A salt derived from the key, so the same key decrypts on every node without storing a salt. */
    private static String saltFrom(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("flowstate-salt:" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
