package dev.coderusers.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses NUL characters in path and query parameters of every endpoint (see {@link NulCharacters}). A path
 * parameter ({@code {user}}, a key id, an organization name) with a NUL names nothing that can exist: 404 as
 * any unknown one. A query parameter with a NUL is a 400 naming the parameter, as the other query errors.
 * It runs after authentication, so unauthenticated callers still get their 401 first, as in Coder.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class NulCharacterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        if (NulCharacters.firstOffendingKey(uri.getPathParameters()) != null) {
            throw ApiException.resourceNotFound();
        }
        String query = NulCharacters.firstOffendingKey(uri.getQueryParameters());
        if (query != null) {
            throw ApiException.badRequest(
                    Pagination.INVALID_MESSAGE,
                    query,
                    "Query param " + GoText.quote(query) + " " + NulCharacters.DETAIL);
        }
    }
}
