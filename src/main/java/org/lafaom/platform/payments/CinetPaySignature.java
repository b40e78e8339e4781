package org.lafaom.platform.payments;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code x-token} of CinetPay notifications: HMAC-SHA256, hex, keyed with the merchant's secret
 * key, over the form fields concatenated in the order CinetPay documents (absent fields count as
 * empty). Compared in constant time.
 */
final class CinetPaySignature {

    static final List<String> FIELDS = List.of(
            "cpm_site_id", "cpm_trans_id", "cpm_trans_date", "cpm_amount", "cpm_currency", "signature", "payment_method",
            "cel_phone_num", "cpm_phone_prefixe", "cpm_language", "cpm_version", "cpm_payment_config", "cpm_page_action",
            "cpm_custom", "cpm_designation", "cpm_error_message");

    private CinetPaySignature() {}

    static String token(String secretKey, Map<String, String> form) {
        StringBuilder data = new StringBuilder();
        for (String field : FIELDS) {
            String value = form.get(field);
            data.append(value == null ? "" : value);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    static boolean verify(String secretKey, Map<String, String> form, String xToken) {
        if (secretKey == null || secretKey.isEmpty() || xToken == null) {
            return false;
        }
        byte[] expected = token(secretKey, form).getBytes(StandardCharsets.US_ASCII);
        byte[] given = xToken.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
