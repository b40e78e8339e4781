package org.lafaom.platform.jobs;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Job applications' settings: the candidate's code (life, tries), the public routes' rate limits
 * (per window), how long an uploaded document may wait to be attached to an application, how
 * long a download link works, how large a document may be, and where the old backend's
 * {@code src/static} folder was copied (its candidates' files become private downloads).
 */
@ConfigurationProperties("lafaom.jobs")
record JobsProperties(
        @DefaultValue("30m") Duration otpTtl,
        @DefaultValue("5") int otpMaxAttempts,
        @DefaultValue Limits limits,
        @DefaultValue("24h") Duration unattachedUploadTtl,
        @DefaultValue("15m") Duration downloadLinkTtl,
        @DefaultValue("10MB") DataSize maxDocumentSize,
        @DefaultValue(".data/legacy-static") Path legacyStaticDir) {

    /**
     * @param otpPerApplication code requests per application number and e-mail
     * @param otpPerAddress code requests per client address
     * @param candidateUpdatesPerAddress update attempts (right or wrong code) per client address
     * @param uploadsPerAddress document uploads per client address
     * @param applicationsPerAddress applications per client address
     */
    record Limits(
            @DefaultValue("15m") Duration window,
            @DefaultValue("3") int otpPerApplication,
            @DefaultValue("10") int otpPerAddress,
            @DefaultValue("30") int candidateUpdatesPerAddress,
            @DefaultValue("60") int uploadsPerAddress,
            @DefaultValue("20") int applicationsPerAddress) {}
}
