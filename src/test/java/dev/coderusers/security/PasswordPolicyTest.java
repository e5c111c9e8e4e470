package dev.coderusers.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.coderusers.api.GoText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final String NOTHING_BUT_LOWERCASE =
            "insecure password, try including more special characters, using uppercase letters, using numbers"
                    + " or using a longer password";

    private static final int[] DIGITS = "0123456789".codePoints().toArray();
    private static final int[] QWERTY = "qwertyuiop".codePoints().toArray();
    private static final int[] ALPHABET =
            "abcdefghijklmnopqrstuvwxyz".codePoints().toArray();

    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(
            strings = {"SomeSecurePassword!", "PasswordSecured123!", "MySecurePassword!", "correcthorse", "Password1!"})
    void acceptsThePasswordsCoderAccepts(String password) {
        assertThat(policy.problem(password)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "pass        | " + NOTHING_BUT_LOWERCASE,
                "password    | " + NOTHING_BUT_LOWERCASE,
                "newpassword | " + NOTHING_BUT_LOWERCASE,
                "hunter2     | insecure password, try including more special characters, using uppercase letters"
                        + " or using a longer password",
                "Abcdef12    | insecure password, try including more special characters or using a longer password",
            })
    void refusesThePasswordsCoderRefusesWithCodersMessage(String password, String message) {
        assertThat(policy.problem(password)).contains(message);
    }

    @Test
    void aLongButWeakPasswordGetsTheEntropyMessageFirst() {
        // Coder checks entropy before length: 65 × 'a' counts as "aa".
        assertThat(policy.problem("a".repeat(65))).contains(NOTHING_BUT_LOWERCASE);
    }

    @ParameterizedTest
    @CsvSource({
        "password, 37.6",
        "newpassword, 51.7",
        "correcthorse, 56.4",
        "Password1!, 60.7",
        "SomeSecurePassword!, 110.8",
    })
    void estimatesTheEntropyCoderEstimates(String password, double bits) {
        assertThat(PasswordPolicy.entropyBits(password)).isCloseTo(bits, within(0.05));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "MYPASS | including more special characters, using lowercase letters, using numbers",
                "123    | including more special characters, using lowercase letters, using uppercase letters",
                "aB1!   | including more special characters",
                "aB1!_  | including more special characters",
                "!_#    | using lowercase letters, using uppercase letters, using numbers",
                "aB!_#  | using numbers",
                "a1!_#  | using uppercase letters",
                "B1!_#  | using lowercase letters",
            })
    void namesEachMissingCharacterClass(String password, String advice) {
        assertThat(policy.problem(password))
                .contains("insecure password, try " + advice + " or using a longer password");
    }

    @Test
    void theEmptyPasswordLacksEveryClass() {
        String everything = "insecure password, try including more special characters, using lowercase letters,"
                + " using uppercase letters, using numbers or using a longer password";
        assertThat(policy.problem("")).contains(everything);
        assertThat(policy.problem(null)).contains(everything);
    }

    @Test
    void aShortPasswordWithEveryClassIsOnlyToldToBeLonger() {
        assertThat(policy.problem("aB1!_#")).contains("insecure password, try using a longer password");
    }

    @Test
    void refusesMoreThan64Bytes() {
        String strong64 = "SomeSecurePassword!".repeat(3) + "Abcdefg"; // 64 bytes, ~400 bits
        assertThat(strong64).hasSize(64);

        assertThat(policy.problem(strong64)).isEmpty();
        assertThat(policy.problem(strong64 + "x")).contains(PasswordPolicy.TOO_LONG);
        assertThat(PasswordPolicy.TOO_LONG).isEqualTo("password must be no more than 64 characters");
    }

    @Test
    void theLengthLimitCountsUtf8BytesNotCharacters() {
        String strong60 = "SomeSecurePassword!".repeat(3) + "Abc";
        assertThat(policy.problem(strong60 + "éé")).isEmpty(); // 62 characters, 64 bytes
        assertThat(policy.problem(strong60 + "ééé")).contains(PasswordPolicy.TOO_LONG); // 63 characters, 66 bytes
        assertThat(policy.problem(strong60 + "😀")).isEmpty(); // one rune of 4 bytes: 64 bytes
        assertThat(policy.problem(strong60 + "😀!")).contains(PasswordPolicy.TOO_LONG);
    }

    @Test
    void runsOfThreeOrMoreIdenticalCharactersCountAsTwo() {
        assertThat(runes(PasswordPolicy.removeRepeats(runes("bbbbbbbaaaaaaaaa"))))
                .isEqualTo("bbaa");
        assertThat(runes(PasswordPolicy.removeRepeats(runes("aaabaaa")))).isEqualTo("aabaa");
        assertThat(PasswordPolicy.entropyBits("Password1!!!!!!")).isEqualTo(PasswordPolicy.entropyBits("Password1!!"));
        assertThat(PasswordPolicy.entropyBits("zzzzzzzzzz")).isEqualTo(PasswordPolicy.entropyBits("zz"));
    }

    @Test
    void leadingNulCharactersCountForNothingAsInGo() {
        // Go's run filter starts with two "previous" runes of U+0000.
        assertThat(PasswordPolicy.effectiveLength(runes("\0\0ab"))).isEqualTo(2);
        assertThat(PasswordPolicy.effectiveLength(runes("ab\0\0"))).isEqualTo(4);
    }

    @Test
    void sequencesKeepOnlyTheirFirstTwoCharacters() {
        assertThat(runes(PasswordPolicy.removeSequence(runes("12345678"), DIGITS)))
                .isEqualTo("12");
        assertThat(runes(PasswordPolicy.removeSequence(runes("abcqwertyabc"), QWERTY)))
                .isEqualTo("abcqwabc");
        assertThat(runes(PasswordPolicy.removeSequence(runes(""), DIGITS))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "123456, 2",
        "qwertyuiop, 2",
        "asdfghjkl, 2",
        "zxcvbnm, 2",
        "abcdef, 2",
        "987654, 2",
        "poiuytrewq, 2",
        "lkjhgfdsa, 2",
        "mnbvcxz, 2",
        "zyxwvu, 2",
        "x123, 3",
        "ab12cd, 6",
    })
    void keyboardAndAlphabetSequencesForwardsAndReversedCountAsTwo(String password, int length) {
        assertThat(PasswordPolicy.effectiveLength(runes(password))).isEqualTo(length);
    }

    @Test
    void theSequenceFilterKeepsGosSkippingQuirk() {
        // After a partial match the outer loop steps past a character, so "cde" after "abz" survives.
        assertThat(runes(PasswordPolicy.removeSequence(runes("abzcde"), ALPHABET)))
                .isEqualTo("abzcde");
        assertThat(runes(PasswordPolicy.removeSequence(runes("abcdef"), ALPHABET)))
                .isEqualTo("ab");
        assertThat(PasswordPolicy.effectiveLength(runes("abzcde"))).isEqualTo(6);
        // The match count carries over between outer steps: the "z" that ends the alphabet counts as
        // the first of a run with "ab", so "b" and "c" go.
        assertThat(runes(PasswordPolicy.removeSequence(runes("zQabc"), ALPHABET)))
                .isEqualTo("zQa");
        assertThat(PasswordPolicy.effectiveLength(runes("zQabc"))).isEqualTo(3);
        // The passes run one after another: the home row drops the "h" of "fgh" first, and the
        // alphabet pass then stops at the gap: "abcdefghij" becomes "abij".
        assertThat(runes(PasswordPolicy.removeSequence(
                        runes("abcdefghij"), "asdfghjkl".codePoints().toArray())))
                .isEqualTo("abcdefgij");
        assertThat(PasswordPolicy.effectiveLength(runes("abcdefghij"))).isEqualTo(4);
    }

    @Test
    void theBaseAddsEachGroupOnceAndEachOtherRuneOnce() {
        assertThat(PasswordPolicy.base(runes("a"))).isEqualTo(26);
        assertThat(PasswordPolicy.base(runes("aZ"))).isEqualTo(52);
        assertThat(PasswordPolicy.base(runes("aZ9"))).isEqualTo(62);
        assertThat(PasswordPolicy.base(runes("!@$&*"))).isEqualTo(5);
        assertThat(PasswordPolicy.base(runes("_ "))).isEqualTo(5);
        assertThat(PasswordPolicy.base(runes("#~"))).isEqualTo(22);
        assertThat(PasswordPolicy.base(runes("éüé`"))).isEqualTo(3);
        assertThat(PasswordPolicy.base(runes(""))).isZero();
    }

    @Test
    void multiByteRunesAddOneToTheBaseButCountTheirBytesInTheLength() {
        // Go's validator measures the filtered password with len(), which counts UTF-8 bytes: 7
        // distinct kana give a base of 7 but a length of 21, 21 × log2(7) ≈ 58.95 bits.
        String kana = "パスワードです";
        assertThat(PasswordPolicy.base(runes(kana))).isEqualTo(7);
        assertThat(PasswordPolicy.effectiveLength(runes(kana))).isEqualTo(21);
        assertThat(PasswordPolicy.entropyBits(kana)).isCloseTo(58.95, within(0.01));
        assertThat(policy.problem(kana)).isEmpty();
    }

    @Test
    void unpairedSurrogatesCountAsTheReplacementCharacterLikeGo() {
        // Go's JSON decoder reads both as U+FFFD: one distinct rune of 3 bytes each.
        int[] runes = GoText.runes("\uD800\uDBFF");
        assertThat(runes).containsExactly(0xFFFD, 0xFFFD);
        assertThat(PasswordPolicy.base(runes)).isEqualTo(1);
        assertThat(GoText.utf8Length(runes)).isEqualTo(6);
        assertThat(GoText.runes("\uD83D\uDE00")).containsExactly(0x1F600);
    }

    @Test
    void exactlyFiftyTwoBitsIsEnough() {
        // Base 16 (one replace, one separator and six other characters) gives exactly 4 bits per
        // character, so 13 characters are exactly 52 bits and 12 are 48.
        String thirteen = "!_`\t\n\r\u0001\u0002!_`\t\n";
        assertThat(PasswordPolicy.base(runes(thirteen))).isEqualTo(16);
        assertThat(PasswordPolicy.entropyBits(thirteen)).isEqualTo(52.0);
        assertThat(policy.problem(thirteen)).isEmpty();
        assertThat(policy.problem(thirteen.substring(1))).isPresent();
    }

    @Test
    void log2IsExactForPowersOfTwoAsInGo() {
        assertThat(PasswordPolicy.goLog2(16)).isEqualTo(4.0);
        assertThat(PasswordPolicy.goLog2(1)).isEqualTo(0.0);
        assertThat(PasswordPolicy.goLog2(64)).isEqualTo(6.0);
        assertThat(PasswordPolicy.goLog2(26)).isCloseTo(Math.log(26) / Math.log(2), within(1e-12));
    }

    private static int[] runes(String s) {
        return GoText.runes(s);
    }

    private static String runes(int[] runes) {
        return new String(runes, 0, runes.length);
    }
}
