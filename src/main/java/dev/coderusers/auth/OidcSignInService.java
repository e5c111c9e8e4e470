package dev.coderusers.auth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import dev.coderusers.api.ApiError;
import dev.coderusers.api.ApiException;
import dev.coderusers.api.validation.CoderEmail;
import dev.coderusers.user.LoginType;
import dev.coderusers.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import net.minidev.json.JSONObject;

/**
 * Sign-in with OpenID Connect (Coder's {@code userOIDC}): a verified ID token, the userinfo claims merged
 * over it, Coder's email, username, domain and verification rules, then the common OAuth login. The link's
 * id is {@code <issuer>||<subject>}, stable per the OpenID Connect spec.
 */
@ApplicationScoped
public class OidcSignInService implements OAuth2SignIn {

    static final String CALLBACK_PATH = "/api/v2/users/oidc/callback";

    private final OidcSettings settings;
    private final OidcProvider provider;
    private final OAuthLoginService logins;

    public OidcSignInService(OidcSettings settings, OidcProvider provider, OAuthLoginService logins) {
        this.settings = settings;
        this.provider = provider;
        this.logins = logins;
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public boolean usesPkce() {
        return settings.pkce();
    }

    @Override
    public String callbackPath() {
        return CALLBACK_PATH;
    }

    @Override
    public boolean answersWithJson() {
        return false;
    }

    @Override
    public String authorizationUrl(String state, CodeVerifier verifier, URI callbackUri) {
        try {
            return provider.authorizationUrl(state, verifier, callbackUri);
        } catch (OAuthProviderException e) {
            throw unreachable(e);
        }
    }

    @Override
    public SignedIn complete(Authorization authorization, URI callbackUri, String ipAddress) {
        OidcProvider.ExchangedTokens exchanged;
        try {
            exchanged = provider.exchange(authorization.code(), callbackUri, authorization.pkceVerifier());
        } catch (OAuthProviderException e) {
            throw ExchangeFailures.of(e, false);
        }
        if (exchanged.idToken() == null) {
            throw ApiException.badRequest(
                    "id_token not found in response payload. Ensure your OIDC callback is configured correctly!");
        }
        Map<String, Object> idTokenClaims;
        try {
            idTokenClaims = provider.verifyIdToken(exchanged.idToken());
        } catch (OAuthProviderException e) {
            throw ApiException.badRequest("Failed to verify OIDC token.", e.getMessage());
        }
        String subject = string(idTokenClaims.get("sub"));
        if (subject.isEmpty()) {
            throw ApiException.badRequest(
                    "OIDC token missing 'sub' claim field or 'sub' claim field is empty.",
                    "'sub' claim field is required to be unique for all users by a given issue, an empty field is"
                            + " invalid and this authentication attempt is rejected.");
        }
        Map<String, Object> claims =
                mergedClaims(idTokenClaims, exchanged.tokens().accessToken(), subject);

        String username = string(claims.get(settings.usernameField()));
        String email = email(claims, username);
        if (Boolean.FALSE.equals(claims.get("email_verified")) && !settings.ignoreEmailVerified()) {
            // Coder renders an HTML error page for this in newer versions; JSON here, same status.
            throw ApiException.forbidden(
                    "Verify the \"" + email + "\" email address on your OIDC provider to authenticate!");
        }
        if (!Usernames.valid(username)) {
            // An empty username claim falls back to the email, whose local part then becomes the username.
            username = Usernames.from(username.isEmpty() ? email : username, ThreadLocalRandom.current());
        }
        requireAllowedDomain(email);

        String session = logins.signIn(
                new ExternalIdentity(
                        LoginType.OIDC,
                        string(idTokenClaims.get("iss")) + "||" + subject,
                        email,
                        username,
                        Usernames.normalizeRealName(string(claims.get(settings.nameField()))),
                        string(claims.get("picture")),
                        settings.allowSignups(),
                        exchanged.tokens(),
                        JSONObject.toJSONString(claims),
                        null),
                ipAddress,
                authorization.conversion());
        return new SignedIn(session, authorization.redirect());
    }

    /** The ID token's claims with the userinfo claims over them (Coder: userinfo wins on conflict). */
    private Map<String, Object> mergedClaims(Map<String, Object> idTokenClaims, String accessToken, String subject) {
        Map<String, Object> merged = new LinkedHashMap<>(idTokenClaims);
        if (settings.ignoreUserInfo()) {
            return merged;
        }
        Map<String, Object> userInfo;
        try {
            userInfo = provider.userInfo(accessToken);
        } catch (OAuthProviderException e) {
            throw new ApiException(
                    500,
                    ApiError.of(
                            "Failed to obtain user information claims.",
                            "The attempt to fetch claims via the UserInfo endpoint failed: " + e.getMessage()));
        }
        Object userInfoSubject = userInfo.get("sub");
        if (userInfoSubject != null && !subject.equals(userInfoSubject)) {
            // OpenID Connect Core 5.3.2: such an answer must not be used (it may be about someone else).
            throw new ApiException(
                    500,
                    ApiError.of(
                            "Failed to obtain user information claims.",
                            "The userinfo endpoint answered for another subject than the ID token's."));
        }
        merged.putAll(userInfo);
        return merged;
    }

    /**
     * The configured email claim; when it is absent, a username claim that is an email address (some
     * providers send only {@code preferred_username}).
     */
    private String email(Map<String, Object> claims, String username) {
        if (!claims.containsKey(settings.emailField())) {
            if (!CoderEmail.Validator.matches(username)) {
                throw ApiException.badRequest("No email found in OIDC payload!");
            }
            return username;
        }
        Object email = claims.get(settings.emailField());
        if (!(email instanceof String value)) {
            throw ApiException.badRequest("Email in OIDC payload isn't a string. Got: " + jsonType(email));
        }
        return value;
    }

    private void requireAllowedDomain(String email) {
        List<String> domains = settings.emailDomains();
        if (domains.isEmpty()) {
            return;
        }
        int at = email.lastIndexOf('@');
        String domain = at < 0 ? null : email.substring(at + 1);
        if (domain == null || domains.stream().noneMatch(domain::equalsIgnoreCase)) {
            // Coder renders an HTML error page for this in newer versions; JSON here, same status.
            throw ApiException.forbidden("Your email \"" + email + "\" is not in domains "
                    + domains.stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(" ", "[", "]"))
                    + "!");
        }
    }

