package org.lafaom.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

class KeyEncryptionTests {

    private static final String KEY_A = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String KEY_B = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

    private static AuthProperties properties(String key) {
        var source = new MapConfigurationPropertySource(java.util.Map.of("lafaom.auth.key-encryption-key", key));
        return new Binder(source).bindOrCreate("lafaom.auth", AuthProperties.class);
    }

    private static MockEnvironment externalDatabase() {
        return new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/lafaom_db");
    }

    @Test
    void whenSealedThenOnlyTheSameKeyAndKidOpenIt(@TempDir Path dir) {
        KeyEncryption a = new KeyEncryption(properties(KEY_A), externalDatabase(), dir.toString());
        byte[] sealed = a.encrypt("private jwk".getBytes(StandardCharsets.UTF_8), "kid-1");

        assertThat(new String(a.decrypt(sealed, "kid-1"), StandardCharsets.UTF_8)).isEqualTo("private jwk");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("private jwk");
        assertThatThrownBy(() -> a.decrypt(sealed, "kid-2")).isInstanceOf(IllegalStateException.class);
        KeyEncryption b = new KeyEncryption(properties(KEY_B), externalDatabase(), dir.toString());
        assertThatThrownBy(() -> b.decrypt(sealed, "kid-1")).hasMessageContaining("LAFAOM_KEY_ENCRYPTION_KEY");
    }

    @Test
    void whenNoKeyIsSetWithAnExternalDatabaseThenStartIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> new KeyEncryption(properties(""), externalDatabase(), dir.toString()))
                .hasMessageContaining("Set LAFAOM_KEY_ENCRYPTION_KEY");
        assertThatThrownBy(() -> new KeyEncryption(properties("c2hvcnQ="), externalDatabase(), dir.toString()))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void whenNoKeyIsSetWithTheEmbeddedDatabaseThenALocalKeyIsKeptBetweenRuns(@TempDir Path dir) {
        KeyEncryption first = new KeyEncryption(properties(""), new MockEnvironment(), dir.toString());
        byte[] sealed = first.encrypt("x".getBytes(StandardCharsets.UTF_8), "k");
        KeyEncryption second = new KeyEncryption(properties(""), new MockEnvironment(), dir.toString());

        assertThat(second.decrypt(sealed, "k")).isEqualTo("x".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.exists(dir.resolve("key-encryption.key"))).isTrue();
    }
}
