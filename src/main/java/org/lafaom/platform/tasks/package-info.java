/**
 * Durable background tasks on db-scheduler: scheduled in the same transaction as their cause,
 * retried with exponential back-off, revived after a worker crash, and kept as failures for staff
 * when every retry failed. Counts are exported as metrics.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.lafaom.platform.tasks;
