package dev.coderusers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.coderusers.client.ApiClient;
import dev.coderusers.client.ApiException;
import dev.coderusers.client.api.AuthorizationApi;
import dev.coderusers.client.api.GeneralApi;
import dev.coderusers.client.api.MembersApi;
import dev.coderusers.client.api.UsersApi;
import dev.coderusers.client.model.CodersdkAPIKey;
import dev.coderusers.client.model.CodersdkAPIKeyScope;
import dev.coderusers.client.model.CodersdkAPIKeyWithOwner;
import dev.coderusers.client.model.CodersdkAssignableRoles;
import dev.coderusers.client.model.CodersdkCreateFirstUserRequest;
import dev.coderusers.client.model.CodersdkCreateFirstUserResponse;
import dev.coderusers.client.model.CodersdkCreateTokenRequest;
import dev.coderusers.client.model.CodersdkCreateUserRequestWithOrgs;
import dev.coderusers.client.model.CodersdkGetUsersResponse;
import dev.coderusers.client.model.CodersdkLoginType;
import dev.coderusers.client.model.CodersdkLoginWithPasswordRequest;
import dev.coderusers.client.model.CodersdkSlimRole;
import dev.coderusers.client.model.CodersdkUpdateRoles;
import dev.coderusers.client.model.CodersdkUpdateUserProfileRequest;
import dev.coderusers.client.model.CodersdkUser;
import dev.coderusers.client.model.CodersdkUserRoles;
import dev.coderusers.client.model.CodersdkUserStatus;
import dev.coderusers.testsupport.TestUsers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Java client that the build generates from the OpenAPI contract (openapi-generator, library native), driven
 * through a whole session against the service: what a team using a generated SDK does. The client's mapper is
 * made strict, so an answer with a property or an enum value the contract does not declare fails here.
 *
 * <p>Run against the service in the test JVM ({@link GeneratedClientScenarioTest}) and against the packaged
 * artifact, the native binary included ({@code GeneratedClientIT}).
 */
public abstract class GeneratedClientScenario {

    private static final String PASSWORD = TestUsers.PASSWORD;

    /** The service's root URL, e.g. {@code http://localhost:8081/}. */
    protected abstract URI root();

    /** Makes the service ready to serve and without users: the scenario starts with the first user. */
    protected abstract void emptyService();

    /** The session token the client sends in Coder-Session-Token, once signed in. */
    String sessionToken;

    UsersApi users;
    AuthorizationApi authorization;
    MembersApi members;
    GeneralApi general;

    @BeforeEach
    void client() {
        emptyService();
        ApiClient client = new ApiClient();
        client.updateBaseUri(root().toString().replaceAll("/$", ""));
        client.setObjectMapper(
                client.getObjectMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> {
            if (sessionToken != null) {
                request.header("Coder-Session-Token", sessionToken);
            }
        });
        users = new UsersApi(client);
        authorization = new AuthorizationApi(client);
        members = new MembersApi(client);
        general = new GeneralApi(client);
    }

