package org.lafaom.platform.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Base of tests that go through the job application flow, the first payer of the payments module:
 * staff publish an offer, a candidate uploads documents and applies, CinetPay (the fake) is paid
 * and notifies.
 */
public abstract class JobFlowTest extends PaymentFlowTest {

    /** Creates an offer through the API (as the administrator) and returns its id. */
    protected String offer(String fee, String currency, String... requiredDocuments) {
        return offer(fee, currency, LocalDate.now().plusDays(30), requiredDocuments);
    }

    protected String offer(String fee, String currency, LocalDate deadline, String... requiredDocuments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", "REF-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        body.put("title", "Chargé de projet");
        body.put("location", "Dakar");
        body.put("postal_code", "10200");
        body.put("contract_type", "CDD");
        body.put("submission_deadline", deadline.toString());
        body.put("submission_fee", new java.math.BigDecimal(fee));
        body.put("currency", currency);
        body.put("attachment", List.of(requiredDocuments));
        Http.Response r = http.post("/api/v1/job-offers", body, Http.Options.bearer(adminToken()));
        if (r.status() != 200) {
            throw new AssertionError("offer creation failed: " + r.status() + " " + r.body());
        }
        return r.text("/data/id");
    }

    /** Uploads a document as the public site does (multipart {@code name} and {@code file}); returns its file_path. */
    protected String upload(String name) {
        Http.Response r = uploadRaw(name, "cv.pdf", "application/pdf", PDF);
        if (r.status() != 200) {
            throw new AssertionError("upload failed: " + r.status() + " " + r.body());
        }
        return r.text("/data/0/file_path");
    }

    protected Http.Response uploadRaw(String name, String filename, String contentType, byte[] content) {
        String boundary = "----lafaom" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (name != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (content != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.postRaw("/api/v1/job-attachments", "multipart/form-data; boundary=" + boundary, out.toByteArray(),
                Http.Options.from(newAddress()));
    }

    protected static Map<String, Object> document(String type, String url) {
        return Map.of("name", type.toLowerCase() + ".pdf", "type", type, "url", url);
    }

    protected Http.Response apply(String offerId, String email, List<Map<String, Object>> documents) {
        return apply(offerId, email, documents, "fr");
    }

    protected Http.Response apply(String offerId, String email, List<Map<String, Object>> documents, String lang) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job_offer_id", offerId);
        body.put("email", email);
        body.put("phone_number", "+221770000000");
        body.put("first_name", "Awa");
        body.put("last_name", "Diop");
        body.put("civility", "Mme");
        body.put("country_code", "SN");
        body.put("city", "Dakar");
        body.put("address", "12 rue Carnot");
        body.put("date_of_birth", "");
        body.put("payment_method", "MOBILE_MONEY");
        body.put("attachments", new ArrayList<>(documents));
        return http.post("/api/v1/job-applications", body, Http.Options.from(newAddress()).header("Accept-Language", lang));
    }

    /** Applies to a new offer with a fee of {@code fee} EUR and one CV; returns the CinetPay transaction id. */
    protected String applyAndOpenPayment(String email, String fee) {
        String offer = offer(fee, "EUR", "CV");
        Http.Response r = apply(offer, email, List.of(document("CV", upload("CV"))));
        if (r.status() != 200) {
            throw new AssertionError("application failed: " + r.status() + " " + r.body());
        }
        return r.text("/data/payment/transaction_id");
    }

    protected String applicationPaymentId(String transactionId) {
        return jdbc.sql("""
                SELECT a.payment_id FROM job_applications a JOIN payments p ON p.payable_id = a.id::text
                WHERE p.transaction_id = :tx""").param("tx", transactionId).query(String.class).optional().orElse(null);
    }
}
