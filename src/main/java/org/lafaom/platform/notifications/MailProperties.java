package org.lafaom.platform.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Sender address of every e-mail. */
@ConfigurationProperties("lafaom.mail")
record MailProperties(@DefaultValue("LAFAOM-MAO <no-reply@localhost>") String from) {}
