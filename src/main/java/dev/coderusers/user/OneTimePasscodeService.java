package dev.coderusers.user;

import dev.coderusers.api.ApiException;
import dev.coderusers.api.CoderJson;
import dev.coderusers.api.RequestBodies;
import dev.coderusers.config.AuthConfig;
import dev.coderusers.config.PasswordResetConfig;
import dev.coderusers.security.PasswordHasher;
import dev.coderusers.security.PasswordPolicy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Password reset by one-time passcode (Coder's postRequestOneTimePasscode and
 * postChangePasswordWithOneTimePasscode). A passcode is a random UUID, as in Coder; only its SHA-256 is stored
 * (a 122-bit random value needs no slow hash), with its expiry. It is accepted once, compared in constant time,
 * and neither endpoint tells whether an address has an account.
 */
@ApplicationScoped
public class OneTimePasscodeService {

    private static final Logger LOG = Logger.getLogger(OneTimePasscodeService.class);

    static final String INCORRECT = "Incorrect email or one-time passcode.";

    /** Compared against when there is no passcode, so that every attempt does the same work. */
    private static final byte[] NO_PASSCODE = new byte[32];

    private final RequestBodies bodies;
    private final AuthConfig authConfig;
    private final PasswordResetConfig config;
    private final PasswordPolicy passwordPolicy;
    private final PasswordHasher passwords;
    private final PasswordResetMail mail;
    private final Event<PasswordChanged> passwordChanged;
    private final Clock clock;

    public OneTimePasscodeService(
            RequestBodies bodies,
            AuthConfig authConfig,
            PasswordResetConfig config,
            PasswordPolicy passwordPolicy,
            PasswordHasher passwords,
            PasswordResetMail mail,
            Event<PasswordChanged> passwordChanged,
            Clock clock) {
        this.clock = clock;
        this.bodies = bodies;
        this.authConfig = authConfig;
        this.config = config;
        this.passwordPolicy = passwordPolicy;
        this.passwords = passwords;
        this.mail = mail;
        this.passwordChanged = passwordChanged;
    }

    /** A passcode issued to a user, to be mailed once its transaction has committed. */
    private record Issued(String email, String username, String passcode, Instant expiresAt) {}

    /**
     * {@code POST /users/otp/request}: for a password user with this email, a new passcode (replacing any
     * earlier one) goes out by email. Answers the same whether or not the address has an account.
     */
    public void request(RequestOneTimePasscodeRequest body) {
        requirePasswordAuth();
        RequestOneTimePasscodeRequest request = bodies.read(body);
        if (!mail.configured()) {
            // Coder with notifications off: the answer is the same 204, and nothing reaches the user.
            LOG.warnf("A password reset was requested, but no email can be sent: set quarkus.mailer.from and the"
                    + " SMTP server (quarkus.mailer.host, port, TLS) to deliver one-time passcodes");
            return;
        }
        Optional<Issued> issued = QuarkusTransaction.requiringNew().call(() -> issue(request.email()));
        issued.ifPresent(passcode -> mail.send(
                passcode.email(),
                passcode.username(),
                passcode.passcode(),
                passcode.expiresAt(),
                config.passcodeLifetime()));
    }

    private Optional<Issued> issue(String email) {
        Optional<User> found =
                User.findByEmail(email).filter(user -> user.loginType == LoginType.PASSWORD && !user.isSystem);
        if (found.isEmpty()) {
            LOG.infof("A password reset was requested for %s, which is no password user's email", email);
            return Optional.empty();
        }
        User user = found.get();
        String passcode = UUID.randomUUID().toString();
        user.hashedOneTimePasscode = sha256(passcode);
        user.oneTimePasscodeExpiresAt = CoderJson.now(clock).plus(config.passcodeLifetime());
        return Optional.of(new Issued(user.email, user.username, passcode, user.oneTimePasscodeExpiresAt));
    }

    /**
     * {@code POST /users/otp/change-password}, in Coder's order: password auth enabled, the body, the strength of
     * the new password, the passcode (wrong, used, expired or never requested: one answer), the new password
     * differing from the old. On success the passcode is spent and every API key of the user deleted.
     */
    @Transactional
    public void changePassword(ChangePasswordWithOneTimePasscodeRequest body) {
        requirePasswordAuth();
        ChangePasswordWithOneTimePasscodeRequest request = bodies.read(body);
        Optional<String> weakness = passwordPolicy.problem(request.password());
        if (weakness.isPresent()) {
            throw ApiException.badRequest("Invalid password.", "password", weakness.get());
        }
        // Locked, so that two requests with the same passcode cannot both use it.
        Optional<User> found = User.<User>find(
                        "lower(email) = lower(?1) and deleted = false and email <> ''", request.email())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
        byte[] stored = found.map(user -> user.hashedOneTimePasscode).orElse(null);
        boolean matches =
                MessageDigest.isEqual(sha256(request.oneTimePasscode()), stored == null ? NO_PASSCODE : stored);
        User user = found.orElse(null);
        if (!matches
                || stored == null
                || user.loginType != LoginType.PASSWORD
                || user.oneTimePasscodeExpiresAt == null
                || !CoderJson.now(clock).isBefore(user.oneTimePasscodeExpiresAt)) {
            throw ApiException.badRequest(INCORRECT);
        }
        if (passwords.verify(request.password(), user.hashedPassword)) {
            throw ApiException.badRequest("New password cannot match old password.");
        }
        user.hashedPassword = passwords.hash(request.password());
        clearPasscode(user);
        // Ends all the user's sessions and tokens (apikey, their owner, observes this) in this transaction.
        passwordChanged.fire(new PasswordChanged(user.id));
    }

    /** A password change makes an outstanding passcode worthless, as in Coder. */
    static void clearPasscode(User user) {
        user.hashedOneTimePasscode = null;
        user.oneTimePasscodeExpiresAt = null;
    }

    private void requirePasswordAuth() {
        if (authConfig.disablePasswordAuth()) {
            throw ApiException.forbidden("Password authentication is disabled.");
        }
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
