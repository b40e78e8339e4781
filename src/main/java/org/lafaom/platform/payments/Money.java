package org.lafaom.platform.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Money rules, kept exact: decimals only, never floating point. */
final class Money {

    private static final BigDecimal FIVE = BigDecimal.valueOf(5);
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Money() {}

    /**
     * The amount CinetPay is asked to charge: {@code amount × rate} in the charged currency, as an
     * integer rounded up to the next multiple of 5 (CinetPay refuses other amounts; rounding up
     * never undercharges).
     */
    static BigDecimal charged(BigDecimal amount, BigDecimal rate) {
        BigDecimal raw = amount.multiply(rate);
        return raw.divide(FIVE, 0, RoundingMode.CEILING).multiply(FIVE);
    }

    /** An ISO 4217 style code, upper-cased; null when it is not three letters. */
    static String currency(String code) {
        if (code == null) {
            return null;
        }
        String upper = code.trim().toUpperCase(java.util.Locale.ROOT);
        return CURRENCY.matcher(upper).matches() ? upper : null;
    }
}
