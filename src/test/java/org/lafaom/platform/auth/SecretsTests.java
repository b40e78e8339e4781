package org.lafaom.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTests {

    @Test
    void whenCodesAreDrawnThenTheyUseOnlyUnambiguousCharactersAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = Secrets.code(5);
            assertThat(code).hasSize(5).matches("[A-HJ-NP-Z2-9]{5}");
            seen.add(code);
        }
        assertThat(seen.size()).isGreaterThan(990);
    }

    @Test
    void whenTokensAreDrawnThenTheyCarry256BitsUrlSafe() {
        assertThat(Secrets.opaqueToken()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Secrets.opaqueToken()).isNotEqualTo(Secrets.opaqueToken());
    }

    @Test
    void whenComparingThenOnlyEqualStringsMatch() {
        assertThat(Secrets.constantTimeEquals("abc", "abc")).isTrue();
        assertThat(Secrets.constantTimeEquals("abc", "abd")).isFalse();
        assertThat(Secrets.constantTimeEquals("abc", null)).isFalse();
        assertThat(Secrets.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
