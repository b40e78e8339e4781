package org.lafaom.platform.tasks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retry policy of background tasks: the n-th retry waits {@code firstRetry * backoffRate^(n-1)};
 * after {@code maxRetries} the task is recorded in {@code task_failures}. Defaults retry for about
 * 17 hours, long enough to ride out an SMTP or Moodle outage overnight. Workers poll every
 * {@code pollingInterval} (and start at once on work scheduled by this replica); a worker that stops
 * sending heartbeats for 4 intervals is presumed dead and its executions run again elsewhere.
 */
@ConfigurationProperties("lafaom.tasks")
public record TaskProperties(
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("2.0") double backoffRate,
        @DefaultValue("11") int maxRetries,
        @DefaultValue("5s") Duration pollingInterval,
        @DefaultValue("30s") Duration heartbeatInterval,
        @DefaultValue("4") int threads) {}
