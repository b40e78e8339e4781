package org.lafaom.platform.cabinet;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lafaom.platform.cabinet.ApplicantAccess.Caller;
import org.lafaom.platform.cabinet.CabinetInputs.CabinetApplicationCreate;
import org.lafaom.platform.cabinet.CabinetInputs.CabinetApplicationUpdate;
import org.lafaom.platform.cabinet.CabinetInputs.RejectInput;
import org.lafaom.platform.cabinet.CabinetViews.CabinetApplicationOut;
import org.lafaom.platform.cabinet.CabinetViews.CabinetApplicationStats;
import org.lafaom.platform.cabinet.CabinetViews.DocumentOut;
import org.lafaom.platform.cabinet.CabinetViews.DocumentUploaded;
import org.lafaom.platform.cabinet.CabinetViews.PaymentStatusOut;
import org.lafaom.platform.cache.RateLimiter;
import org.lafaom.platform.shared.CurrentUser;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.TooManyRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Cabinet applications ({@code /api/v1/cabinet-application}): bare bodies, {@code {"detail"}}
 * errors. Public routes that read or change an application answer 404 unless the caller proves to
 * be the applicant ({@code X-Application-Token} header or {@code token} query parameter, or the
 * firm's signed-in account) or holds the staff permission.
 */
@RestController
@RequestMapping(CabinetErrorBodies.PREFIX)
class CabinetApplicationController {

    static final String TOKEN_HEADER = "X-Application-Token";
    static final String TOKEN_DOC = "The application_token returned at creation and e-mailed to the firm (or the token query parameter)";

    private static final Logger log = LoggerFactory.getLogger(CabinetApplicationController.class);

    private final CabinetApplications applications;
    private final CabinetDecisions decisions;
    private final CabinetDocuments documents;
    private final RateLimiter limiter;
    private final CabinetProperties properties;

    CabinetApplicationController(CabinetApplications applications, CabinetDecisions decisions, CabinetDocuments documents,
            RateLimiter limiter, CabinetProperties properties) {
        this.applications = applications;
        this.decisions = decisions;
        this.documents = documents;
        this.limiter = limiter;
        this.properties = properties;
    }

    /**
     * Public. 201 with the application, its CinetPay {@code payment_url} and its
     * {@code application_token}. An e-mail that already applied answers 409; if that application is
     * still unpaid, its payment link is e-mailed to that address (the answer does not say which).
     */
    @PostMapping
    ResponseEntity<Object> create(@Valid @RequestBody CabinetApplicationCreate input,
            @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage, HttpServletRequest request) {
        limit("cabinet-application", request, properties.limits().applicationsPerAddress());
        return switch (applications.apply(input, language(acceptLanguage))) {
            case CabinetApplications.Created created -> ResponseEntity.status(HttpStatus.CREATED).body(created.application());
            case CabinetApplications.AlreadyExists ignored -> ResponseEntity.status(HttpStatus.CONFLICT).body(CabinetErrorBodies.body(
                    ErrorCode.CABINET_APPLICATION_ALREADY_EXISTS, "Une candidature existe déjà pour cet email. Si elle n'est pas"
                            + " encore payée, son lien de paiement est envoyé à cette adresse."));
        };
    }

    /** Staff: newest first; {@code status} is a lower-case value. */
    @GetMapping
    @PreAuthorize("hasAuthority('can_view_cabinet_application')")
    List<CabinetApplicationOut> list(@RequestParam(required = false) Integer skip, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String status) {
        return applications.list(status, Window.of(skip, limit));
    }

    /** Staff: paid applications, latest payment first. */
    @GetMapping("/paid")
    @PreAuthorize("hasAuthority('can_view_cabinet_application')")
    List<CabinetApplicationOut> paid(@RequestParam(required = false) Integer skip, @RequestParam(required = false) Integer limit) {
        return applications.paid(Window.of(skip, limit));
    }

    /** The signed-in firm's applications (its account, or its e-mail). */
    @GetMapping("/my-applications")
    @PreAuthorize("isAuthenticated()")
    List<CabinetApplicationOut> mine(@RequestParam(required = false) Integer skip, @RequestParam(required = false) Integer limit,
            @AuthenticationPrincipal CurrentUser me) {
        return applications.mine(me, Window.of(skip, limit));
    }

    @GetMapping("/stats/overview")
    @PreAuthorize("hasAuthority('can_view_cabinet_application')")
    CabinetApplicationStats stats() {
        return applications.stats();
    }

    /**
     * The old unauthenticated webhook could have marked applications paid. Payments are settled
     * only from CinetPay's signed notifications (at {@code /api/v1/payments/cinetpay/notify}) and
     * confirmed by CinetPay's check call, so this answers 410 and changes nothing, whatever it is sent.
     */
    @PostMapping("/payment-webhook")
    ResponseEntity<Map<String, Object>> paymentWebhook(HttpServletRequest request) {
        log.warn("The retired cabinet payment webhook was called from {}: nothing changed", request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.GONE).body(CabinetErrorBodies.body(ErrorCode.ENDPOINT_GONE,
                "This webhook no longer exists: CinetPay notifications go to /api/v1/payments/cinetpay/notify; nothing was changed"));
    }

    @GetMapping("/email/{email}")
    CabinetApplicationOut byEmail(@PathVariable String email, @AuthenticationPrincipal CurrentUser me,
            @Parameter(description = TOKEN_DOC) @RequestHeader(name = TOKEN_HEADER, required = false) String header,
            @RequestParam(required = false) String token) {
        return applications.getByEmail(email, caller(me, header, token));
    }

    @GetMapping("/{applicationId}")
    CabinetApplicationOut get(@PathVariable String applicationId, @AuthenticationPrincipal CurrentUser me,
            @Parameter(description = TOKEN_DOC) @RequestHeader(name = TOKEN_HEADER, required = false) String header,
            @RequestParam(required = false) String token) {
        return applications.get(applicationId, caller(me, header, token));
    }

    /** The applicant, or staff who may change applications; status and payment fields cannot change here. */
    @PutMapping("/{applicationId}")
    CabinetApplicationOut update(@PathVariable String applicationId, @Valid @RequestBody CabinetApplicationUpdate input,
            @AuthenticationPrincipal CurrentUser me,
            @Parameter(description = TOKEN_DOC) @RequestHeader(name = TOKEN_HEADER, required = false) String header,
            @RequestParam(required = false) String token) {
        return applications.update(applicationId, input, caller(me, header, token));
    }

    @GetMapping("/{applicationId}/payment-status")
    PaymentStatusOut paymentStatus(@PathVariable String applicationId, @AuthenticationPrincipal CurrentUser me,
            @Parameter(description = TOKEN_DOC) @RequestHeader(name = TOKEN_HEADER, required = false) String header,
            @RequestParam(required = false) String token) {
        return applications.paymentStatus(applicationId, caller(me, header, token));
    }

    @PatchMapping("/{applicationId}/approve")
    @PreAuthorize("hasAuthority('can_change_cabinet_application_status')")
    CabinetApplicationOut approve(@PathVariable String applicationId, @AuthenticationPrincipal CurrentUser me) {
        return decisions.approve(applicationId, me.id());
    }

    /** The reason comes as {@code ?reason=} (the old backend) or as a JSON body {@code {"reason"}} (the admin app). */
    @PatchMapping("/{applicationId}/reject")
    @PreAuthorize("hasAuthority('can_change_cabinet_application_status')")
    CabinetApplicationOut reject(@PathVariable String applicationId, @RequestParam(required = false) String reason,
            @Valid @RequestBody(required = false) RejectInput body, @AuthenticationPrincipal CurrentUser me) {
        String given = reason != null && !reason.isBlank() ? reason : body == null ? null : body.reason();
        if (given != null && given.length() > 2000) {
            throw org.lafaom.platform.shared.ApiException.validation("query", "reason", "reason must be at most 2000 characters");
        }
        return decisions.reject(applicationId, given, me.id());
    }

    /** The upload form as the OpenAPI document shows it; the route reads the two fields itself. */
    record CabinetDocumentForm(
            @Schema(name = "file", requiredMode = Schema.RequiredMode.REQUIRED, type = "string", format = "binary",
                    description = "PDF, JPEG or PNG, checked by content") String file,
            @Schema(name = "document_type", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100,
                    description = "e.g. technical_proposal") String documentType) {}

    /** The applicant (token or account) or staff who may change applications. */
    @PostMapping("/{applicationId}/upload-document")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schema = @Schema(implementation = CabinetDocumentForm.class)))
    DocumentUploaded upload(@PathVariable String applicationId,
            @Parameter(hidden = true) @RequestParam(required = false) MultipartFile file,
            @Parameter(hidden = true) @RequestParam(name = "document_type", required = false) String documentType,
            @AuthenticationPrincipal CurrentUser me,
            @Parameter(description = TOKEN_DOC) @RequestHeader(name = TOKEN_HEADER, required = false) String header,
            @RequestParam(required = false) String token, HttpServletRequest request) {
        limit("cabinet-upload", request, properties.limits().uploadsPerAddress());
        return documents.upload(applicationId, documentType, file, caller(me, header, token));
    }

    @GetMapping("/{applicationId}/documents")
    List<DocumentOut> documents(@PathVariable String applicationId, @AuthenticationPrincipal CurrentUser me,
            @Parameter(description = TOKEN_DOC) @RequestHeader(name = TOKEN_HEADER, required = false) String header,
            @RequestParam(required = false) String token) {
        return documents.list(applicationId, caller(me, header, token));
    }

    @GetMapping("/{applicationId}/documents/{documentId}")
    ResponseEntity<Resource> document(@PathVariable String applicationId, @PathVariable String documentId,
            @AuthenticationPrincipal CurrentUser me,
            @Parameter(description = TOKEN_DOC) @RequestHeader(name = TOKEN_HEADER, required = false) String header,
            @RequestParam(required = false) String token) {
        CabinetDocuments.File file = documents.file(applicationId, documentId, caller(me, header, token));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.document().mediaType()))
                .contentLength(file.stored().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.document().fileName(), StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.stored().content());
    }

    private void limit(String bucket, HttpServletRequest request, int perWindow) {
        RateLimiter.Decision decision = limiter.hit(bucket, request.getRemoteAddr(), perWindow, properties.limits().window());
        if (!decision.allowed()) {
            throw new TooManyRequests(decision.retryAfterSeconds());
        }
    }

    private static Caller caller(CurrentUser me, String header, String token) {
        return new Caller(me, header != null && !header.isBlank() ? header : token);
    }

    static String language(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.trim().toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "fr";
    }
}
