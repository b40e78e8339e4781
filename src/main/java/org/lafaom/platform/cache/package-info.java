/**
 * What replicas share through Redis: a short-lived cache of public reads and rate-limit counters.
 * Redis is an accelerator, never a dependency: when it is slow or down, reads go to the database
 * and limits are counted in this replica's memory, and no request fails because of it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.lafaom.platform.cache;
