package dev.coderusers.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCode;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.coderusers.api.CoderJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few GitHub calls a sign-in needs: the OAuth2 token and device endpoints (through the Nimbus SDK) and
 * the REST API (user, emails, organization and team memberships). JSON is read as trees, so that nothing
 * here needs reflection in a native image.
 */
@ApplicationScoped
public class GithubClient {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** GitHub pages lists; memberships and emails rarely need more than one page of 100. */
    private static final int MAX_PAGES = 10;

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

    /** The GitHub user of a token. */
    record GithubUser(long id, String login, String name, String avatarUrl) {}

    /** One of the user's email addresses. */
    record GithubEmail(String email, boolean primary, boolean verified) {}

    private final GithubSettings settings;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Clock clock;

    public GithubClient(GithubSettings settings, ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Exchanges an authorization code (with the PKCE verifier of its challenge). */
    OAuthTokens exchangeCode(String code, URI redirectUri, String pkceVerifier) throws OAuthProviderException {
        TokenRequest request = new TokenRequest.Builder(
                        settings.tokenUri(),
                        // GitHub takes the client's credentials as form parameters.
                        new ClientSecretPost(new ClientID(settings.clientId()), new Secret(settings.clientSecret())),
                        new AuthorizationCodeGrant(
                                new AuthorizationCode(code),
                                redirectUri,
                                pkceVerifier == null ? null : new CodeVerifier(pkceVerifier)))
                .build();
        return NimbusCalls.tokens(NimbusCalls.send(request.toHTTPRequest(), TIMEOUT), CoderJson.now(clock));
    }

    /** Polls for the token of a device authorization ({@code authorization_pending} until the user confirms). */
    OAuthTokens exchangeDeviceCode(String deviceCode) throws OAuthProviderException {
        TokenRequest request = new TokenRequest.Builder(
                        settings.tokenUri(),
                        new ClientID(settings.clientId()),
                        new DeviceCodeGrant(new DeviceCode(deviceCode)))
                .build();
        return NimbusCalls.tokens(NimbusCalls.send(request.toHTTPRequest(), TIMEOUT), CoderJson.now(clock));
    }

    /** Starts a device authorization: the codes the user types in at GitHub. */
    ExternalAuthDevice authorizeDevice() throws OAuthProviderException {
        DeviceAuthorizationRequest request = new DeviceAuthorizationRequest.Builder(new ClientID(settings.clientId()))
                .endpointURI(settings.deviceCodeUri())
                .scope(Scope.parse(GithubSettings.SCOPES))
                .build();
        DeviceAuthorizationSuccessResponse device =
                NimbusCalls.deviceAuthorization(NimbusCalls.send(request.toHTTPRequest(), TIMEOUT));
        return new ExternalAuthDevice(
                device.getDeviceCode().getValue(),
                device.getUserCode().getValue(),
                device.getVerificationURI().toString(),
                device.getLifetime(),
                device.getInterval());
    }

    /** The logins of the organizations the user is an active member of. */
    List<String> activeOrganizations(String token) throws OAuthProviderException {
        List<String> logins = new ArrayList<>();
        for (JsonNode membership : getList(token, "user/memberships/orgs?state=active&per_page=100")) {
            if ("active".equals(membership.path("state").asText())) {
                logins.add(membership.path("organization").path("login").asText());
            }
        }
        return logins;
    }

    /** The user the token belongs to. */
    GithubUser user(String token) throws OAuthProviderException {
        JsonNode user = get(token, "user").body();
        return new GithubUser(
                user.path("id").asLong(0),
                user.path("login").asText(""),
                user.path("name").asText(""),
                user.path("avatar_url").asText(""));
    }

    /** The user's email addresses, with which is primary and which are verified. */
    List<GithubEmail> emails(String token) throws OAuthProviderException {
        List<GithubEmail> emails = new ArrayList<>();
        for (JsonNode email : getList(token, "user/emails?per_page=100")) {
            emails.add(new GithubEmail(
                    email.path("email").asText(""),
                    email.path("primary").asBoolean(false),
                    email.path("verified").asBoolean(false)));
        }
        return emails;
    }

    /**
     * Whether the user is an active member of the team. GitHub answers 404 both for "not a member" and
     * for "you may not see this team": either way, not a member.
     */
    boolean isActiveTeamMember(String token, String organization, String teamSlug, String login)
            throws OAuthProviderException {
        Fetched membership = get(
                token,
                "orgs/" + segment(organization) + "/teams/" + segment(teamSlug) + "/memberships/" + segment(login),
                404);
        return membership.status() == 200
                && "active".equals(membership.body().path("state").asText());
    }

    private record Fetched(int status, JsonNode body, String nextLink) {}

    private List<JsonNode> getList(String token, String path) throws OAuthProviderException {
        List<JsonNode> items = new ArrayList<>();
        String next = settings.apiBase().resolve(path).toString();
        for (int page = 0; page < MAX_PAGES && next != null; page++) {
            Fetched fetched = fetch(token, URI.create(next));
            if (!fetched.body().isArray()) {
                throw new OAuthProviderException("GitHub answered " + path + " with something other than a list", null);
            }
            fetched.body().forEach(items::add);
            next = fetched.nextLink();
        }
        return items;
    }

    private Fetched get(String token, String path, int... alsoAccepted) throws OAuthProviderException {
        return fetch(token, settings.apiBase().resolve(path), alsoAccepted);
    }

    private Fetched fetch(String token, URI uri, int... alsoAccepted) throws OAuthProviderException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                // GitHub refuses API requests without a User-Agent.
                .header("User-Agent", "coder-users")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OAuthProviderException("GET " + uri.getPath() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthProviderException("GET " + uri.getPath() + ": interrupted", e);
        }
        int status = response.statusCode();
        for (int accepted : alsoAccepted) {
            if (status == accepted) {
                return new Fetched(status, json.missingNode(), null);
            }
        }
        if (status != 200) {
            throw new OAuthProviderException(
                    "GET " + uri.getPath() + ": " + status + " " + messageOf(response.body()), null);
        }
        try {
            return new Fetched(status, json.readTree(response.body()), nextLink(response));
        } catch (IOException e) {
            throw new OAuthProviderException("GET " + uri.getPath() + ": the answer is not JSON", e);
        }
    }

    private String messageOf(String body) {
        try {
            return json.readTree(body).path("message").asText("");
        } catch (IOException notJson) {
            return "";
        }
    }

    private static String nextLink(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Link")
                .map(NEXT_LINK::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .orElse(null);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
