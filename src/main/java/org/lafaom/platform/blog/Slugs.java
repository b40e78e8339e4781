package org.lafaom.platform.blog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import net.gcardone.junidecode.Junidecode;
import org.springframework.web.util.HtmlUtils;

/**
 * Slugs made the way the old backend's python-slugify made them (default options), so existing
 * URLs and new ones follow one rule: "Été à Dakar" gives {@code ete-a-dakar}.
 */
final class Slugs {

    private static final Pattern QUOTES = Pattern.compile("'+");
    private static final Pattern COMMA_BETWEEN_DIGITS = Pattern.compile("(?<=\\d),(?=\\d)");
    private static final Pattern DISALLOWED = Pattern.compile("[^-a-z0-9]+");
    private static final Pattern DASHES = Pattern.compile("-{2,}");

    private Slugs() {}

    /** The steps of python-slugify's {@code slugify(text)}, in its order. May be empty. */
    static String slugify(String text) {
        String s = QUOTES.matcher(text).replaceAll("-");
        s = Junidecode.unidecode(s);
        s = HtmlUtils.htmlUnescape(s);
        s = Normalizer.normalize(s, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        s = QUOTES.matcher(s).replaceAll("");
        s = COMMA_BETWEEN_DIGITS.matcher(s).replaceAll("");
        s = DISALLOWED.matcher(s).replaceAll("-");
        s = DASHES.matcher(s).replaceAll("-");
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
