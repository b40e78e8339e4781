package org.lafaom.platform.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) in the test JVM; tests read what the service sent. */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {}

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    public static List<MimeMessage> to(String address) {
        return Arrays.stream(server().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    public static String body(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String s ? s : GreenMailUtil.getBody(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The code shown in bold in the last e-mail sent to {@code address}. */
    public static String lastCode(String address) {
        List<MimeMessage> messages = to(address);
        if (messages.isEmpty()) {
            throw new AssertionError("No e-mail was sent to " + address);
        }
        Matcher m = Pattern.compile("<strong[^>]*>([A-Z0-9]{5})</strong>").matcher(body(messages.getLast()));
        if (!m.find()) {
            throw new AssertionError("No code in the e-mail to " + address);
        }
        return m.group(1);
    }
}
