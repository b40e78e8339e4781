package org.lafaom.platform.cabinet;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Cabinet applications' settings.
 *
 * @param defaultFee the price when no active campaign or fee says otherwise (the old backend's fixed 50 EUR)
 * @param defaultCurrency its currency
 * @param loginUrl where a firm signs in (the admin app's sign-in page), written in its e-mails; empty = this service's address
 * @param maxDocumentSize largest document a firm may upload
 * @param maxDocuments documents one application may hold
 * @param paymentLinkResendInterval a firm that applies again while unpaid is e-mailed its payment link at most once per this period
 */
@ConfigurationProperties("lafaom.cabinet")
record CabinetProperties(
        @DefaultValue("50") BigDecimal defaultFee,
        @DefaultValue("EUR") String defaultCurrency,
        @DefaultValue("") String loginUrl,
        @DefaultValue("10MB") DataSize maxDocumentSize,
        @DefaultValue("20") int maxDocuments,
        @DefaultValue("15m") Duration paymentLinkResendInterval,
        @DefaultValue Limits limits) {

    /** Per client address and window: applications (each may start a payment and an e-mail) and uploads. */
    record Limits(
            @DefaultValue("1h") Duration window,
            @DefaultValue("10") int applicationsPerAddress,
            @DefaultValue("60") int uploadsPerAddress) {}
}
