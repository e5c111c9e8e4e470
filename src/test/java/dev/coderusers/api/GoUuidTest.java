package dev.coderusers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoUuidTest {

    private static final UUID ID = UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                "3F2504E0-4F89-11D3-9A0C-0305E82C3301",
                "urn:uuid:3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                "URN:UUID:3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                "{3f2504e0-4f89-11d3-9a0c-0305e82c3301}",
                // google/uuid skips the first and last of 38 bytes without looking at them.
                "x3f2504e0-4f89-11d3-9a0c-0305e82c3301y",
                "3f2504e04f8911d39a0c0305e82c3301"
            })
    void acceptsTheFourShapesOfGoogleUuid(String input) throws GoParseException {
        assertThat(GoUuid.parse(input)).isEqualTo(ID);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|invalid UUID length: 0",
                "abc|invalid UUID length: 3",
                // java.util.UUID.fromString accepts this one.
                "1-1-1-1-1|invalid UUID length: 9",
                "3f2504e0-4f89-11d3-9a0c-0305e82c330|invalid UUID length: 35",
                // Lengths are counted in UTF-8 bytes: 35 characters but 36 bytes, of which the last two are not hex.
                "3f2504e0-4f89-11d3-9a0c-0305e82c33é|invalid UUID format",
                "3f2504e0-4f89-11d3-9a0c-0305e82c33ü1|invalid UUID length: 37",
                "3f2504e0_4f89-11d3-9a0c-0305e82c3301|invalid UUID format",
                "3f2504e0-4f89-11d3-9a0c-0305e82c330g|invalid UUID format",
                "3f2504e04f8911d39a0c0305e82c330g|invalid UUID format",
                "3f2504e0-4f89-11d3-9a0c-0305e82c3301-|invalid UUID length: 37",
                "urx:uuid:3f2504e0-4f89-11d3-9a0c-0305e82c3301|invalid urn prefix: \"urx:uuid:\"",
                "３f2504e0-4f89-11d3-9a0c-0305e82c33|invalid UUID format"
            })
    void rejectsEverythingElse(String input, String goError) {
        assertThatThrownBy(() -> GoUuid.parse(input))
                .isInstanceOf(GoParseException.class)
                .hasMessage(goError);
    }
}
