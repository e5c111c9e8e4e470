package dev.coderusers.api;

/**
 * A value that Go's parser would reject, carrying the exact text of the Go error ({@code err.Error()}).
 *
 * <p>Coder puts that text verbatim into validation details, so the Java ports of Go's parsers report
 * it unchanged. Checked, so every caller decides how the text reaches the client; stackless, because
 * it is control flow for bad input rather than a bug.
 */
final class GoParseException extends Exception {

    GoParseException(String goErrorText) {
        super(goErrorText, null, false, false);
    }
}
