package org.lafaom.platform.registration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public application route opens accounts and sends e-mails, so each client address may apply
 * at most {@code applyLimit} times per {@code applyWindow} (counted across replicas in Redis). The
 * public site, which has no sign-in, may upload documents and submit for
 * {@code anonymousFollowUpWindow} after applying, from the same address (0 turns that off).
 */
@ConfigurationProperties("lafaom.registration")
record RegistrationProperties(
        @DefaultValue("10") int applyLimit, @DefaultValue("1h") Duration applyWindow,
        @DefaultValue("2h") Duration anonymousFollowUpWindow) {}
