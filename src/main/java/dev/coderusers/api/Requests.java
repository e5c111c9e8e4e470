package dev.coderusers.api;

/** Request-body helpers shared by the resources. */
public final class Requests {

    private Requests() {}

    /** An absent body is a JSON decoding failure, as Go's decoder reports it ({@code EOF}). */
    public static <T> T body(T body) {
        if (body == null) {
            throw ApiException.badRequest(ApiExceptionMappers.INVALID_JSON, "EOF");
        }
        return body;
    }
}
