/**
 * Reclamations: students file and follow complaints about one of their applications; staff list,
 * filter and move them through NEW, IN_PROGRESS and CLOSED. Also their types.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "registration", "users"})
package org.lafaom.platform.reclamations;
