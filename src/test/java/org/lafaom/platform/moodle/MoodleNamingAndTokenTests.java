package org.lafaom.platform.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Course names that never collide, and where the web-service token comes from. */
class MoodleNamingAndTokenTests {

    private static final String SESSION = "6b1f6f0e-5a7d-4c1e-9a51-0d6c2f7b9e11";

    @Test
    void whenATitleHasAccentsAndSignsThenTheShortNameIsAsciiAndEndsWithTheSessionId() {
        assertThat(MoodleProvisioning.shortname(session("Hygiène & Sécurité : niveau 2"))).isEqualTo("hygiene-securite-niveau-2-" + SESSION);
    }

    @Test
    void whenTwoSessionsShareATitleThenTheirShortNamesDiffer() {
        String other = "0c2e1a44-2f9b-4c61-8e0f-3f2a9d1b7c55";
        assertThat(MoodleProvisioning.shortname(session("Secourisme")))
                .isNotEqualTo(MoodleProvisioning.shortname(new TrainingFacts.Session(other, "Secourisme", null, null, null)));
    }

    @Test
    void whenTheTitleIsLongOrEmptyThenThePrefixIsCutOrReplaced() {
        String longTitle = "Formation professionnelle qualifiante aux métiers de l'accompagnement social";
        String shortname = MoodleProvisioning.shortname(session(longTitle));
        assertThat(shortname.length()).isLessThanOrEqualTo(40 + 1 + SESSION.length());
        assertThat(shortname).doesNotContain("--").endsWith("-" + SESSION);
        assertThat(MoodleProvisioning.shortname(session("   "))).isEqualTo("session-" + SESSION);
    }

    @Test
    void whenTheSessionHasAStartDateThenTheFullNameShowsIt() {
        assertThat(MoodleProvisioning.fullname(new TrainingFacts.Session(SESSION, "Secourisme", LocalDate.of(2027, 1, 15), null, null)))
                .isEqualTo("Secourisme (2027-01-15)");
        assertThat(MoodleProvisioning.fullname(session("Secourisme"))).isEqualTo("Secourisme");
    }

    @Test
    void whenTheTokenIsSetItWinsElseTheFileIsReadAtEachCall(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("moodle_ws_token");
        assertThat(properties("direct-token", file).token()).isEqualTo("direct-token");
        MoodleProperties fromFile = properties("", file);
        assertThat(fromFile.token()).as("no file yet").isNull();
        Files.writeString(file, "   \n");
        assertThat(fromFile.token()).as("blank file").isNull();
        Files.writeString(file, "written-by-moodle-init\n");
        assertThat(fromFile.token()).isEqualTo("written-by-moodle-init");
        Files.writeString(file, "rotated\n");
        assertThat(fromFile.token()).isEqualTo("rotated");
        assertThat(properties(null, null).token()).isNull();
    }

    private static TrainingFacts.Session session(String title) {
        return new TrainingFacts.Session(SESSION, title, null, null, null);
    }

    private static MoodleProperties properties(String token, Path file) {
        return new MoodleProperties("https://moodle.example", null, token, file, Duration.ofSeconds(1), 5, 1, Duration.ofHours(6));
    }
}
