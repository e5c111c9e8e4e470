package dev.coderusers.testsupport;

/**
 * Coder's fixed error messages as the tests expect them on the wire; written out here rather than taken from
 * the main code, so that a change of the message there fails the tests.
 */
public final class ApiMessages {

    /** Every 404 of a resource that is absent or that the caller may not see. */
    public static final String NOT_FOUND = "Resource not found or you do not have access to this resource";

    /** The 401 of a missing, unknown or expired session token. */
    public static final String SIGNED_OUT =
            "You are signed out or your session has expired. Please sign in again to continue.";

    private ApiMessages() {}
}
