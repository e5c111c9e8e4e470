package dev.coderusers.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where a sign-in may send the browser afterwards: only a path on this site. Whatever the client asked
 * for, the scheme and host are dropped (as Coder's {@code uriFromURL} does) and the path is cleaned (as
 * Go's {@code http.Redirect} does), so the answer never starts with {@code //} or a backslash and cannot
 * leave the site.
 */
final class RedirectPaths {

    static final String DEFAULT = "/";

    private RedirectPaths() {}

    /** The local path and query of {@code requested}; {@code /} when it is empty or has no usable path. */
    static String local(String requested) {
        if (requested == null || requested.isBlank()) {
            return DEFAULT;
        }
        URI uri = parse(requested);
        if (uri == null || uri.isOpaque()) {
            // e.g. "javascript:…" or "mailto:…": nothing local to keep.
            return DEFAULT;
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            path = DEFAULT;
        } else if (!path.startsWith("/")) {
            path = "/" + path;
        }
        String query = uri.getRawQuery();
        return clean(path) + (query == null ? "" : "?" + query);
    }

    private static URI parse(String requested) {
        try {
            return new URI(requested);
        } catch (URISyntaxException e) {
            try {
                // Browsers send what Go's lenient parser accepts (spaces, backslashes, non-ASCII); encode
                // those characters instead of losing the whole path. An encoded backslash stays literal.
                return new URI(encodeIllegal(requested));
            } catch (URISyntaxException stillInvalid) {
                return null;
            }
        }
    }

    private static String encodeIllegal(String raw) {
        StringBuilder out = new StringBuilder();
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean allowed = c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0;
            if (allowed) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Go's {@code path.Clean} for a rooted path, keeping a trailing slash as {@code http.Redirect} does. */
    static String clean(String path) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        String cleaned = "/" + String.join("/", segments);
        if (path.endsWith("/") && !cleaned.endsWith("/")) {
            cleaned += "/";
        }
        return cleaned;
    }
}
