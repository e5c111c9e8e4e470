package dev.coderusers.auth;

import dev.coderusers.api.ApiError;
import dev.coderusers.security.RequestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.NewCookie;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * {@code coder_users_sign_ins_total{method, outcome}}: every answer of a sign-in endpoint, counted from the
 * answer itself, so that the sign-in code stays as it is. Every method and outcome exists from the start (at 0),
 * so that a rate or an alert sees the first failure.
 *
 * <p>The first step of a GitHub or OpenID Connect callback (the redirect to the provider) is not a sign-in and is
 * not counted; its second step is, with the outcome of the exchange.
 */
@Startup
@Singleton
public class SignInMetrics {

    enum Method {
        PASSWORD,
        GITHUB,
        OIDC
    }

    enum Outcome {
        /** A session was issued. */
        SUCCESS,
        /** 401: wrong email or password; for GitHub and OIDC a state that is not the browser's own. */
        BAD_CREDENTIALS,
        /** 401: the account is suspended. */
        SUSPENDED,
        /** 429: the login rate limit refused the attempt. */
        RATE_LIMITED,
        /** 403: the method is disabled, the user signs in another way, signups are off, the domain or org is not allowed. */
        FORBIDDEN,
        /** Any other 4xx: a malformed request, a code the provider refused, a provider not configured. */
        INVALID_REQUEST,
        /** 5xx. */
        ERROR
    }

    private final Map<Method, Map<Outcome, Counter>> counters = new EnumMap<>(Method.class);
    private final String suspendedMessage =
            LoginService.accountSuspended().body().message();

    public SignInMetrics(MeterRegistry registry) {
        for (Method method : Method.values()) {
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(
                        outcome,
                        Counter.builder("coder_users.sign_ins")
                                .description("Sign-in attempts by method and outcome")
                                .tag("method", label(method))
                                .tag("outcome", label(outcome))
                                .register(registry));
            }
            counters.put(method, byOutcome);
        }
    }

    @ServerResponseFilter
    public void count(SimpleResourceInfo resource, ContainerResponseContext response) {
        Method method = methodOf(resource);
        if (method == null) {
            return;
        }
        Outcome outcome = outcome(response);
        if (outcome != null) {
            counters.get(method).get(outcome).increment();
        }
    }

    private static Method methodOf(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return null;
        }
        Class<?> type = resource.getResourceClass();
        String name = resource.getMethodName();
        if (type == AuthResource.class && "login".equals(name)) {
            return Method.PASSWORD;
        }
        if (type == GithubSignInResource.class && "callback".equals(name)) {
            return Method.GITHUB;
        }
        if (type == OidcSignInResource.class && "callback".equals(name)) {
            return Method.OIDC;
        }
        return null;
    }

    /** What the answer says about the attempt; null for an answer that is not the end of one. */
    Outcome outcome(ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400) {
            // Sign-ins answer 201 (password), 307 or 200 (GitHub's device flow) with the session cookie; the
            // callback's first step redirects to the provider without one.
            NewCookie session = response.getCookies().get(RequestTokens.COOKIE);
            return session != null && !session.getValue().isEmpty() && session.getMaxAge() != 0
                    ? Outcome.SUCCESS
                    : null;
        }
        if (status == 401) {
            return response.getEntity() instanceof ApiError error && suspendedMessage.equals(error.message())
                    ? Outcome.SUSPENDED
                    : Outcome.BAD_CREDENTIALS;
        }
        if (status == 403) {
            return Outcome.FORBIDDEN;
        }
        if (status == 429) {
            return Outcome.RATE_LIMITED;
        }
        return status >= 500 ? Outcome.ERROR : Outcome.INVALID_REQUEST;
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
