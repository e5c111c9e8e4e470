package dev.coderusers.security;

import java.net.URI;
import java.util.Optional;

/**
 * Where clients reach this service, for the absolute URLs it hands out (OAuth callbacks, resource metadata):
 * the configured access URL ({@code coder-users.session.access-url}), else the scheme and authority the
 * request came to.
 */
public final class AccessUrl {

    private AccessUrl() {}

    /** The base URL without a trailing slash, for appending an absolute path. */
    public static String base(Optional<String> accessUrl, URI requestBase) {
        String base = accessUrl
                .filter(url -> !url.isBlank())
                .orElseGet(() -> requestBase.getScheme() + "://" + requestBase.getRawAuthority());
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
