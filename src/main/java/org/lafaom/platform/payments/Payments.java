package org.lafaom.platform.payments;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.Ids;
import org.lafaom.platform.shared.WebProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payments module's API for payer modules. {@link #initiate} opens a CinetPay payment inside
 * the caller's transaction; when it throws, the caller's transaction rolls back with it, so a
 * payable never exists without its payment attempt, nor a payment row without a CinetPay link.
 * Settlement is announced by {@link PaymentSettled}.
 */
@Service
public class Payments {

    static final String PROVIDER = "CINETPAY";
    static final String NOTIFY_PATH = "/api/v1/payments/cinetpay/notify";
    static final String RETURN_PATH = "/api/v1/payments/cinetpay/return";

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private final PaymentsProperties properties;
    private final PaymentRepository payments;
    private final ExchangeRates rates;
    private final CinetPayClient cinetpay;
    private final WebProperties web;
    private final Clock clock;
    private final MeterRegistry meters;

    Payments(PaymentsProperties properties, PaymentRepository payments, ExchangeRates rates, CinetPayClient cinetpay,
            WebProperties web, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.payments = payments;
        this.rates = rates;
        this.cinetpay = cinetpay;
        this.web = web;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Opens a payment for the payable and returns where to send the customer. Must run inside the
     * caller's transaction (the one that created or locked the payable). Throws
     * {@code payment_already_exists} when the payable is paid or has a payment in flight, and
     * {@code payment_initiation_failed} when the amount, the currency or CinetPay says no (or does
     * not answer): the caller's transaction must then roll back, which it does by letting the
     * exception through.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public InitiatedPayment initiate(PaymentRequest request) {
        if (!PayableType.ALL.contains(request.payableType()) || request.payableId() == null || request.payableId().isBlank()) {
            throw new IllegalArgumentException("unknown payable " + request.payableType() + " " + request.payableId());
        }
        String productCurrency = Money.currency(request.currency());
        if (request.amount() == null || request.amount().signum() <= 0) {
            throw failed(request, "the amount must be greater than 0", "invalid_amount");
        }
        if (productCurrency == null) {
            throw failed(request, "the currency " + request.currency() + " is not a currency code", "unknown_currency");
        }
        refuseIfPaidOrInFlight(request.payableType(), request.payableId());
        if (!properties.cinetpay().hasCredentials()) {
            log.error("Payment refused: CINETPAY_API_KEY and CINETPAY_SITE_ID are not set, online payment is not configured");
            throw failed(request, "online payment is not configured", "not_configured");
        }
        String chargedCurrency = properties.currency().toUpperCase(Locale.ROOT);
        ExchangeRates.Rate rate = rates.rate(productCurrency, chargedCurrency)
                .orElseThrow(() -> failed(request, "no exchange rate from " + productCurrency + " to " + chargedCurrency, "unknown_currency"));
        BigDecimal amount = request.amount();
        BigDecimal charged = Money.charged(amount, rate.value());

        String transactionId = Ids.newId();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int cinetpayId = payments.insertCinetPay(transactionId, charged, chargedCurrency);
        try {
            payments.insertPayment(new PaymentRepository.NewPayment(Ids.newId(), transactionId, amount, productCurrency,
                    chargedCurrency, rate.value(), rate.source(), rate.at(),
                    rates.informative("USD", productCurrency, chargedCurrency), rates.informative("USD", chargedCurrency, chargedCurrency),
                    charged, request.payableType(), request.payableId(),
                    now.plus(properties.reconciliation().minAge())), cinetpayId);
        } catch (DuplicateKeyException e) {
            // Another initiation for the same payable committed first (the one-in-flight index).
            throw new ApiException(ErrorCode.PAYMENT_ALREADY_EXISTS, "A payment for this item is already in progress");
        }

        CinetPayClient.Opened opened;
        try {
            opened = cinetpay.open(payload(request, transactionId, charged, chargedCurrency));
        } catch (CinetPayClient.Unavailable | CinetPayClient.Refused e) {
            log.warn("CinetPay did not open payment {} for {} {}: {}", transactionId, request.payableType(), request.payableId(),
                    e.getMessage());
            boolean unavailable = e instanceof CinetPayClient.Unavailable;
            throw failed(request, unavailable ? "the payment service did not answer, try again later"
                    : "the payment service refused the payment", unavailable ? "provider_unavailable" : "provider_refused");
        }
        payments.recordOpened(cinetpayId, opened);
        meters.counter("lafaom.payments.initiated", "outcome", "opened", "payable", request.payableType()).increment();
        log.info("Payment {} opened for {} {}: {} {} charged as {} {}", transactionId, request.payableType(), request.payableId(),
                amount, productCurrency, charged, chargedCurrency);
        return new InitiatedPayment(PROVIDER, amount, transactionId, opened.paymentUrl(), notifyUrl(), "");
    }

    /** Whether an accepted payment exists for the payable. */
    @Transactional(readOnly = true)
    public boolean isPaid(String payableType, String payableId) {
        return payments.transactionOf(payableType, payableId, PaymentRepository.ACCEPTED).isPresent();
    }

    /**
     * The payable's payment still in flight (pending at CinetPay), if any: where to send a customer
     * who comes back to pay, since {@link #initiate} refuses a second one while it is open.
     */
    @Transactional(readOnly = true)
    public Optional<InitiatedPayment> inFlight(String payableType, String payableId) {
        return payments.open(payableType, payableId)
                .map(o -> new InitiatedPayment(PROVIDER, o.amount(), o.transactionId(), o.paymentUrl(), notifyUrl(), ""));
    }

    private void refuseIfPaidOrInFlight(String payableType, String payableId) {
        if (payments.transactionOf(payableType, payableId, PaymentRepository.ACCEPTED).isPresent()) {
            throw new ApiException(ErrorCode.PAYMENT_ALREADY_EXISTS, "This item is already paid");
        }
        Optional<String> inFlight = payments.transactionOf(payableType, payableId, PaymentRepository.PENDING);
        if (inFlight.isPresent()) {
            throw new ApiException(ErrorCode.PAYMENT_ALREADY_EXISTS,
                    "A payment for this item is already in progress (transaction " + inFlight.get() + ")");
        }
    }

    private Map<String, Object> payload(PaymentRequest request, String transactionId, BigDecimal charged, String currency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transaction_id", transactionId);
        body.put("amount", charged.longValueExact());
        body.put("currency", currency);
        body.put("description", description(request.description()));
        body.put("notify_url", notifyUrl());
        body.put("return_url", properties.cinetpay().returnUrl().isBlank()
                ? web.publicUrlWithoutSlash() + RETURN_PATH : properties.cinetpay().returnUrl());
        body.put("channels", properties.cinetpay().channels());
        if ("fr".equalsIgnoreCase(request.lang()) || "en".equalsIgnoreCase(request.lang())) {
            body.put("lang", request.lang().toLowerCase(Locale.ROOT));
        }
        body.put("metadata", request.payableType() + "-" + request.payableId());
        body.put("invoice_data", Map.of("payable", request.payableType(), "payable_id", request.payableId()));
        PaymentRequest.Customer c = request.customer() == null ? PaymentRequest.Customer.unknown() : request.customer();
        putIfPresent(body, "customer_id", c.id());
        putIfPresent(body, "customer_name", c.name());
        putIfPresent(body, "customer_surname", c.surname());
        putIfPresent(body, "customer_email", c.email());
        putIfPresent(body, "customer_phone_number", c.phoneNumber());
        putIfPresent(body, "customer_address", c.address());
        putIfPresent(body, "customer_city", c.city());
        if (c.country() != null && c.country().trim().matches("[A-Za-z]{2}")) {
            body.put("customer_country", c.country().trim().toUpperCase(Locale.ROOT));
        }
        putIfPresent(body, "customer_state", c.state());
        putIfPresent(body, "customer_zip_code", c.zipCode());
        return body;
    }

    String notifyUrl() {
        return web.publicUrlWithoutSlash() + NOTIFY_PATH;
    }

    /** CinetPay refuses descriptions with {@code # / $ _ &}. */
    static String description(String text) {
        String clean = (text == null ? "" : text).replaceAll("[#/$_&]", " ").replaceAll("\\s+", " ").trim();
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }

    private static void putIfPresent(Map<String, Object> body, String key, String value) {
        if (value != null && !value.isBlank()) {
            body.put(key, value.trim());
        }
    }

    private ApiException failed(PaymentRequest request, String reason, String outcome) {
        meters.counter("lafaom.payments.initiated", "outcome", outcome, "payable", request.payableType()).increment();
        return new ApiException(ErrorCode.PAYMENT_INITIATION_FAILED, "Payment initiation failed (" + reason + ")");
    }
}
