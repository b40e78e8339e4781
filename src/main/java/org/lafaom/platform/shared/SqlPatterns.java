package org.lafaom.platform.shared;

/** Text search in SQL: user input inside a LIKE pattern matches literally (use with {@code ESCAPE '\'}). */
public final class SqlPatterns {

    private SqlPatterns() {}

    /** {@code %text%}, with {@code \}, {@code %} and {@code _} of the text escaped; surrounding blanks dropped. */
    public static String contains(String text) {
        return "%" + text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
