package dev.coderusers.auth;

import dev.coderusers.api.ApiError;
import dev.coderusers.api.ApiException;
import dev.coderusers.api.CoderJson;
import dev.coderusers.apikey.ApiKeyService;
import dev.coderusers.config.SessionConfig;
import dev.coderusers.organization.Organization;
import dev.coderusers.role.Roles;
import dev.coderusers.user.LoginType;
import dev.coderusers.user.NewUser;
import dev.coderusers.user.SignInUpdates;
import dev.coderusers.user.User;
import dev.coderusers.user.UserService;
import dev.coderusers.user.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What every provider's sign-in ends with (Coder's {@code oauthLogin}): find the user by link, else by
 * email; apply the sign-up and login-type rules; create the user if needed; keep the link and the profile
 * in step with the provider; open a session.
 */
@ApplicationScoped
public class OAuthLoginService {

    static final String SIGNUPS_DISABLED_DETAIL = "Please contact your Coder administrator to request access.";

    private final UserService users;
    private final ApiKeyService apiKeys;
    private final SessionConfig sessionConfig;
    private final IdentityProviders providers;
    private final LoginConversionService conversions;
    private final Clock clock;

    public OAuthLoginService(
            UserService users,
            ApiKeyService apiKeys,
            SessionConfig sessionConfig,
            IdentityProviders providers,
            LoginConversionService conversions,
            Clock clock) {
        this.clock = clock;
        this.users = users;
        this.apiKeys = apiKeys;
        this.sessionConfig = sessionConfig;
        this.providers = providers;
        this.conversions = conversions;
    }

    /** Signs the identity in and returns the new session token. */
    @Transactional
    public String signIn(ExternalIdentity identity, String ipAddress) {
        return signIn(identity, ipAddress, null);
    }

    /**
     * Signs the identity in and returns the new session token. A sign-in that came back with a conversion's
     * state first converts the password user it belongs to (or fails without creating anyone); that user's
     * password sessions end with the password.
     */
    @Transactional
    public String signIn(ExternalIdentity identity, String ipAddress, OAuth2SignIn.Conversion conversion) {
        Linked linked = findLinkedUser(identity);
        if (conversion != null) {
            User converted = conversions.convert(linked.user(), identity, conversion.state(), conversion.cookie());
            apiKeys.endPasswordSessions(converted.id);
            linked = new Linked(
                    converted,
                    UserLink.findFor(converted.id, identity.loginType()).orElse(null));
        }
        if (linked.user() == null) {
            // A sign-up may create the first user, who becomes owner: serialise with the other paths that
            // may, then look again in case a parallel sign-in of the same person just created the account.
            users.lockFirstUserCreation();
            linked = findLinkedUser(identity);
        }
        User user = linked.user();
        boolean firstUser = User.countHumans() == 0;
        if (user == null && !(firstUser || identity.allowSignups())) {
            // Coder renders an HTML error page here; this API answers with its JSON error body.
            throw new ApiException(
                    403,
                    ApiError.of(
                            "Signups are disabled",
                            providers.signupsDisabledText().orElse(SIGNUPS_DISABLED_DETAIL)));
        }
        if (user != null && user.loginType != identity.loginType()) {
            throw new ApiException(
                    403,
                    ApiError.of(
                            "Incorrect login type",
                            "Attempting to use login type \""
                                    + identity.loginType().value() + "\", but the user has the login type \""
                                    + user.loginType.value() + "\"."
                                    + (user.loginType == LoginType.PASSWORD
                                            ? " You can convert your account to use this login type by visiting your"
                                                    + " account settings."
                                            : "")));
        }
        Instant now = CoderJson.now(clock);
        if (user == null) {
            user = create(identity, firstUser);
        }
        SignInUpdates.activateIfDormant(user, now, false);
        if (user.status != UserStatus.ACTIVE) {
            // Coder issues a session here that its API key middleware then refuses on every request; a
            // suspended user gets the password login's answer instead of a useless cookie.
            throw LoginService.accountSuspended();
        }
        keepLink(user, linked.link(), identity);
        SignInUpdates.syncProfile(
                user, identity.avatarUrl(), identity.name(), identity.email(), identity.githubComUserId(), now);
        return apiKeys.createSession(user.id, identity.loginType(), sessionConfig.duration(), ipAddress)
                .token();
    }

    private record Linked(User user, UserLink link) {}

    /**
     * By the provider's id first, then by email; a deleted user's link counts as no link. When the user is
     * found by email, its link of its own login type (possibly one made before ids were recorded) is used.
     */
    private static Linked findLinkedUser(ExternalIdentity identity) {
        Optional<UserLink> byId = UserLink.findByLinkedId(identity.linkedId());
        if (byId.isPresent()) {
            Optional<User> owner =
                    User.<User>findByIdOptional(byId.get().userId).filter(u -> !u.deleted);
            if (owner.isPresent()) {
                return new Linked(owner.get(), byId.get());
            }
        }
        Optional<User> byEmail = User.findByEmail(identity.email());
        if (byEmail.isEmpty()) {
            return new Linked(null, null);
        }
        User user = byEmail.get();
        return new Linked(user, UserLink.findFor(user.id, user.loginType).orElse(null));
    }

    private User create(ExternalIdentity identity, boolean firstUser) {
        String username = availableUsername(identity.username());
        return users.insert(new NewUser(
                identity.email(),
                username,
                identity.name(),
                identity.avatarUrl(),
                "",
                identity.loginType(),
                UserStatus.ACTIVE,
                firstUser ? List.of(Roles.OWNER) : List.of(),
                List.of(Organization.findDefault().id),
                false,
                identity.githubComUserId()));
    }

    /** The username, or a suffixed alternative when it is taken (system users' names count as taken). */
    private static String availableUsername(String wanted) {
        if (User.findByUsername(wanted).isEmpty()) {
            return wanted;
        }
        for (int i = 0; i < Usernames.ALTERNATIVES; i++) {
            String alternative = Usernames.alternative(wanted, ThreadLocalRandom.current());
            if (User.findByUsername(alternative).isEmpty()) {
                return alternative;
            }
        }
        throw ApiException.conflict("exhausted alternatives for taken username \"" + wanted + "\"");
    }

    private static void keepLink(User user, UserLink link, ExternalIdentity identity) {
        if (link == null) {
            link = new UserLink();
            link.userId = user.id;
            link.loginType = identity.loginType().value();
            link.linkedId = identity.linkedId();
            apply(link, identity);
            link.persist();
            return;
        }
        if (link.linkedId == null || link.linkedId.isEmpty()) {
            // A link made before ids were recorded gets its id now, so that the next sign-in finds it by id.
            link.linkedId = identity.linkedId();
        }
        apply(link, identity);
    }

    private static void apply(UserLink link, ExternalIdentity identity) {
        link.oauthAccessToken = identity.tokens().accessToken();
        link.oauthRefreshToken = identity.tokens().refreshToken();
        link.oauthExpiry = identity.tokens().expiry();
        link.claims = identity.claimsJson();
    }
}
