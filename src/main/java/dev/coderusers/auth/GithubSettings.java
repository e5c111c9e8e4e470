package dev.coderusers.auth;

import dev.coderusers.config.GithubOAuthConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GitHub sign-in settings, checked once at start so that a mistake stops the service with a clear message
 * (as Coder's server refuses to start) instead of failing sign-ins later.
 */
@Startup
@ApplicationScoped
public class GithubSettings {

    /** What Coder asks GitHub for: the profile, organization and team memberships, and the email addresses. */
    static final String SCOPES = "read:user read:org user:email";

    private static final URI GITHUB_COM = URI.create("https://github.com");
    private static final URI GITHUB_COM_API = URI.create("https://api.github.com/");

    /** A team whose members may sign in. */
    record Team(String organization, String slug) {}

    private final boolean configured;
    private final String clientId;
    private final String clientSecret;
    private final List<String> allowedOrgs;
    private final List<Team> allowedTeams;
    private final boolean allowSignups;
    private final boolean allowEveryone;
    private final boolean deviceFlow;
    private final boolean githubDotCom;
    private final URI authorizeUri;
    private final URI tokenUri;
    private final URI deviceCodeUri;
    private final URI apiBase;

    public GithubSettings(GithubOAuthConfig config) {
        this.clientId = config.clientId().map(String::strip).orElse("");
        this.configured = !clientId.isEmpty();
        this.clientSecret = config.clientSecret().orElse("");
        this.allowedOrgs = nonBlank(config.allowedOrgs());
        this.allowSignups = config.allowSignups();
        this.allowEveryone = config.allowEveryone();
        this.deviceFlow = config.deviceFlow();
        this.allowedTeams = new ArrayList<>();
        for (String team : nonBlank(config.allowedTeams())) {
            String[] parts = team.split("/", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw invalid("allowed-teams", "\"" + team + "\" is not of the form <organization>/<team-slug>");
            }
            allowedTeams.add(new Team(parts[0].strip(), parts[1].strip()));
        }
        Optional<String> enterprise =
                config.enterpriseBaseUrl().map(String::strip).filter(url -> !url.isEmpty());
        URI base = enterprise.map(url -> absoluteUrl(url)).orElse(GITHUB_COM);
        this.githubDotCom = enterprise.isEmpty();
        // Like Go's ResolveReference with an absolute path: these replace any path of the base URL.
        this.authorizeUri = base.resolve("/login/oauth/authorize");
        this.tokenUri = base.resolve("/login/oauth/access_token");
        this.deviceCodeUri = base.resolve("/login/device/code");
        this.apiBase = enterprise.map(GithubSettings::enterpriseApi).orElse(GITHUB_COM_API);
        if (configured) {
            validate();
        }
    }

    private void validate() {
        if (allowEveryone && (!allowedOrgs.isEmpty() || !allowedTeams.isEmpty())) {
            throw invalid("allow-everyone", "cannot be combined with allowed-orgs or allowed-teams");
        }
        if (!allowEveryone && allowedOrgs.isEmpty()) {
            throw invalid("allowed-orgs", "is empty: list at least one organization, or set allow-everyone");
        }
        if (!deviceFlow && clientSecret.isBlank()) {
            throw invalid("client-secret", "is required unless device-flow is on");
        }
    }

    private static URI absoluteUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                    || uri.getHost() == null) {
                throw invalid("enterprise-base-url", "\"" + url + "\" is not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw invalid("enterprise-base-url", "\"" + url + "\" is not an http(s) URL");
        }
    }

    /** GitHub Enterprise Server serves its REST API under {@code /api/v3/} of the base URL. */
    private static URI enterpriseApi(String url) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return URI.create(base.endsWith("/api/v3") ? base + "/" : base + "/api/v3/");
    }

    private static List<String> nonBlank(Optional<List<String>> values) {
        return values.orElse(List.of()).stream()
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private static IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException("coder-users.oauth2.github." + key + " " + problem);
    }

    boolean configured() {
        return configured;
    }

    String clientId() {
        return clientId;
    }

    String clientSecret() {
        return clientSecret;
    }

    List<String> allowedOrgs() {
        return allowedOrgs;
    }

    List<Team> allowedTeams() {
        return List.copyOf(allowedTeams);
    }

    boolean allowSignups() {
        return allowSignups;
    }

    boolean allowEveryone() {
        return allowEveryone;
    }

    boolean deviceFlow() {
        return deviceFlow;
    }

    /** Whether this is github.com, whose user ids are recorded on users ({@code github_com_user_id}). */
    boolean githubDotCom() {
        return githubDotCom;
    }

    URI authorizeUri() {
        return authorizeUri;
    }

    URI tokenUri() {
        return tokenUri;
    }

    URI deviceCodeUri() {
        return deviceCodeUri;
    }

    /** The REST API's base URL, ending with {@code /}. */
    URI apiBase() {
        return apiBase;
    }
}
