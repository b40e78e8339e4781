/** E-mails to people, written from FR/EN templates chosen by the recipient's language. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "tasks"})
package org.lafaom.platform.notifications;
