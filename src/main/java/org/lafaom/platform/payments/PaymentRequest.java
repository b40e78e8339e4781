package org.lafaom.platform.payments;

import java.math.BigDecimal;

/**
 * What a payer module asks to be paid: the payable (one of {@link PayableType}, and its id), the
 * price in the product's currency, a description shown by CinetPay, and the customer as far as the
 * flow knows them (CinetPay requires them for card payments). {@code lang} is {@code fr} or
 * {@code en} for CinetPay's page, or null.
 */
public record PaymentRequest(
        String payableType, String payableId, BigDecimal amount, String currency, String description, Customer customer,
        String lang) {

    /** Customer fields passed on to CinetPay; any may be null. {@code country} is an ISO 3166 alpha-2 code. */
    public record Customer(
            String id, String name, String surname, String email, String phoneNumber, String address, String city,
            String country, String state, String zipCode) {

        public static Customer unknown() {
            return new Customer(null, null, null, null, null, null, null, null, null, null);
        }
    }
}
