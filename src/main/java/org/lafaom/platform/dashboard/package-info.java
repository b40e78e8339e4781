/** Staff dashboard: statistics computed in SQL, and the public liveness answer of the old API. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.lafaom.platform.dashboard;
