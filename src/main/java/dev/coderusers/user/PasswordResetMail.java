package dev.coderusers.user;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The email that carries a password-reset passcode, sent through the SMTP server of the {@code quarkus.mailer.*}
 * settings. Sending is asynchronous: the request that asked for the passcode has answered before the SMTP server
 * is contacted, so neither its timing nor an SMTP failure tells the caller whether the address has an account
 * (Coder queues the same mail as a notification).
 */
@ApplicationScoped
public class PasswordResetMail {

    private static final Logger LOG = Logger.getLogger(PasswordResetMail.class);

    static final String SUBJECT = "Your one-time passcode to reset your password";

    private final ReactiveMailer mailer;
    private final Optional<String> from;

    public PasswordResetMail(
            ReactiveMailer mailer, @ConfigProperty(name = "quarkus.mailer.from") Optional<String> from) {
        this.mailer = mailer;
        this.from = from;
    }

    /** Whether a sender address is configured; without one, no email can go out. */
    public boolean configured() {
        return from.filter(address -> !address.isBlank()).isPresent();
    }

    /** Queues the email; the outcome is only logged (without the passcode). */
    public void send(String to, String username, String passcode, Instant expiresAt, Duration lifetime) {
        Mail mail = Mail.withText(to, SUBJECT, text(username, passcode, expiresAt, lifetime));
        mailer.send(mail)
                .subscribe()
                .with(
                        sent -> LOG.infof("Sent a password-reset passcode to the user %s", username),
                        failure -> LOG.errorf(
                                "Could not send the password-reset passcode of the user %s through the SMTP server: %s",
                                username, failure.getMessage()));
    }

    static String text(String username, String passcode, Instant expiresAt, Duration lifetime) {
        return "Hi " + username + ",\n\n"
                + "Someone asked to reset the password of your account. Your one-time passcode is:\n\n"
                + passcode + "\n\n"
                + "Enter it with your new password. It works once, until "
                + expiresAt.truncatedTo(ChronoUnit.SECONDS) + " (" + lifetime.toMinutes() + " minutes from when it was"
                + " requested).\n\n"
                + "If you did not ask for this, ignore this email: your password stays as it is.\n";
    }
}
