package org.lafaom.platform.storage;

import java.util.Arrays;
import java.util.Optional;

/** File types we accept, recognised by their first bytes. */
public enum FileKind {
    PDF("pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    WEBP("webp", "image/webp", null);

    private final String extension;
    private final String mediaType;
    private final byte[] magic;

    FileKind(String extension, String mediaType, byte[] magic) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<FileKind> detect(byte[] head) {
        if (head.length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Arrays.stream(values())
                .filter(k -> k.magic != null && head.length >= k.magic.length
                        && Arrays.equals(Arrays.copyOf(head, k.magic.length), k.magic))
                .findFirst();
    }

    /** The media type a stored file of this name is served as: its kind's, by extension, else octet-stream. */
    public static String mediaTypeOf(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return fromExtension(extension).map(FileKind::mediaType).orElse("application/octet-stream");
    }

    public static Optional<FileKind> fromExtension(String ext) {
        return Arrays.stream(values()).filter(k -> k.extension.equalsIgnoreCase(ext)).findFirst();
    }
}
