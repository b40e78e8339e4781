package org.lafaom.platform.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ApiResponse;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff reads of payments and the public status check ({@code /api/v1/payments}). */
@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    /** The admin app loads its payments page in one request of 1000. */
    static final int MAX_PAGE_SIZE = 1000;

    private static final Logger log = LoggerFactory.getLogger(PaymentController.class);

    private final PaymentQueries queries;
    private final PaymentSettlement settlement;
    private final PaymentsProperties properties;
    private final Clock clock;

    PaymentController(PaymentQueries queries, PaymentSettlement settlement, PaymentsProperties properties, Clock clock) {
        this.queries = queries;
        this.settlement = settlement;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/payments")
    @PreAuthorize("hasAuthority('can_view_payment')")
    PageResponse<PaymentOut> list(
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "page_size", required = false) Integer pageSize,
            @RequestParam(required = false) String search,
            @RequestParam(name = "min_amount", required = false) BigDecimal minAmount,
            @RequestParam(name = "max_amount", required = false) BigDecimal maxAmount,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) String status,
            @RequestParam(name = "date_from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateFrom,
            @RequestParam(name = "date_to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateTo,
            @RequestParam(name = "order_by", required = false) String orderBy,
            @RequestParam(required = false) String asc) {
        PageRequest request = PageRequest.of(page, pageSize, orderBy, asc, PaymentQueries.ORDERS, "created_at", "asc", MAX_PAGE_SIZE);
        return queries.list(new PaymentQueries.Filter(search, minAmount, maxAmount, currency, status, dateFrom, dateTo), request);
    }

    @GetMapping("/payments/{paymentId}")
    @PreAuthorize("hasAuthority('can_view_payment')")
    ApiResponse<PaymentOut> get(@PathVariable String paymentId) {
        return ApiResponse.ok("Payment Fetched Successfully",
                queries.byId(paymentId).orElseThrow(() -> new ApiException(ErrorCode.PAYMENT_NOT_FOUND)));
    }

    @GetMapping("/payments-by-transaction/{transactionId}")
    @PreAuthorize("hasAuthority('can_view_payment')")
    ApiResponse<PaymentOut> byTransaction(@PathVariable String transactionId) {
        return ApiResponse.ok("Payment Fetched Successfully",
                queries.byTransaction(transactionId).orElseThrow(() -> new ApiException(ErrorCode.PAYMENT_NOT_FOUND)));
    }

    /**
     * Public: the payer's page polls it after CinetPay. A pending payment is confirmed with CinetPay
     * (at most once per {@code check-throttle}) through the same verified settlement as
     * notifications; a status sent by the caller is never read.
     */
    @GetMapping("/check-status/{transactionId}")
    ApiResponse<PaymentOut> checkStatus(@PathVariable String transactionId) {
        PaymentRepository.Settleable payment = settlement.find(transactionId)
                .orElseThrow(() -> new ApiException(ErrorCode.PAYMENT_NOT_FOUND));
        boolean recentlyChecked = payment.lastCheckedAt() != null
                && payment.lastCheckedAt().toInstant().plus(properties.cinetpay().checkThrottle()).isAfter(clock.instant());
        if (PaymentSettlement.open(payment) && !recentlyChecked && properties.cinetpay().hasCredentials()) {
            try {
                settlement.confirm(transactionId, "check_status");
            } catch (CinetPayClient.Unavailable e) {
                log.warn("Status check of payment {} could not reach CinetPay: {}", transactionId, e.getMessage());
            }
        }
        return ApiResponse.ok("success",
                queries.byTransaction(transactionId).orElseThrow(() -> new ApiException(ErrorCode.PAYMENT_NOT_FOUND)));
    }
}
