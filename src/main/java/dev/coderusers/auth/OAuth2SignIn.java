package dev.coderusers.auth;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;

/**
 * One identity provider's part of a sign-in; the two steps around it (state, redirect and PKCE cookies)
 * are the same for every provider and live in {@link OAuth2Callback}.
 */
interface OAuth2SignIn {

    /** Whether the deployment configured this provider; if not, its callback answers 400. */
    boolean configured();

    /** Whether the first step sends a PKCE (S256) challenge, and the callback requires its verifier. */
    boolean usesPkce();

    /** The callback's path under the site's URL; it is also the {@code redirect_uri} given to the provider. */
    String callbackPath();

    /**
     * Where the browser goes to authorize, with this state and (when {@link #usesPkce()}) the challenge of
     * this verifier.
     */
    String authorizationUrl(String state, CodeVerifier verifier, URI callbackUri);

    /** Exchanges the code and signs the user in; failures are {@code ApiException}s with Coder's answers. */
    SignedIn complete(Authorization authorization, URI callbackUri, String ipAddress);

    /** Whether the callback answers {@code 200 {"redirect_url"}} (GitHub's device flow) instead of a 307. */
    boolean answersWithJson();

    /** What the callback received, after its state and PKCE checks; {@code conversion} is null for a sign-in. */
    record Authorization(String code, String redirect, String pkceVerifier, Conversion conversion) {}

    /**
     * A sign-in that completes a login conversion: the state it came back with, and the conversion cookie the
     * browser sent (null when none).
     */
    record Conversion(String state, String cookie) {}

    /** A completed sign-in: the new session token and the path the browser asked to return to. */
    record SignedIn(String sessionToken, String redirect) {}
}
