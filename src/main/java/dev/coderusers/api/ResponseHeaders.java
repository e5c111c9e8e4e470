package dev.coderusers.api;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Headers Coder puts on every API response. */
public class ResponseHeaders {

    private final String buildVersion;

    public ResponseHeaders(@ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.buildVersion = version;
    }

    @ServerResponseFilter
    public void headers(ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        response.getHeaders().putSingle("X-Coder-Build-Version", buildVersion);
    }
}