    /** {@code GET /users/oidc-claims}: the merged claims kept from the user's last OpenID Connect sign-in. */
    @Transactional
    public OidcClaimsResponse claimsOf(User user) {
        if (user.loginType != LoginType.OIDC) {
            throw ApiException.badRequest("User is not an OIDC user.");
        }
        // Coder answers 500 when the link is missing (e.g. a token made before the first OIDC sign-in).
        UserLink link = UserLink.findFor(user.id, LoginType.OIDC)
                .orElseThrow(() -> ApiException.notFound(
                        "No OpenID Connect sign-in is recorded for this user; sign in with OpenID Connect first."));
        if (link.claims == null || link.claims.isBlank()) {
            return new OidcClaimsResponse(Map.of());
        }
        try {
            JSONObject claims = JSONObjectUtils.parse(link.claims);
            return new OidcClaimsResponse(new LinkedHashMap<>(claims));
        } catch (ParseException e) {
            throw new IllegalStateException("user_links.claims of " + user.id + " is not a JSON object", e);
        }
    }

    private static ApiException unreachable(OAuthProviderException e) {
        return new ApiException(500, ApiError.of("Failed to reach the OpenID Connect provider.", e.getMessage()));
    }

    private static String string(Object claim) {
        return claim instanceof String value ? value : "";
    }

    private static String jsonType(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        return value instanceof Map<?, ?> ? "an object" : "another type";
    }
}
