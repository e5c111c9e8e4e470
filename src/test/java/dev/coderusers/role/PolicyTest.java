package dev.coderusers.role;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coderusers.role.AssignableRole.Permission;
import dev.coderusers.security.Actor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The policy table answers the questions the services ask, and what {@code GET /users/roles} shows is read from
 * it. The endpoints' answers for every role are {@link PermissionMatrixTest}'s.
 */
class PolicyTest {

    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID OTHER_ORGANIZATION = UUID.randomUUID();
    private static final UUID SOMEONE = UUID.randomUUID();

    private static Actor site(String... roles) {
        return new Actor(UUID.randomUUID(), Set.of(roles), Map.of(ORGANIZATION, List.of()));
    }

    private static Actor organization(String role) {
        return new Actor(UUID.randomUUID(), Set.of(), Map.of(ORGANIZATION, List.of(role)));
    }

    @Test
    void everyoneReadsItselfAndOnlyReadersReadOthers() {
        Actor member = site();
        assertThat(Permissions.can(member, Resource.USER, Action.READ, Target.user(member.userId())))
                .isTrue();
        assertThat(Permissions.can(member, Resource.USER, Action.READ, Target.user(SOMEONE)))
                .isFalse();
        for (Actor reader : List.of(
                site(Roles.OWNER),
                site(Roles.USER_ADMIN),
                site(Roles.TEMPLATE_ADMIN),
                site(Roles.AUDITOR),
                organization(Roles.ORG_ADMIN),
                organization(Roles.ORG_USER_ADMIN))) {
            assertThat(Permissions.can(reader, Resource.USER, Action.READ, Target.user(SOMEONE)))
                    .as("%s reads other users", reader)
                    .isTrue();
        }
        // Organization roles that the policy does not name grant nothing beyond membership.
        assertThat(Permissions.can(organization(Roles.ORG_AUDITOR), Resource.USER, Action.READ, Target.user(SOMEONE)))
                .isFalse();
    }

    @Test
    void listsAreScopedByThePolicy() {
        Actor member = site();
        Permissions.Visibility ownKeys = Permissions.visibility(member, Resource.API_KEY, Action.READ);
        assertThat(ownKeys.all()).isFalse();
        assertThat(ownKeys.user()).isEqualTo(member.userId());
        assertThat(ownKeys.includesUser(SOMEONE)).isFalse();
        assertThat(Permissions.visibility(site(Roles.OWNER), Resource.API_KEY, Action.READ)
                        .all())
                .isTrue();
        assertThat(Permissions.visibility(site(Roles.USER_ADMIN), Resource.API_KEY, Action.READ)
                        .all())
                .as("user-admins do not read others' keys")
                .isFalse();

        Permissions.Visibility organizations = Permissions.visibility(member, Resource.ORGANIZATION, Action.READ);
        assertThat(organizations.all()).isFalse();
        assertThat(organizations.organizations()).containsExactly(ORGANIZATION);
        assertThat(Permissions.canReadOrganization(member, OTHER_ORGANIZATION)).isFalse();
        assertThat(Permissions.visibility(site(Roles.AUDITOR), Resource.ORGANIZATION, Action.READ)
                        .all())
                .isTrue();

        Actor outsider = new Actor(UUID.randomUUID(), Set.of(), Map.of());
        assertThat(Permissions.visibility(outsider, Resource.ORGANIZATION, Action.READ)
                        .none())
                .isTrue();
    }

    @Test
    void secretsAreTheirUsersOnlyOwnersIncluded() {
        Actor owner = site(Roles.OWNER);
        assertThat(Permissions.can(owner, Resource.USER_SECRET, Action.READ, Target.user(SOMEONE)))
                .isFalse();
        assertThat(Permissions.can(owner, Resource.USER_SECRET, Action.READ, Target.user(owner.userId())))
                .isTrue();
    }

    @Test
    void ownersAreAdministeredOnlyByOwners() {
        assertThat(Permissions.canAdminister(site(Roles.USER_ADMIN), List.of(Roles.OWNER)))
                .isFalse();
        assertThat(Permissions.canAdminister(site(Roles.USER_ADMIN), List.of(Roles.AUDITOR)))
                .isTrue();
        assertThat(Permissions.canAdminister(site(Roles.OWNER), List.of(Roles.OWNER)))
                .isTrue();
    }

    @Test
    void whoAssignsWhatComesFromTheTable() {
        assertThat(Permissions.canAssign(Set.of(Roles.OWNER), Roles.OWNER)).isTrue();
        assertThat(Permissions.canAssign(Set.of(Roles.USER_ADMIN), Roles.MEMBER))
                .isTrue();
        assertThat(Permissions.canAssign(Set.of(Roles.USER_ADMIN), Roles.AUDITOR))
                .isFalse();
        assertThat(Permissions.canAssign(Set.of(Roles.AUDITOR, "no-such-role"), Roles.MEMBER))
                .isFalse();
    }

    @Test
    void theListedSiteRolesShowTheirGrantsFromTheTable() {
        List<AssignableRole> roles = new RoleService().siteRoles(site(Roles.USER_ADMIN));
        assertThat(roles)
                .extracting(AssignableRole::name)
                .containsExactly("owner", "auditor", "template-admin", "user-admin");
        assertThat(roles.get(0).sitePermissions()).containsExactly(new Permission(false, "*", "*"));
        assertThat(roles.get(1).sitePermissions())
                .containsExactly(new Permission(false, "user", "read"), new Permission(false, "organization", "read"));
        assertThat(roles.get(3).sitePermissions())
                .contains(new Permission(false, "user", "delete"), new Permission(false, "assign_role", "assign"))
                .doesNotContain(new Permission(false, "api_key", "read"));
        assertThat(roles.get(0).userPermissions())
                .contains(
                        new Permission(false, "user", "update_personal"), new Permission(false, "user_secret", "read"))
                .doesNotContain(new Permission(false, "user", "update"));
        assertThat(roles).extracting(AssignableRole::assignable).containsOnly(false);
    }
}
