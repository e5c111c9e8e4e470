package dev.coderusers.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coderusers.api.ApiException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AllowListTest {

    static final String A = "11111111-1111-4111-8111-111111111111";
    static final String B = "22222222-2222-4222-8222-222222222222";

    private static List<String> normalize(String... entries) {
        return AllowList.normalize(AllowList.parse(List.of(entries)));
    }

    @Test
    void theGlobalWildcardShortCircuits() {
        assertThat(normalize("workspace:" + A, "*:*", "template:" + B)).containsExactly("*:*");
    }

    @Test
    void aTypedWildcardAbsorbsTheIdsOfItsType() {
        assertThat(normalize("workspace:" + A, "workspace:*", "workspace:" + B, "template:" + A))
                .containsExactly("template:" + A, "workspace:*");
    }

    @Test
    void duplicatesCollapseAndTheResultIsSortedByTypeThenId() {
        assertThat(normalize("workspace:" + B, "template:" + B, "workspace:" + A, "workspace:" + B))
                .containsExactly("template:" + B, "workspace:" + A, "workspace:" + B);
    }

    @Test
    void aWildcardTypeWithAnIdIsKept() {
        assertThat(normalize("*:" + A)).containsExactly("*:" + A);
    }

    @Test
    void surroundingSpaceIsIgnored() {
        assertThat(normalize("  template:*  ")).containsExactly("template:*");
    }

    @Test
    void noEntriesStayEmptySoThatTheDefaultApplies() {
        assertThat(AllowList.normalize(AllowList.parse(null))).isEmpty();
        assertThat(normalize()).isEmpty();
    }

    @Test
    void malformedEntriesAreUndecodableBodies() {
        assertInvalid("workspace", "invalid allow_list entry \"workspace\": want <type>:<id>");
        assertInvalid(":*", "invalid allow_list entry \":*\": want <type>:<id>");
        assertInvalid("workspace:", "invalid allow_list entry \"workspace:\": want <type>:<id>");
        assertInvalid("spaceship:*", "unknown resource type \"spaceship\"");
        assertInvalid("workspace:abc", "invalid workspace ID (must be UUID): \"abc\"");
        assertInvalid("workspace:" + A + ":x", "invalid workspace ID (must be UUID): \"" + A + ":x\"");
    }

    @Test
    void aNullEntryIsAnEmptyOne() {
        List<String> entries = Arrays.asList((String) null);
        assertThatThrownBy(() -> AllowList.parse(entries))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.body().detail())
                                .isEqualTo("invalid allow_list entry \"\": want <type>:<id>"));
    }

    @Test
    void moreThan128EntriesAreRefusedEvenIfTheyWouldCollapse() {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 129; i++) {
            entries.add("workspace:" + UUID.randomUUID());
        }
        assertThatThrownBy(() -> AllowList.normalize(AllowList.parse(entries)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body().message()).isEqualTo("Failed to create API key.");
                    assertThat(e.body().detail()).isEqualTo("allow_list has 129 entries; max allowed is 128");
                });
        assertThat(AllowList.normalize(AllowList.parse(entries.subList(0, 128))))
                .hasSize(128);
    }

    private static void assertInvalid(String entry, String detail) {
        assertThatThrownBy(() -> AllowList.parse(List.of(entry))).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.body().message()).isEqualTo("Request body must be valid JSON.");
            assertThat(e.body().detail()).isEqualTo(detail);
        });
    }
}
