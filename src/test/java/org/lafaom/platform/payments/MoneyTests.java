package org.lafaom.platform.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void whenConvertedThenTheChargeIsRoundedUpToTheNextMultipleOfFive() {
        assertThat(Money.charged(new BigDecimal("50"), new BigDecimal("655.957"))).isEqualByComparingTo("32800");
        assertThat(Money.charged(new BigDecimal("50.00"), new BigDecimal("675"))).isEqualByComparingTo("33750");
        assertThat(Money.charged(new BigDecimal("1"), new BigDecimal("1"))).isEqualByComparingTo("5");
        assertThat(Money.charged(new BigDecimal("5000"), BigDecimal.ONE)).isEqualByComparingTo("5000");
        assertThat(Money.charged(new BigDecimal("5000.01"), BigDecimal.ONE)).isEqualByComparingTo("5005");
    }

    @Test
    void whenChargedThenTheAmountIsAnExactIntegerNeverBelowThePrice() {
        BigDecimal charged = Money.charged(new BigDecimal("0.10"), new BigDecimal("0.1"));
        assertThat(charged.scale()).isLessThanOrEqualTo(0);
        assertThat(charged).isEqualByComparingTo("5");
        for (int cents = 1; cents < 2000; cents += 37) {
            BigDecimal price = BigDecimal.valueOf(cents, 2);
            BigDecimal result = Money.charged(price, new BigDecimal("655.957"));
            assertThat(result.remainder(BigDecimal.valueOf(5))).isEqualByComparingTo("0");
            assertThat(result).isGreaterThanOrEqualTo(price.multiply(new BigDecimal("655.957")));
            assertThat(result.subtract(price.multiply(new BigDecimal("655.957")))).isLessThan(BigDecimal.valueOf(5));
        }
    }

    @Test
    void whenACurrencyCodeIsReadThenOnlyThreeLettersPass() {
        assertThat(Money.currency(" eur ")).isEqualTo("EUR");
        assertThat(Money.currency("XAF")).isEqualTo("XAF");
        assertThat(Money.currency("EURO")).isNull();
        assertThat(Money.currency("E1R")).isNull();
        assertThat(Money.currency(null)).isNull();
    }

    @Test
    void whenADescriptionHasCharactersCinetPayRefusesThenTheyAreRemoved() {
        assertThat(Payments.description("Frais #1 / Cabinet A&B $ 50_EUR")).isEqualTo("Frais 1 Cabinet A B 50 EUR");
        assertThat(Payments.description("x".repeat(300))).hasSize(200);
    }
}