    @Test
    void aWholeSessionThroughTheGeneratedClient() throws ApiException {
        // First user, on an empty service.
        ApiException none = catchThrowableOfType(ApiException.class, () -> users.checkInitialUserCreated());
        assertThat(none.getCode()).isEqualTo(404);
        assertThat(none.getResponseBody()).contains("The initial user has not been created!");
        assertThat(users.getAuthenticationMethods().getPassword().getEnabled()).isTrue();

        CodersdkCreateFirstUserResponse first = users.createInitialUser(new CodersdkCreateFirstUserRequest()
                .email("admin@example.com")
                .username("admin")
                .name("Ada Admin")
                .password(PASSWORD));
        assertThat(users.checkInitialUserCreated().getMessage())
                .isEqualTo("The initial user has already been created!");

        // Login.
        ApiException wrongPassword = catchThrowableOfType(
                ApiException.class,
                () -> authorization.logInUser(new CodersdkLoginWithPasswordRequest()
                        .email("admin@example.com")
                        .password("nope")));
        assertThat(wrongPassword.getCode()).isEqualTo(401);
        sessionToken = authorization
                .logInUser(new CodersdkLoginWithPasswordRequest()
                        .email("admin@example.com")
                        .password(PASSWORD))
                .getSessionToken();
        CodersdkUser me = users.getUserByName("me");
        assertThat(me.getId()).isEqualTo(first.getUserId());
        assertThat(me.getStatus()).isEqualTo(CodersdkUserStatus.ACTIVE);
        assertThat(me.getLoginType()).isEqualTo(CodersdkLoginType.PASSWORD);
        assertThat(me.getRoles()).extracting(CodersdkSlimRole::getName).containsExactly("owner");
        assertThat(me.getOrganizationIds()).containsExactly(first.getOrganizationId());

        // Create users.
        CodersdkUser alice = createUser("alice", CodersdkUserStatus.ACTIVE, List.of(), first.getOrganizationId());
        CodersdkUser bob = createUser("bob", CodersdkUserStatus.ACTIVE, List.of("auditor"), first.getOrganizationId());
        CodersdkUser carol = createUser("carol", null, List.of(), first.getOrganizationId());
        assertThat(carol.getStatus()).as("new users start dormant").isEqualTo(CodersdkUserStatus.DORMANT);
        assertThat(bob.getRoles()).extracting(CodersdkSlimRole::getDisplayName).containsExactly("Auditor");
        ApiException taken = catchThrowableOfType(
                ApiException.class,
                () -> createUser("ALICE", CodersdkUserStatus.ACTIVE, List.of(), first.getOrganizationId()));
        assertThat(taken.getCode()).isEqualTo(409);

        // Search and page.
        CodersdkGetUsersResponse everyone = users.getUsers(null, null, null, null);
        assertThat(everyone.getCount()).isEqualTo(4);
        assertThat(everyone.getUsers())
                .extracting(CodersdkUser::getUsername)
                .containsExactly("admin", "alice", "bob", "carol");
        CodersdkGetUsersResponse secondPage = users.getUsers(null, null, 2, 2);
        assertThat(secondPage.getCount()).isEqualTo(4);
        assertThat(secondPage.getUsers()).extracting(CodersdkUser::getUsername).containsExactly("bob", "carol");
        CodersdkGetUsersResponse afterAlice = users.getUsers(null, alice.getId(), 1, null);
        assertThat(afterAlice.getUsers()).extracting(CodersdkUser::getUsername).containsExactly("bob");
        assertThat(users.getUsers("status:dormant", null, null, null).getUsers())
                .extracting(CodersdkUser::getUsername)
                .containsExactly("carol");
        assertThat(users.getUsers("role:auditor", null, null, null).getUsers())
                .extracting(CodersdkUser::getId)
                .containsExactly(bob.getId());
        ApiException badQuery =
                catchThrowableOfType(ApiException.class, () -> users.getUsers("colour:blue", null, null, null));
        assertThat(badQuery.getCode()).isEqualTo(400);
        assertThat(badQuery.getResponseBody()).contains("Invalid user search query.");

        // Roles.
        List<CodersdkAssignableRoles> siteRoles = members.getSiteMemberRoles();
        assertThat(siteRoles)
                .extracting(CodersdkAssignableRoles::getName)
                .contains("owner", "auditor", "template-admin", "user-admin");
        assertThat(siteRoles)
                .allSatisfy(role -> assertThat(role.getAssignable()).isTrue());
        CodersdkUser promoted =
                users.assignRoleToUser("alice", new CodersdkUpdateRoles().roles(List.of("template-admin")));
        assertThat(promoted.getRoles())
                .extracting(CodersdkSlimRole::getDisplayName)
                .containsExactly("Template Admin");
        CodersdkUserRoles aliceRoles = users.getUserRoles("alice");
        assertThat(aliceRoles.getRoles()).containsExactly("template-admin");
        assertThat(aliceRoles.getOrganizationRoles())
                .containsOnlyKeys(first.getOrganizationId().toString());

        // Profile.
        CodersdkUser renamed = users.updateUserProfile(
                alice.getId().toString(),
                new CodersdkUpdateUserProfileRequest().username("alice-l").name("Alice Liddell"));
        assertThat(renamed.getUsername()).isEqualTo("alice-l");
        assertThat(renamed.getName()).isEqualTo("Alice Liddell");
        assertThat(users.getUserByName("alice-l").getId()).isEqualTo(alice.getId());

        // Tokens: create, list, use, delete.
        assertThat(general.getTokenConfig("me").getMaxTokenLifetime())
                .as("owners are capped at 7 days, in nanoseconds")
                .isEqualTo(Duration.ofDays(7).toNanos());
        String token = users.createTokenApiKey(
                        "me",
                        new CodersdkCreateTokenRequest()
                                .tokenName("ci")
                                .lifetime(Duration.ofHours(1).toNanos())
                                .scopes(List.of(CodersdkAPIKeyScope.CODER_ALL))
                                .allowList(List.of("*:*")))
                .getKey();
        List<CodersdkAPIKeyWithOwner> tokens = users.getUserTokens("me", null, null);
        assertThat(tokens).singleElement().satisfies(listed -> {
            assertThat(listed.getTokenName()).isEqualTo("ci");
            assertThat(listed.getUsername()).isEqualTo("admin");
            assertThat(listed.getLoginType()).isEqualTo(CodersdkAPIKeyWithOwner.LoginTypeEnum.TOKEN);
            assertThat(listed.getScopes()).containsExactly(CodersdkAPIKeyScope.CODER_ALL);
            assertThat(listed.getAllowList()).containsExactly("*:*");
            assertThat(listed.getLifetimeSeconds()).isEqualTo(3600L);
        });
        CodersdkAPIKey byName = users.getApiKeyByTokenName("me", "ci");
        assertThat(token).startsWith(byName.getId() + "-");
        String session = sessionToken;
        sessionToken = token;
        assertThat(users.getUserByName("me").getUsername())
                .as("the token signs in")
                .isEqualTo("admin");
        sessionToken = session;
        users.deleteApiKey("me", byName.getId());
        assertThat(users.getUserTokens("me", null, null))
                .as("Coder answers null, not [], when there are no tokens")
                .isNull();
        sessionToken = token;
        assertThat(catchThrowableOfType(ApiException.class, () -> users.getUserByName("me"))
                        .getCode())
                .isEqualTo(401);
        sessionToken = session;

        // Delete a user.
        assertThat(users.deleteUser("carol").getMessage()).isEqualTo("User has been deleted!");
        assertThat(users.getUsers(null, null, null, null).getCount()).isEqualTo(3);

        // Logout: the session ends, the next call is refused.
        assertThat(users.logOutUser().getMessage()).isEqualTo("Logged out!");
        ApiException signedOut = catchThrowableOfType(ApiException.class, () -> users.getUserByName("me"));
        assertThat(signedOut.getCode()).isEqualTo(401);
        assertThat(signedOut.getResponseBody()).contains("You are signed out or your session has expired.");
    }

    private CodersdkUser createUser(String username, CodersdkUserStatus status, List<String> roles, UUID organization)
            throws ApiException {
        CodersdkCreateUserRequestWithOrgs request = new CodersdkCreateUserRequestWithOrgs()
                .email(username.toLowerCase() + "@example.com")
                .username(username)
                .password(PASSWORD)
                .loginType(CodersdkLoginType.PASSWORD)
                .organizationIds(List.of(organization))
                .roles(roles);
        if (status != null) {
            request.userStatus(status);
        }
        return users.createNewUser(request);
    }
}
