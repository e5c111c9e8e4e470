package dev.coderusers.auth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import dev.coderusers.config.OidcConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONObject;

/**
 * OpenID Connect sign-in settings, checked once at start so that a mistake stops the service with a clear
 * message. The provider itself (discovery, keys) is contacted at the first sign-in, see {@link OidcProvider}.
 */
@Startup
@ApplicationScoped
public class OidcSettings {

    private final boolean configured;
    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private final List<String> scopes;
    private final boolean pkce;
    private final Map<String, String> authUrlParams;
    private final String emailField;
    private final String usernameField;
    private final String nameField;
    private final List<String> emailDomains;
    private final boolean ignoreEmailVerified;
    private final boolean ignoreUserInfo;
    private final boolean allowSignups;

    public OidcSettings(OidcConfig config) {
        this.issuer = config.issuerUrl().map(String::strip).orElse("");
        this.clientId = config.clientId().map(String::strip).orElse("");
        this.configured = !issuer.isEmpty() && !clientId.isEmpty();
        this.clientSecret = config.clientSecret().orElse("");
        this.scopes = config.scopes().stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        this.pkce = config.pkce();
        this.authUrlParams = parseParams(config.authUrlParams());
        this.emailField = config.emailField();
        this.usernameField = config.usernameField();
        this.nameField = config.nameField();
        this.emailDomains = config.emailDomain().orElse(List.of()).stream()
                .map(String::strip)
                // Folks write "@example.com" as often as "example.com".
                .map(d -> d.startsWith("@") ? d.substring(1) : d)
                .filter(d -> !d.isEmpty())
                .toList();
        this.ignoreEmailVerified = config.ignoreEmailVerified();
        this.ignoreUserInfo = config.ignoreUserInfo();
        this.allowSignups = config.allowSignups();
        if (configured) {
            URI uri;
            try {
                uri = URI.create(issuer);
            } catch (IllegalArgumentException e) {
                throw invalid("issuer-url", "\"" + issuer + "\" is not a URL");
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw invalid("issuer-url", "\"" + issuer + "\" is not an absolute URL");
            }
        }
    }

    private static Map<String, String> parseParams(String json) {
        JSONObject object;
        try {
            object = JSONObjectUtils.parse(json == null || json.isBlank() ? "{}" : json);
        } catch (ParseException e) {
            throw invalid("auth-url-params", "must be a JSON object of strings: " + e.getMessage());
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : object.entrySet()) {
            if (!(entry.getValue() instanceof String value)) {
                throw invalid("auth-url-params", "must be a JSON object of strings; \"" + entry.getKey() + "\" is not");
            }
            params.put(entry.getKey(), value);
        }
        return Map.copyOf(params);
    }

    private static IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException("coder-users.oidc." + key + " " + problem);
    }

    boolean configured() {
        return configured;
    }

    String issuer() {
        return issuer;
    }

    String clientId() {
        return clientId;
    }

    String clientSecret() {
        return clientSecret;
    }

    List<String> scopes() {
        return scopes;
    }

    boolean pkce() {
        return pkce;
    }

    Map<String, String> authUrlParams() {
        return authUrlParams;
    }

    String emailField() {
        return emailField;
    }

    String usernameField() {
        return usernameField;
    }

    String nameField() {
        return nameField;
    }

    List<String> emailDomains() {
        return emailDomains;
    }

    boolean ignoreEmailVerified() {
        return ignoreEmailVerified;
    }

    boolean ignoreUserInfo() {
        return ignoreUserInfo;
    }

    boolean allowSignups() {
        return allowSignups;
    }
}
