/**
 * Consulting firms' ("cabinet") applications: the public application priced by the active
 * recruitment campaign's fee and paid through {@code payments} in the same transaction, settlement
 * into a firm account reached by a set-password link, staff decisions e-mailed in the firm's
 * language, private documents, fees and campaigns. Public reads and changes need the applicant's
 * proof (the signed-in account or the token e-mailed to the firm); staff routes need permissions.
 * Every route answers bare bodies and {@code {"detail": ...}} errors, as the web clients read them.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "payments", "notifications", "storage", "users", "auth", "cache"})
package org.lafaom.platform.cabinet;
