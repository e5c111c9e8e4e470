package dev.coderusers.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenNamesTest {

    @Test
    void generatedNamesAreAdjectiveSurnameAndTwoDigits() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String name = TokenNames.generate();
            assertThat(name).matches("[a-z]+_[a-z]+[0-9]{2}");
            names.add(name);
        }
        // 46 adjectives x 43 surnames x 100 numbers: 200 draws are all but certain to differ somewhere.
        assertThat(names).hasSizeGreaterThan(1);
    }

    @Test
    void noGeneratedNameCanExceed32Characters() {
        assertThat(TokenNames.longestPossible()).isLessThanOrEqualTo(TokenNames.MAX_LENGTH);
    }
}
