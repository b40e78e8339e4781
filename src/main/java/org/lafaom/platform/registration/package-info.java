/**
 * Student applications to training sessions: the public application (which opens a student account
 * and mails a link to set its password), documents, submission, staff review, and approval, which
 * takes one of the session's slots atomically through {@code training}. Every status change is
 * mailed to the student in the same transaction. The registration fee (at submission) and the
 * training fee (in instalments) are paid through {@code payments}, whose settlement event marks
 * them paid.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "training", "users", "auth", "notifications", "storage", "cache", "payments"})
package org.lafaom.platform.registration;
