package dev.coderusers.auth;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.coderusers.api.ApiError;
import dev.coderusers.api.ApiException;
import dev.coderusers.user.LoginType;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sign-in with GitHub (Coder's {@code userOAuth2Github}): the organization and team allow-lists, the
 * verified primary email, then the common OAuth login. With the device flow, the browser is sent to the
 * client-side device page instead of GitHub, the "code" is the device code, and answers are JSON.
 */
@ApplicationScoped
public class GithubSignInService implements OAuth2SignIn {

    static final String CALLBACK_PATH = "/api/v2/users/oauth2/github/callback";

    private final GithubSettings settings;
    private final GithubClient github;
    private final OAuthLoginService logins;

    public GithubSignInService(GithubSettings settings, GithubClient github, OAuthLoginService logins) {
        this.settings = settings;
        this.github = github;
        this.logins = logins;
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    /** GitHub supports S256 PKCE; Coder always uses it, the device flow included (the cookie is checked). */
    @Override
    public boolean usesPkce() {
        return true;
    }

    @Override
    public String callbackPath() {
        return CALLBACK_PATH;
    }

    @Override
    public boolean answersWithJson() {
        return settings.deviceFlow();
    }

    @Override
    public String authorizationUrl(String state, CodeVerifier verifier, URI callbackUri) {
        if (settings.deviceFlow()) {
            // The device flow runs in the client: it shows the user code, then polls this callback.
            return "/login/device?state=" + state;
        }
        return new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID(settings.clientId()))
                .endpointURI(settings.authorizeUri())
                .redirectionURI(callbackUri)
                .scope(Scope.parse(GithubSettings.SCOPES))
                .state(new State(state))
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .customParameter("access_type", "offline")
                .build()
                .toURI()
                .toString();
    }

    /** {@code GET /users/oauth2/github/device}: starts a device authorization at GitHub. */
    public ExternalAuthDevice authorizeDevice() {
        if (!settings.configured()) {
            throw ApiException.badRequest("Github OAuth2 is not enabled.");
        }
        if (!settings.deviceFlow()) {
            throw ApiException.badRequest("Device flow is not enabled for Github OAuth2.");
        }
        try {
            return github.authorizeDevice();
        } catch (OAuthProviderException e) {
            throw new ApiException(500, ApiError.of("Failed to authorize device.", e.getMessage()));
        }
    }

    @Override
    public SignedIn complete(Authorization authorization, URI callbackUri, String ipAddress) {
        OAuthTokens tokens = exchange(authorization, callbackUri);
        String token = tokens.accessToken();

        List<String> organizations = List.of();
        if (!settings.allowEveryone()) {
            organizations = allowedMemberships(call(
                    () -> github.activeOrganizations(token),
                    "Internal error fetching authenticated Github user organizations."));
            if (organizations.isEmpty()) {
                throw unauthorized("You aren't a member of the authorized Github organizations!", authorization);
            }
        }
        GithubClient.GithubUser user =
                call(() -> github.user(token), "Internal error fetching authenticated Github user.");
        if (!settings.allowEveryone()
                && !settings.allowedTeams().isEmpty()
                && !inAllowedTeam(token, user, organizations)) {
            throw unauthorized(
                    "You aren't a member of an authorized team in the " + goList(organizations)
                            + " Github organization(s)!",
                    authorization);
        }
        List<GithubClient.GithubEmail> emails =
                call(() -> github.emails(token), "Internal error fetching personal Github user.");
        GithubClient.GithubEmail email = emails.stream()
                .filter(e -> e.verified() && e.primary())
                .findFirst()
                .orElseThrow(() -> ApiException.badRequest("Your primary email must be verified on GitHub!"));
        if (user.id() == 0) {
            // Linking on a missing id would merge every such user into one account.
            throw new ApiException(
                    500,
                    ApiError.of(
                            "The GitHub user ID is missing, this should never happen. Please report this error.",
                            "Other user fields: login=\"" + user.login() + "\", name=\"" + user.name() + "\""));
        }

        String session = logins.signIn(
                new ExternalIdentity(
                        LoginType.GITHUB,
                        Long.toString(user.id()),
                        email.email(),
                        username(user.login()),
                        Usernames.normalizeRealName(user.name()),
                        user.avatarUrl(),
                        settings.allowSignups(),
                        tokens,
                        "{}",
                        settings.githubDotCom() ? user.id() : null),
                ipAddress,
                authorization.conversion());
        return new SignedIn(session, authorization.redirect());
    }

    private OAuthTokens exchange(Authorization authorization, URI callbackUri) {
        try {
            return settings.deviceFlow()
                    ? github.exchangeDeviceCode(authorization.code())
                    : github.exchangeCode(authorization.code(), callbackUri, authorization.pkceVerifier());
        } catch (OAuthProviderException e) {
            throw ExchangeFailures.of(e, settings.deviceFlow());
        }
    }

    /** The allowed organizations among the user's active memberships, in GitHub's order. */
    private List<String> allowedMemberships(List<String> active) {
        List<String> allowed = new ArrayList<>();
        for (String organization : active) {
            if (settings.allowedOrgs().contains(organization) && !allowed.contains(organization)) {
                allowed.add(organization);
            }
        }
        return allowed;
    }

    private boolean inAllowedTeam(String token, GithubClient.GithubUser user, List<String> organizations) {
        for (GithubSettings.Team team : settings.allowedTeams()) {
            if (!organizations.contains(team.organization())) {
                continue;
            }
            try {
                if (github.isActiveTeamMember(token, team.organization(), team.slug(), user.login())) {
                    return true;
                }
            } catch (OAuthProviderException e) {
                // The user may not be allowed to see the team: as Coder does, that team does not admit them.
            }
        }
        return false;
    }

    /**
     * GitHub logins may contain {@code _} (GitHub Enterprise) which usernames may not: Coder turns it into
     * {@code -}. Anything else invalid (e.g. longer than 32) is derived into a valid name.
     */
    static String username(String login) {
        String username = login.replace('_', '-');
        return Usernames.valid(username) ? username : Usernames.from(username, ThreadLocalRandom.current());
    }

    /**
     * Coder redirects to its login page with the message and status 401; here the 401 is the usual JSON
     * error, and carries that {@code Location} for browsers. In the device flow the client shows the error.
     */
    private ApiException unauthorized(String message, Authorization authorization) {
        if (settings.deviceFlow()) {
            return new ApiException(401, ApiError.of("Unauthorized", message));
        }
        String redirect = authorization.redirect().isEmpty() ? "" : RedirectPaths.local(authorization.redirect());
        String location = "/login?message=" + URLEncoder.encode(message, StandardCharsets.UTF_8) + "&redirect="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8);
        return new ApiException(401, ApiError.of(message), Map.of("Location", location));
    }

    /** Go's {@code %v} of a string slice: {@code [a b]}. */
    private static String goList(List<String> values) {
        return "[" + String.join(" ", values) + "]";
    }

    @FunctionalInterface
    private interface GithubCall<T> {
        T call() throws OAuthProviderException;
    }

    private static <T> T call(GithubCall<T> call, String failureMessage) {
        try {
            return call.call();
        } catch (OAuthProviderException e) {
            throw new ApiException(500, ApiError.of(failureMessage, e.getMessage()));
        }
    }
}
