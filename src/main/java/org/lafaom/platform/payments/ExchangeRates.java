package org.lafaom.platform.payments;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Exchange rates from a product currency to the charged currency, from the source the settings
 * choose: the fixed table, or a rates provider (cached) with the fixed table as fallback. A pair
 * neither knows has no rate: the payment is refused rather than converted at 1.0.
 */
@Component
class ExchangeRates {

    private static final Logger log = LoggerFactory.getLogger(ExchangeRates.class);
    private static final MathContext PRECISION = new MathContext(16);

    /** A rate, where it came from ({@code identity}, {@code fixed} or {@code provider}) and when it was quoted. */
    record Rate(BigDecimal value, String source, OffsetDateTime at) {}

    private final PaymentsProperties.Rates settings;
    private final Map<String, BigDecimal> fixed = new HashMap<>();
    private record Cached(Rate rate, Instant fetchedAt) {}

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HttpClient http;

    ExchangeRates(PaymentsProperties properties, ObjectMapper mapper, Clock clock) {
        this.settings = properties.rates();
        this.mapper = mapper;
        this.clock = clock;
        // Environment variables arrive lower-cased (LAFAOM_PAYMENTS_RATES_FIXED_EURXAF -> eurxaf).
        settings.fixed().forEach((pair, rate) -> {
            if (rate != null && rate.signum() > 0) {
                fixed.put(pair.toUpperCase(Locale.ROOT), rate);
            }
        });
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    Optional<Rate> rate(String from, String to) {
        if (from.equals(to)) {
            return Optional.of(new Rate(BigDecimal.ONE, "identity", now()));
        }
        if (settings.providerConfigured()) {
            Optional<Rate> quoted = providerRate(from, to);
            if (quoted.isPresent()) {
                return quoted;
            }
        }
        return fixedRate(from, to);
    }

    /** A rate for reporting only (the old USD columns): direct, inverse, or crossed through {@code via}. */
    BigDecimal informative(String from, String to, String via) {
        Optional<Rate> direct = rate(from, to);
        if (direct.isPresent()) {
            return direct.get().value();
        }
        Optional<Rate> fromVia = rate(from, via);
        Optional<Rate> toVia = rate(to, via);
        if (fromVia.isPresent() && toVia.isPresent()) {
            return fromVia.get().value().divide(toVia.get().value(), PRECISION);
        }
        return BigDecimal.ZERO;
    }

    private Optional<Rate> fixedRate(String from, String to) {
        BigDecimal direct = fixed.get(from + to);
        if (direct != null) {
            return Optional.of(new Rate(direct, "fixed", now()));
        }
        BigDecimal inverse = fixed.get(to + from);
        if (inverse != null) {
            return Optional.of(new Rate(BigDecimal.ONE.divide(inverse, PRECISION), "fixed", now()));
        }
        return Optional.empty();
    }

    private Optional<Rate> providerRate(String from, String to) {
        String key = from + to;
        Cached cached = cache.get(key);
        if (cached != null && cached.fetchedAt().plus(settings.cacheTtl()).isAfter(clock.instant())) {
            return Optional.of(cached.rate());
        }
        try {
            String url = settings.providerUrl() + (settings.providerUrl().contains("?") ? "&" : "?")
                    + "source=" + enc(from) + "&currencies=" + enc(to);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(settings.providerTimeout())
                    .header("apikey", settings.providerKey())
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.statusCode() == 200 ? mapper.readTree(response.body()) : null;
            JsonNode quote = body == null ? null : body.path("quotes").path(key);
            if (quote == null || quote.isMissingNode() || !quote.isNumber() || quote.decimalValue().signum() <= 0) {
                log.warn("Rates provider gave no {} quote (HTTP {}); using the fixed table", key, response.statusCode());
                return Optional.empty();
            }
            OffsetDateTime at = body.has("timestamp")
                    ? Instant.ofEpochSecond(body.path("timestamp").asLong()).atOffset(ZoneOffset.UTC) : now();
            Rate rate = new Rate(quote.decimalValue(), "provider", at);
            cache.put(key, new Cached(rate, clock.instant()));
            return Optional.of(rate);
        } catch (IOException | RuntimeException e) {
            log.warn("Rates provider unreachable for {}: {}; using the fixed table", key, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
