package dev.coderusers.security;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The client's IP address. Behind a proxy, enable {@code quarkus.http.proxy.proxy-address-forwarding} so
 * that Quarkus takes it from {@code X-Forwarded-For} / {@code Forwarded}; untrusted headers are never read.
 */
public final class ClientAddress {

    /** What Coder stores when the address is unknown. */
    public static final String UNKNOWN = "0.0.0.0";

    private ClientAddress() {}

    public static String of(RoutingContext routing) {
        SocketAddress address = routing.request().remoteAddress();
        if (address == null
                || address.hostAddress() == null
                || address.hostAddress().isBlank()) {
            return UNKNOWN;
        }
        return address.hostAddress();
    }
}
