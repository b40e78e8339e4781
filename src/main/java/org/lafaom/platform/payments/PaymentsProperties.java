package org.lafaom.platform.payments;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payment settings. Merchant credentials come from the environment only; without them the service
 * starts and every payment attempt answers {@code payment_initiation_failed}, and without the
 * secret key every notification is refused (reconciliation still confirms payments by the check
 * call, which needs only the API key and site id).
 *
 * @param currency the currency CinetPay charges in (the merchant account's), e.g. XAF
 */
@ConfigurationProperties("lafaom.payments")
record PaymentsProperties(
        @DefaultValue("XAF") String currency,
        @DefaultValue CinetPay cinetpay,
        @DefaultValue Rates rates,
        @DefaultValue Reconciliation reconciliation) {

    /**
     * @param apiUrl base of the checkout API; tests point it at a local fake
     * @param returnUrl where CinetPay sends the customer's browser back; empty = this service's
     *     return page, which forwards to {@code returnRedirect} when set
     * @param checkThrottle the public check-status route asks CinetPay at most once per this period per payment
     */
    record CinetPay(
            @DefaultValue("https://api-checkout.cinetpay.com") String apiUrl,
            @DefaultValue("") String apiKey,
            @DefaultValue("") String siteId,
            @DefaultValue("") String secretKey,
            @DefaultValue("ALL") String channels,
            @DefaultValue("") String returnUrl,
            @DefaultValue("") String returnRedirect,
            @DefaultValue("30s") Duration timeout,
            @DefaultValue("10s") Duration checkThrottle) {

        boolean hasCredentials() {
            return !apiKey.isBlank() && !siteId.isBlank();
        }

        String baseUrl() {
            return apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        }
    }

    /**
     * Exchange rates from a product currency to the charged currency. {@code fixed} maps
     * {@code <FROM><TO>} (e.g. {@code EURXAF}) to a rate; with {@code providerUrl} and
     * {@code providerKey} set, rates come from an apilayer-style {@code currency_data/live} endpoint
     * and are cached for {@code cacheTtl}; the fixed table is then the fallback when it fails.
     */
    record Rates(
            @DefaultValue Map<String, BigDecimal> fixed,
            @DefaultValue("") String providerUrl,
            @DefaultValue("") String providerKey,
            @DefaultValue("4h") Duration cacheTtl,
            @DefaultValue("10s") Duration providerTimeout) {

        boolean providerConfigured() {
            return !providerUrl.isBlank() && !providerKey.isBlank();
        }
    }

    /**
     * The periodic check of pending payments. A payment is first checked {@code minAge} after it was
     * created, then again after a delay that doubles up to {@code maxDelay}; one still not final after
     * {@code abandonAfter} is marked cancelled (a late acceptance still settles it).
     */
    record Reconciliation(
            @DefaultValue("2m") Duration interval,
            @DefaultValue("5m") Duration minAge,
            @DefaultValue("1h") Duration maxDelay,
            @DefaultValue("48h") Duration abandonAfter,
            @DefaultValue("50") int batchSize) {}
}
