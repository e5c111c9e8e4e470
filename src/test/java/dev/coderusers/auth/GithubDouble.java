package dev.coderusers.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub on loopback (WireMock): the OAuth2 token and device endpoints and the REST API of a GitHub
 * Enterprise Server, with accounts registered by the tests. The service under test is configured to use it
 * as its enterprise base URL, allowing organization {@code acme} and team {@code acme/builders}.
 */
public class GithubDouble implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "github-client";
    static final String ORGANIZATION = "acme";
    static final String TEAM = "builders";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static WireMockServer server;
    private boolean deviceFlow;

    /** A GitHub account as the API describes it. */
    record Account(
            long id,
            String login,
            String name,
            String email,
            boolean emailVerified,
            List<String> organizations,
            boolean inTeam) {

        /** A member of the allowed organization and team, with a verified primary email. */
        static Account member(long id, String login, String email) {
            return new Account(id, login, "Name Of " + login, email, true, List.of(ORGANIZATION), true);
        }

        Account withEmail(String newEmail, boolean verified) {
            return new Account(id, login, name, newEmail, verified, organizations, inTeam);
        }

        Account withOrganizations(List<String> newOrganizations, boolean newInTeam) {
            return new Account(id, login, name, email, emailVerified, newOrganizations, newInTeam);
        }

        Account withName(String newName) {
            return new Account(id, login, newName, email, emailVerified, organizations, inTeam);
        }

        /** The code GitHub hands to the browser for this account (or the device code, in the device flow). */
        String code() {
            return "code-" + login;
        }

        String accessToken() {
            return "gho_" + login;
        }

        String avatarUrl() {
            return "https://avatars.example.com/u/" + id;
        }
    }

    @Override
    public void init(Map<String, String> initArgs) {
        deviceFlow = Boolean.parseBoolean(initArgs.getOrDefault("device-flow", "false"));
    }

    @Override
    public Map<String, String> start() {
        server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        reset();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("coder-users.oauth2.github.client-id", CLIENT_ID);
        config.put("coder-users.oauth2.github.client-secret", "github-secret");
        config.put("coder-users.oauth2.github.enterprise-base-url", server.baseUrl());
        config.put("coder-users.oauth2.github.allowed-orgs", ORGANIZATION);
        config.put("coder-users.oauth2.github.allowed-teams", ORGANIZATION + "/" + TEAM);
        config.put("coder-users.oauth2.github.allow-signups", "false");
        config.put("coder-users.oauth2.github.device-flow", Boolean.toString(deviceFlow));
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    static String baseUrl() {
        return server.baseUrl();
    }

    /** Forgets every account; unknown codes get GitHub's answer for a wrong code (status 200, as GitHub does). */
    static void reset() {
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
                .atPriority(10)
                .willReturn(okJson("{\"error\":\"bad_verification_code\","
                        + "\"error_description\":\"The code passed is incorrect or expired.\"}")));
        server.stubFor(post(urlPathEqualTo("/login/device/code"))
                .withRequestBody(containing("client_id=" + CLIENT_ID))
                .willReturn(okJson("{\"device_code\":\"device-123\",\"user_code\":\"ABCD-1234\","
                        + "\"verification_uri\":\"https://github.com/login/device\",\"expires_in\":900,"
                        + "\"interval\":5}")));
    }

    /** Registers an account: its code, its token, and what the API answers for that token. */
    static void add(Account account) {
        String authorization = "Bearer " + account.accessToken();
        server.stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
                // The authorization code, or the device code in the device flow.
                .withRequestBody(matching("(.*&)?(device_)?code=" + account.code() + "(&.*)?"))
                .atPriority(1)
                .willReturn(okJson("{\"access_token\":\"" + account.accessToken()
                        + "\",\"token_type\":\"bearer\",\"scope\":\"read:org,read:user,user:email\"}")));
        server.stubFor(get(urlPathEqualTo("/api/v3/user"))
                .withHeader("Authorization", equalTo(authorization))
                .willReturn(okJson(json(Map.of(
                        "id", account.id(),
                        "login", account.login(),
                        "name", account.name(),
                        "avatar_url", account.avatarUrl(),
                        "type", "User")))));
        server.stubFor(get(urlPathEqualTo("/api/v3/user/emails"))
                .withHeader("Authorization", equalTo(authorization))
                .willReturn(okJson(json(List.of(
                        Map.of("email", "secondary-" + account.email(), "primary", false, "verified", true),
                        Map.of("email", account.email(), "primary", true, "verified", account.emailVerified()))))));
        List<Object> memberships = new ArrayList<>();
        for (String organization : account.organizations()) {
            memberships.add(Map.of("state", "active", "role", "member", "organization", Map.of("login", organization)));
        }
        server.stubFor(get(urlPathEqualTo("/api/v3/user/memberships/orgs"))
                .withHeader("Authorization", equalTo(authorization))
                .willReturn(okJson(json(memberships))));
        server.stubFor(get(urlPathEqualTo(
                        "/api/v3/orgs/" + ORGANIZATION + "/teams/" + TEAM + "/memberships/" + account.login()))
                .withHeader("Authorization", equalTo(authorization))
                .willReturn(
                        account.inTeam()
                                ? okJson("{\"state\":\"active\",\"role\":\"member\"}")
                                : aResponse().withStatus(404).withBody("{\"message\":\"Not Found\"}")));
    }

    /** The device flow's answer while the user has not yet entered the code at GitHub. */
    static void pending(String deviceCode) {
        server.stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(matching("(.*&)?device_code=" + deviceCode + "(&.*)?"))
                .atPriority(1)
                .willReturn(okJson("{\"error\":\"authorization_pending\","
                        + "\"error_description\":\"The authorization request is still pending.\"}")));
    }

    /** The bodies of the token requests GitHub received. */
    static List<String> tokenRequestBodies() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/login/oauth/access_token"))).stream()
                .map(LoggedRequest::getBodyAsString)
                .toList();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
