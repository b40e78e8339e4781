package org.lafaom.platform.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CinetPaySignatureTests {

    private static final String KEY = "merchant-secret";

    private static Map<String, String> form() {
        Map<String, String> form = new HashMap<>();
        form.put("cpm_site_id", "105900001");
        form.put("cpm_trans_id", "0b6e3c1e-1111-4222-8333-944455556666");
        form.put("cpm_trans_date", "2025-09-17 10:15:00");
        form.put("cpm_amount", "33750");
        form.put("cpm_currency", "XAF");
        form.put("signature", "abc");
        form.put("payment_method", "OM");
        form.put("cpm_custom", "JobApplication-12");
        return form;
    }

    @Test
    void whenTheTokenIsComputedThenItIsTheHmacSha256HexOfTheFieldsInCinetPaysOrder() {
        // Computed independently with:
        // printf %s "1059000010b6e3c1e-1111-4222-8333-9444555566662025-09-17 10:15:0033750XAFabcOMJobApplication-12" \
        //   | openssl dgst -sha256 -hmac merchant-secret
        assertThat(CinetPaySignature.token(KEY, form()))
                .isEqualTo("a4c7baefe09753d6b888e1bdacff19b8fbfd4f7ee3c984b5030d2c69a14c661a");
    }

    @Test
    void whenTheTokenMatchesThenItVerifiesWhateverTheHexCase() {
        String token = CinetPaySignature.token(KEY, form());
        assertThat(CinetPaySignature.verify(KEY, form(), token)).isTrue();
        assertThat(CinetPaySignature.verify(KEY, form(), token.toUpperCase())).isTrue();
    }

    @Test
    void whenAnyFieldOrTheKeyDiffersThenTheTokenDoesNotVerify() {
        String token = CinetPaySignature.token(KEY, form());
        Map<String, String> tampered = form();
        tampered.put("cpm_amount", "100");
        assertThat(CinetPaySignature.verify(KEY, tampered, token)).isFalse();
        Map<String, String> extra = form();
        extra.put("cpm_error_message", "x");
        assertThat(CinetPaySignature.verify(KEY, extra, token)).isFalse();
        assertThat(CinetPaySignature.verify("another-key", form(), token)).isFalse();
        assertThat(CinetPaySignature.verify(KEY, form(), token.substring(1))).isFalse();
        assertThat(CinetPaySignature.verify(KEY, form(), null)).isFalse();
    }

    @Test
    void whenNoSecretIsConfiguredThenNothingVerifies() {
        assertThat(CinetPaySignature.verify("", form(), CinetPaySignature.token("x", form()))).isFalse();
        assertThat(CinetPaySignature.verify(null, form(), "00")).isFalse();
    }
}
