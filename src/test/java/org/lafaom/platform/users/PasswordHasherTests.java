package org.lafaom.platform.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordHasherTests {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void whenHashingThenArgon2idIsUsedAndVerifies() {
        String hash = hasher.hash("correct horse battery");
        assertThat(hash).startsWith("$argon2id$v=19$m=9216,t=4,p=1$");
        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
        assertThat(hasher.matches("wrong horse battery", hash)).isFalse();
        assertThat(hasher.needsUpgrade(hash)).isFalse();
    }

    @Test
    void whenHashHasEarlierArgon2SettingsThenItVerifiesAndNeedsUpgrade() {
        String earlier = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).encode("earlier-secret");
        assertThat(earlier).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.matches("earlier-secret", earlier)).isTrue();
        assertThat(hasher.matches("Earlier-secret", earlier)).isFalse();
        assertThat(hasher.needsUpgrade(earlier)).isTrue();
    }

    @Test
    void whenHashIsPasslibBcryptThenItVerifiesAndNeedsUpgrade() {
        String passlib = new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2B, 12).encode("legacy-secret");
        assertThat(passlib).startsWith("$2b$12$");
        assertThat(hasher.matches("legacy-secret", passlib)).isTrue();
        assertThat(hasher.matches("legacy-Secret", passlib)).isFalse();
        assertThat(hasher.needsUpgrade(passlib)).isTrue();
    }

    @Test
    void whenAccountIsUnknownOrPasswordAbsurdThenNothingMatches() {
        assertThat(hasher.matches("anything", null)).isFalse();
        assertThat(hasher.matches(null, hasher.hash("x-password"))).isFalse();
        assertThat(hasher.matches("a".repeat(129), hasher.hash("a".repeat(129)))).isFalse();
        assertThat(hasher.matches("x", "!")).isFalse();
    }

    @Test
    void whenPasswordIsTooShortOrTooLongThenItIsNotAcceptable() {
        assertThat(PasswordHasher.isAcceptable("1234567")).isFalse();
        assertThat(PasswordHasher.isAcceptable("12345678")).isTrue();
        assertThat(PasswordHasher.isAcceptable("a".repeat(129))).isFalse();
        assertThat(PasswordHasher.isAcceptable(null)).isFalse();
    }
}
