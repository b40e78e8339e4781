/** E-mails to people, written from FR/EN templates chosen by the recipient's language. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.lafaom.platform.notifications;
