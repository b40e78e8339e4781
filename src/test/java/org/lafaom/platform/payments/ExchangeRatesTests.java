package org.lafaom.platform.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/** The rate source: the fixed table by default, a provider (cached, with the table as fallback) when set. */
class ExchangeRatesTests {

    private final MutableClock clock = new MutableClock();
    private HttpServer provider;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<String> answer = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.stop(0);
        }
    }

    private ExchangeRates rates(String providerUrl, String providerKey) {
        PaymentsProperties properties = new PaymentsProperties("XAF",
                new PaymentsProperties.CinetPay("http://x", "", "", "", "ALL", "", "", Duration.ofSeconds(5), Duration.ofSeconds(10)),
                new PaymentsProperties.Rates(Map.of("eurxaf", new BigDecimal("675"), "USDXAF", new BigDecimal("600")),
                        providerUrl, providerKey, Duration.ofHours(4), Duration.ofSeconds(2)),
                new PaymentsProperties.Reconciliation(Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofHours(1),
                        Duration.ofHours(48), 50));
        return new ExchangeRates(properties, JsonMapper.builder().build(), clock);
    }

    @Test
    void whenTheTableHasThePairThenItsRateIsUsedAndSaysSo() {
        ExchangeRates.Rate rate = rates("", "").rate("EUR", "XAF").orElseThrow();
        assertThat(rate.value()).isEqualByComparingTo("675");
        assertThat(rate.source()).isEqualTo("fixed");
        assertThat(rate.at()).isNotNull();
    }

    @Test
    void whenOnlyTheInversePairIsKnownThenItsInverseIsUsed() {
        assertThat(rates("", "").rate("XAF", "USD").orElseThrow().value())
                .isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal("600"), new java.math.MathContext(16)));
    }

    @Test
    void whenBothCurrenciesAreTheSameThenTheRateIsOne() {
        ExchangeRates.Rate rate = rates("", "").rate("XAF", "XAF").orElseThrow();
        assertThat(rate.value()).isEqualByComparingTo("1");
        assertThat(rate.source()).isEqualTo("identity");
    }

    @Test
    void whenNoSourceKnowsThePairThenThereIsNoRateRatherThanOne() {
        assertThat(rates("", "").rate("GBP", "XAF")).isEmpty();
    }

    @Test
    void whenOnlyInformativeRatesAreAskedThenTheyCrossThroughTheChargedCurrency() {
        assertThat(rates("", "").informative("USD", "EUR", "XAF")).isEqualByComparingTo(new BigDecimal("600").divide(new BigDecimal("675"),
                new java.math.MathContext(16)));
        assertThat(rates("", "").informative("USD", "GBP", "XAF")).isEqualByComparingTo("0");
    }

    @Test
    void whenAProviderIsConfiguredThenItsQuoteIsUsedCachedAndSentWithTheKey() throws Exception {
        AtomicReference<String> key = new AtomicReference<>();
        AtomicReference<String> query = new AtomicReference<>();
        startProvider(key, query);
        answer.set("{\"success\":true,\"timestamp\":1758100000,\"source\":\"EUR\",\"quotes\":{\"EURXAF\":655.957}}");
        ExchangeRates rates = rates(providerUrl(), "provider-key");

        ExchangeRates.Rate first = rates.rate("EUR", "XAF").orElseThrow();
        ExchangeRates.Rate second = rates.rate("EUR", "XAF").orElseThrow();

        assertThat(first.value()).isEqualByComparingTo("655.957");
        assertThat(first.source()).isEqualTo("provider");
        assertThat(first.at().toEpochSecond()).isEqualTo(1758100000L);
        assertThat(second).isEqualTo(first);
        assertThat(calls.get()).isEqualTo(1);
        assertThat(key.get()).isEqualTo("provider-key");
        assertThat(query.get()).contains("source=EUR").contains("currencies=XAF");

        clock.advance(Duration.ofHours(5));
        rates.rate("EUR", "XAF");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void whenTheProviderFailsThenTheFixedTableIsTheFallbackAndUnknownPairsStayUnknown() throws Exception {
        startProvider(new AtomicReference<>(), new AtomicReference<>());
        answer.set("{\"success\":false,\"error\":{\"code\":101,\"info\":\"invalid key\"}}");
        ExchangeRates rates = rates(providerUrl(), "wrong-key");

        assertThat(rates.rate("EUR", "XAF").orElseThrow().source()).isEqualTo("fixed");
        assertThat(rates.rate("GBP", "XAF")).isEmpty();
    }

    private void startProvider(AtomicReference<String> key, AtomicReference<String> query) throws Exception {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/live", exchange -> {
            calls.incrementAndGet();
            key.set(exchange.getRequestHeaders().getFirst("apikey"));
            query.set(exchange.getRequestURI().getRawQuery());
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
    }

    private String providerUrl() {
        return "http://127.0.0.1:" + provider.getAddress().getPort() + "/live";
    }
}
