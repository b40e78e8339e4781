/**
 * Job offers and candidates' applications: offers CRUD, the public application with its required
 * documents and its submission fee (paid through {@code payments}; a zero fee needs no payment),
 * private attachments served to staff and to the candidate, status decisions e-mailed in the
 * candidate's language, and the candidate's e-mailed code to update an application.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "payments", "notifications", "storage", "tasks"})
package org.lafaom.platform.jobs;
