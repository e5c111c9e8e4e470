package dev.coderusers.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server on loopback (GreenMail), in the test's process, that the service's mailer is pointed at:
 * the tests read what the service sent from the messages it received.
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    public static final String FROM = "coder-users@example.com";

    private static GreenMail server;

    /** A message as received: recipients, subject and the text of its body. */
    public record Received(List<String> to, String from, String subject, String body) {}

    @Override
    public Map<String, String> start() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(server.getSmtp().getPort()),
                "quarkus.mailer.from", FROM,
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Forgets every message received so far. */
    public static void clear() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until this many messages in all have arrived, then answers them, oldest first. */
    public static List<Received> awaitMessages(int count, Duration timeout) {
        if (!server.waitForIncomingEmail(timeout.toMillis(), count)) {
            throw new AssertionError("expected " + count + " message(s) within " + timeout + ", got "
                    + server.getReceivedMessages().length);
        }
        return received();
    }

    public static List<Received> received() {
        return Arrays.stream(server.getReceivedMessages()).map(SmtpServer::read).toList();
    }

    private static Received read(MimeMessage message) {
        try {
            return new Received(
                    Arrays.stream(message.getAllRecipients())
                            .map(Object::toString)
                            .toList(),
                    message.getFrom()[0].toString(),
                    message.getSubject(),
                    message.getContent() instanceof String text ? text : GreenMailUtil.getBody(message));
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
