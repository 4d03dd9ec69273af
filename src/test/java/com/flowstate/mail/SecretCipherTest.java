package com.flowstate.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    @Test
    void encryptsWithAFreshIvAndDecryptsBack() {
        SecretCipher cipher = new SecretCipher(new SecretProperties("a-long-enough-secret-key"));

        String first = cipher.encrypt("smtp-password");
        String second = cipher.encrypt("smtp-password");

        assertThat(first).isNotEqualTo(second).doesNotContain("smtp-password");
        assertThat(cipher.decrypt(first)).isEqualTo("smtp-password");
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String encrypted = new SecretCipher(new SecretProperties("a-long-enough-secret-key")).encrypt("pw");

        assertThatThrownBy(() -> new SecretCipher(new SecretProperties("another-long-secret-key")).decrypt(encrypted))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToStartWithoutAKey() {
        assertThatThrownBy(() -> new SecretProperties("")).hasMessageContaining("FLOWSTATE_SECRET_KEY");
    }
}
