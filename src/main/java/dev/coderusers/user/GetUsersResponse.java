package dev.coderusers.user;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code codersdk.GetUsersResponse}. {@code count} is the number of users matching the query (filters,
 * cursor and visibility) before offset and limit — and 0 when the page is empty, as in Coder.
 */
@Schema(name = "codersdk.GetUsersResponse")
public record GetUsersResponse(List<UserResponse> users, int count) {}
