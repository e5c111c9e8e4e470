package dev.coderusers.security;

import dev.coderusers.config.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/** Where clients find this resource server's OAuth metadata, for the {@code WWW-Authenticate} of a 401. */
@ApplicationScoped
public class ResourceMetadata {

    private final SessionConfig config;

    public ResourceMetadata(SessionConfig config) {
        this.config = config;
    }

    /**
     * Where clients find this resource server's OAuth metadata ({@code WWW-Authenticate} resource_metadata):
     * under the configured access URL, else under the URL the request came to.
     */
    public String url(URI requestBase) {
        return AccessUrl.base(config.accessUrl(), requestBase) + "/.well-known/oauth-protected-resource";
    }
}
