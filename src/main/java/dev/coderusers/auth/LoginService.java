package dev.coderusers.auth;

import dev.coderusers.api.ApiError;
import dev.coderusers.api.ApiException;
import dev.coderusers.api.CoderJson;
import dev.coderusers.apikey.ApiKeyService;
import dev.coderusers.config.AuthConfig;
import dev.coderusers.config.SessionConfig;
import dev.coderusers.security.PasswordHasher;
import dev.coderusers.security.Session;
import dev.coderusers.user.LoginType;
import dev.coderusers.user.SignInUpdates;
import dev.coderusers.user.User;
import dev.coderusers.user.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** Password sign-in and sign-out (Coder's postLogin / postLogout). */
@ApplicationScoped
public class LoginService {

    private final PasswordHasher passwords;
    private final ApiKeyService apiKeys;
    private final AuthConfig authConfig;
    private final Clock clock;
    private final SessionConfig sessionConfig;

    public LoginService(
            PasswordHasher passwords,
            ApiKeyService apiKeys,
            AuthConfig authConfig,
            SessionConfig sessionConfig,
            Clock clock) {
        this.clock = clock;
        this.passwords = passwords;
        this.apiKeys = apiKeys;
        this.authConfig = authConfig;
        this.sessionConfig = sessionConfig;
    }

    /** Checks the password and opens a session; the checks run in Coder's order. */
    @Transactional
    public String login(LoginRequest request, String ipAddress) {
        User user = passwordUser(request.email(), request.password());
        return apiKeys.createSession(user.id, LoginType.PASSWORD, sessionConfig.duration(), ipAddress)
                .token();
    }

    /**
     * Coder's {@code loginRequest}: the user of this email and password, if it may sign in with a password (a
     * dormant user becomes active); otherwise the sign-in's 401 or 403. Also the check of a login conversion.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    User passwordUser(String email, String password) {
        Optional<User> found = User.findByEmail(email);
        // An unknown email costs the same hashing work as a known one: no timing oracle on who exists.
        boolean passwordMatches = found.isPresent()
                ? passwords.verifyForUser(password, found.get().hashedPassword)
                : passwords.verifyAgainstDummy(password);
        if (!passwordMatches) {
            throw new ApiException(401, ApiError.of("Incorrect email or password."));
        }
        User user = found.get();
        if (authConfig.disablePasswordAuth()) {
            throw ApiException.forbidden("Password authentication is disabled.");
        }
        if (user.loginType != LoginType.PASSWORD) {
            throw ApiException.forbidden("Incorrect login type, attempting to use \"password\" but user is of login"
                    + " type \"" + user.loginType.value() + "\"");
        }
        SignInUpdates.activateIfDormant(user, CoderJson.now(clock), true);
        if (user.status != UserStatus.ACTIVE) {
            throw accountSuspended();
        }
        return user;
    }

    /** Coder's answer to a sign-in of a suspended user; every way of signing in gives it. */
    static ApiException accountSuspended() {
        return new ApiException(
                401, ApiError.of("Your account is suspended. Contact an admin to reactivate your account."));
    }

    /** Deletes the session's own key and the user's application-connect keys; other tokens stay valid. */
    @Transactional
    public void logout(Session session) {
        apiKeys.signOut(session.apiKeyId(), session.actor().userId());
    }
}
