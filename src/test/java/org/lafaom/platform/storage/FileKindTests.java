package org.lafaom.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileKindTests {

    @Test
    void whenBytesStartLikeAKnownFormatThenThatKindIsDetected() {
        assertThat(FileKind.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(FileKind.PDF);
        assertThat(FileKind.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(FileKind.JPEG);
        assertThat(FileKind.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0})).contains(FileKind.PNG);
        assertThat(FileKind.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).contains(FileKind.WEBP);
    }

    @Test
    void whenBytesAreAnythingElseThenNoKindIsDetected() {
        assertThat(FileKind.detect("<html><body>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileKind.detect("MZ\u0090\0".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(FileKind.detect(new byte[0])).isEmpty();
        assertThat(FileKind.detect("%PD".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileKind.detect("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }
}
