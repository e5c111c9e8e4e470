package dev.coderusers.user.autofill;

import dev.coderusers.api.ApiException;
import dev.coderusers.api.QueryParamParser;
import dev.coderusers.role.Permissions;
import dev.coderusers.security.Actor;
import dev.coderusers.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /users/{user}/autofill-parameters} (Coder's userAutofillParameters): the values a user last gave
 * the parameters of a template's workspaces, to prefill the next one.
 *
 * <p>Coder reads them from the user's workspace builds. This service holds no workspaces, templates or builds,
 * so once the request has passed Coder's checks the answer is always the empty list: the truthful answer for a
 * user without builds, and nothing is invented.
 */
@ApplicationScoped
public class AutofillParameterService {

    static final String TEMPLATE_ID = "template_id";

    /**
     * Checks the query as Coder does ({@code template_id} required, a UUID; nothing else allowed) and then the
     * caller's right to read the user's personal data: Coder answers 500 to callers who may see the user but
     * lack it (auditor, template-admin); here they get 404.
     */
    public List<UserParameter> parameters(Actor actor, User target, Map<String, List<String>> query) {
        QueryParamParser parser = new QueryParamParser().requiredNotEmpty(TEMPLATE_ID);
        // Read for its validation only: there are no builds to look the template up in.
        parser.uuid(query, TEMPLATE_ID);
        parser.errorExcessParams(query);
        if (parser.hasErrors()) {
            throw ApiException.badRequest("Invalid query parameters.", parser.errors());
        }
        Permissions.requireReadPersonal(actor, target.id);
        return List.of();
    }
}
