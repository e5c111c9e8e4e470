package dev.coderusers.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which roles a role update changes: Coder's ChangeRoleSet with the implied member role. */
class UserRoleChangesTest {

    @Test
    void memberIsAddedUnlessStored() {
        assertThat(UserRoleService.changedRoles(List.of(), List.of())).containsExactly("member");
        assertThat(UserRoleService.changedRoles(List.of("member"), List.of())).isEmpty();
    }

    @Test
    void addedRolesComeInRequestOrderThenRemovedInStoredOrder() {
        assertThat(UserRoleService.changedRoles(List.of("owner", "auditor"), List.of("user-admin", "auditor")))
                .containsExactly("user-admin", "member", "owner");
    }

    @Test
    void keptRolesAreNotChanges() {
        assertThat(UserRoleService.changedRoles(List.of("owner"), List.of("owner")))
                .containsExactly("member");
    }

    @Test
    void aRepeatedNewRoleCountsEachTime() {
        assertThat(UserRoleService.changedRoles(List.of("auditor"), List.of("auditor", "auditor")))
                .containsExactly("auditor", "member");
    }
}
