package dev.coderusers.auth;

import dev.coderusers.api.ApiError;
import dev.coderusers.api.ApiException;
import dev.coderusers.api.CoderJson;
import dev.coderusers.api.RequestBodies;
import dev.coderusers.security.Actor;
import dev.coderusers.security.SessionTokens;
import dev.coderusers.user.LoginType;
import dev.coderusers.user.SignInUpdates;
import dev.coderusers.user.User;
import dev.coderusers.user.UserTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Converting a password user to GitHub or OpenID Connect (Coder's postConvertLoginType and convertUserToOauth).
 * The first step checks the password and records a conversion for five minutes, tied to an OAuth state
 * ({@code convert-...}) and to a secret in a cookie of the caller's browser. The provider's sign-in started with
 * that state ({@code oidc_merge_state}) and completed in that browser then switches the user's login type, if
 * the identity it brings is this user's (found by its link, else by its verified email).
 */
@ApplicationScoped
public class LoginConversionService {

    /** Coder's conversion cookie. It carries an opaque secret here, not a JWT; the name is kept for clients. */
    public static final String COOKIE = "coder_oauth_convert_jwt";

    /** Coder marks conversion states with this prefix. */
    static final String STATE_PREFIX = "convert-";

    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final RequestBodies bodies;
    private final Clock clock;
    private final LoginService logins;

    public LoginConversionService(RequestBodies bodies, LoginService logins, Clock clock) {
        this.clock = clock;
        this.bodies = bodies;
        this.logins = logins;
    }

    /** The answer of the first step, and the secret its cookie carries. */
    public record Started(OAuthConversionResponse response, String cookieSecret) {}

    /**
     * {@code POST /users/{user}/convert-login}: only for yourself (an owner converting someone else is refused:
     * the conversion signs in as the user), then Coder's order: the body, the target type, the password check of
     * a password sign-in.
     */
    @Transactional
    public Started start(Actor actor, UserTarget targetParam, ConvertLoginRequest body) {
        User target = targetParam.resolve();
        if (!actor.isSelf(target.id)) {
            throw ApiException.forbidden("You are not authorized to convert this user's login type.");
        }
        ConvertLoginRequest request = bodies.read(body);
        LoginType toType = LoginType.parse(request.toType())
                .filter(type -> type != LoginType.OAUTH2_PROVIDER_APP)
                .orElseThrow(() -> ApiException.badRequest("Unknown login type \"" + request.toType() + "\"."));
        if (toType != LoginType.GITHUB && toType != LoginType.OIDC) {
            throw ApiException.badRequest("Cannot convert to login type \"" + toType.value() + "\".");
        }
        User user = logins.passwordUser(target.email, request.password());
        if (user.loginType != LoginType.PASSWORD) {
            throw ApiException.badRequest("User account must have password based authentication.");
        }
        // One conversion at a time per user: a new one replaces those not completed.
        LoginConversion.delete("userId", user.id);
        String secret = SessionTokens.randomString(32);
        LoginConversion conversion = new LoginConversion();
        conversion.cookieHash = sha256(secret);
        conversion.state = STATE_PREFIX + SessionTokens.randomString(OAuth2Callback.STATE_LENGTH);
        conversion.userId = user.id;
        conversion.fromLoginType = user.loginType;
        conversion.toLoginType = toType;
        conversion.createdAt = CoderJson.now(clock);
        conversion.expiresAt = conversion.createdAt.plus(LIFETIME);
        conversion.persist();
        return new Started(
                new OAuthConversionResponse(conversion.expiresAt, conversion.state, toType, user.id), secret);
    }

    /** Whether a sign-in may start with this state: a conversion in progress, not expired, has it. */
    @Transactional
    public boolean isPending(String state) {
        return state.startsWith(STATE_PREFIX)
                && LoginConversion.findByState(state)
                        .filter(c -> CoderJson.now(clock).isBefore(c.expiresAt))
                        .isPresent();
    }

    static boolean isConversionState(String state) {
        return state != null && state.startsWith(STATE_PREFIX);
    }

    /**
     * Completes a conversion inside the OAuth sign-in's transaction, with Coder's checks in Coder's order, and
     * switches the user to the identity's login type (the password and any reset passcode are cleared).
     *
     * @param found the user the identity leads to (by link, else by email), or null
     * @param state the state the sign-in came back with
     * @param cookie the conversion cookie's value, or null when the browser sent none
     */
    @Transactional(Transactional.TxType.MANDATORY)
    User convert(User found, ExternalIdentity identity, String state, String cookie) {
        if (found == null) {
            throw ApiException.badRequest("The " + identity.loginType().value() + " account with the email \""
                    + identity.email() + "\" does not match the email of the account you are trying to convert."
                    + " Contact your administrator to resolve this issue.");
        }
        if (cookie == null || cookie.isEmpty()) {
            throw ApiException.badRequest("Convert to oauth cookie not found. Missing signed jwt to authorize this"
                    + " action. Please try again.");
        }
        Optional<LoginConversion> recorded = LoginConversion.findByIdOptional(sha256(cookie));
        if (recorded.isEmpty()) {
            throw ApiException.badRequest(
                    "The login conversion cookie matches no conversion in progress. Please start the conversion"
                            + " again.");
        }
        LoginConversion conversion = recorded.get();
        Instant now = CoderJson.now(clock);
        if (!now.isBefore(conversion.expiresAt)) {
            throw ApiException.badRequest("The login conversion has expired. Please start the conversion again.");
        }
        if (!MessageDigest.isEqual(
                conversion.state.getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(403, ApiError.of("Request to convert login type failed. State mismatch."));
        }
        // The identity must lead to the user who asked, who must still have the login type it had, and the
        // provider must be the one asked for: otherwise one account's conversion could take over another's.
        if (!found.id.equals(conversion.userId)
                || found.loginType != conversion.fromLoginType
                || identity.loginType() != conversion.toLoginType) {
            throw new ApiException(
                    403,
                    ApiError.of("Request to convert login type from " + found.loginType.value() + " to "
                            + identity.loginType().value() + " failed"));
        }
        conversion.delete();
        SignInUpdates.convertLogin(found, identity.loginType(), now);
        return found;
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
