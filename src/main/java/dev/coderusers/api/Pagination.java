package dev.coderusers.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The paging parameters of {@code GET /api/v2/users}, read exactly as Coder's {@code ParsePagination}
 * reads them so that clients written against Coder page the same way and get the same 400 answers.
 *
 * @param afterId keyset cursor (the id of the last user of the previous page), or {@code null} for none.
 *     The nil UUID is also "none": Coder's SQL treats {@code 00000000-…} as no cursor.
 * @param limit page size; 0 means no limit, and there is no maximum
 * @param offset rows to skip; 0 by default
 */
public record Pagination(UUID afterId, int limit, int offset) {

    /** Coder's answer message when any paging parameter is invalid. */
    public static final String INVALID_MESSAGE = "Query parameters have invalid values.";

    private static final UUID NIL = new UUID(0, 0);

    /**
     * Reads {@code after_id}, {@code limit} and {@code offset} from the raw query parameters (a JAX-RS
     * {@code MultivaluedMap<String, String>} fits, and keeps repeats visible). Other parameters are
     * ignored, as Coder ignores them here.
     *
     * @throws ApiException 400 {@value #INVALID_MESSAGE} listing every invalid parameter, in the order
     *     {@code after_id}, {@code limit}, {@code offset}
     */
    public static Pagination parse(Map<String, List<String>> queryParameters) {
        QueryParamParser parser = new QueryParamParser();
        UUID afterId = parser.uuid(queryParameters, "after_id");
        int limit = parser.positiveInt32(queryParameters, "limit", 0);
        int offset = parser.positiveInt32(queryParameters, "offset", 0);
        if (parser.hasErrors()) {
            throw ApiException.badRequest(INVALID_MESSAGE, parser.errors());
        }
        return new Pagination(NIL.equals(afterId) ? null : afterId, limit, offset);
    }

    /** True when the caller asked for a bounded page ({@code limit} 0 means every row). */
    public boolean hasLimit() {
        return limit > 0;
    }
}
