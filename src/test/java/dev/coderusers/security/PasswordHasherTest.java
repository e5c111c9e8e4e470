package dev.coderusers.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    /** Coder's own test vector (userpassword_test.go, "Legacy"). */
    private static final String TOMATO =
            "$pbkdf2-sha256$65535$z8c1p1C2ru9EImBP1I+ZNA$pNjE3Yk0oG0PmJ0Je+y7ENOVlSkn/b0BEqqdKsq6Y97wQBq0xT+lD5bWJpyIKJqQICuPZcEaGDKrXJn8+SIHRg";

    // The vectors below were computed outside the JVM, with Python's hashlib.pbkdf2_hmac over the
    // UTF-8 bytes of the password and the salt of the tomato vector.
    private static final String TOMATO_1000_ITERATIONS =
            "$pbkdf2-sha256$1000$z8c1p1C2ru9EImBP1I+ZNA$oBIK2/uIv8LlV7yaM+ukX7zESrg5buckSCXtCnkP7StVqqH92zdbPpBUd8sJ/6AZRH8ZlyuKUiRvQHDErAdw1g";
    private static final String NON_ASCII_PASSWORD = "pässwörd-日本\uFFFD";
    private static final String NON_ASCII =
            "$pbkdf2-sha256$65535$z8c1p1C2ru9EImBP1I+ZNA$KSMePs8aQT8uXjcZ8lWRrC3+8JsSnzdd5nTUR99jCsRV6E4yXxHh3lDV+M8Zd/bN0mWyCdewlPDyuys+nORYyA";
    private static final String EMPTY_PASSWORD =
            "$pbkdf2-sha256$65535$z8c1p1C2ru9EImBP1I+ZNA$xl4OOJoP5mFsEoCf9LAo75aVTG5C1E4QIySqMIAPs72gT8zeU/3tH15HMyFCy//YQxLYY+bIpb/Qek5Q/bw1Ww";

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashIsInCodersFormatWithA16ByteSaltAndA64ByteKey() {
        String hash = hasher.hash("SomeSecurePassword!");

        assertThat(hash).matches("\\$pbkdf2-sha256\\$65535\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{86}");
        String[] parts = hash.split("\\$");
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(64);
    }

    @Test
    void aHashVerifiesItsPasswordAndNoOther() {
        String hash = hasher.hash("SomeSecurePassword!");

        assertThat(hasher.verify("SomeSecurePassword!", hash)).isTrue();
        assertThat(hasher.verify("SomeSecurePassword", hash)).isFalse();
        assertThat(hasher.verify("somesecurepassword!", hash)).isFalse();
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertThat(hasher.hash("SomeSecurePassword!")).isNotEqualTo(hasher.hash("SomeSecurePassword!"));
    }

    @Test
    void verifiesCodersTestVector() {
        assertThat(hasher.verify("tomato", TOMATO)).isTrue();
        assertThat(hasher.verify("Tomato", TOMATO)).isFalse();
    }

    @Test
    void verifiesHashesWithAnotherIterationCount() {
        assertThat(hasher.verify("tomato", TOMATO_1000_ITERATIONS)).isTrue();
        assertThat(hasher.verify("potato", TOMATO_1000_ITERATIONS)).isFalse();
    }

    @Test
    void hashesNonAsciiPasswordsAsTheirUtf8Bytes() {
        assertThat(hasher.verify(NON_ASCII_PASSWORD, NON_ASCII)).isTrue();
        String hash = hasher.hash(NON_ASCII_PASSWORD);
        assertThat(hasher.verify(NON_ASCII_PASSWORD, hash)).isTrue();
        assertThat(hasher.verify("passwordnihon\uFFFD", hash)).isFalse();
    }

    @Test
    void anUnpairedSurrogateHashesAsTheReplacementCharacterLikeGo() {
        // Go's JSON decoder reads "\ud800" as U+FFFD, so Coder hashed that rune's bytes.
        assertThat(hasher.verify("pässwörd-日本\uD800", NON_ASCII)).isTrue();
    }

    @Test
    void theEmptyPasswordHashesAndVerifies() {
        assertThat(hasher.verify("", EMPTY_PASSWORD)).isTrue();
        assertThat(hasher.verify(null, EMPTY_PASSWORD)).isTrue();
        assertThat(hasher.verify("", hasher.hash(""))).isTrue();
        assertThat(hasher.verify(" ", EMPTY_PASSWORD)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "$pbkdf2-sha256$65535$z8c1p1C2ru9EImBP1I+ZNA$short",
                "$bcrypt-sha256$65535$z8c1p1C2ru9EImBP1I+ZNA$pNjE3Yk0oG0PmJ0Je+y7ENOVlSkn/b0BEqqdKsq6Y97wQBq0xT+lD5bWJpy",
                "x$pbkdf2-sha256$65535$z8c1p1C2ru9EImBP1I+ZNA$pNjE3Yk0oG0PmJ0Je+y7ENOVlSkn/b0BEqqdKsq6Y97wQBq0xT+lD5bWJpy",
                "$pbkdf2-sha256$65535$z8c1p1C2ru9EImBP1I+ZNA+pNjE3Yk0oG0PmJ0Je+y7ENOVlSkn/b0BEqqdKsq6Y97wQBq0xT+lD5bWJpy",
                "$pbkdf2-sha256$many$z8c1p1C2ru9EImBP1I+ZNA$pNjE3Yk0oG0PmJ0Je+y7ENOVlSkn/b0BEqqdKsq6Y97wQBq0xT+lD5bWJpy",
                "$pbkdf2-sha256$0$z8c1p1C2ru9EImBP1I+ZNA$pNjE3Yk0oG0PmJ0Je+y7ENOVlSkn/b0BEqqdKsq6Y97wQBq0xT+lD5bWJpyIKJ",
                "$pbkdf2-sha256$-1$z8c1p1C2ru9EImBP1I+ZNA$pNjE3Yk0oG0PmJ0Je+y7ENOVlSkn/b0BEqqdKsq6Y97wQBq0xT+lD5bWJpyIKJ",
                "$pbkdf2-sha256$99999999999$z8c1p1C2ru9EImBP1I+ZNA$pNjE3Yk0oG0PmJ0Je+y7ENOVlSkn/b0BEqqdKsq6Y97wQBq0x",
                "$pbkdf2-sha256$65535$not*base64!$pNjE3Yk0oG0PmJ0Je+y7ENOVlSkn/b0BEqqdKsq6Y97wQBq0xT+lD5bWJpyIKJqQICu",
                "$pbkdf2-sha256$65535$$pNjE3Yk0oG0PmJ0Je+y7ENOVlSkn/b0BEqqdKsq6Y97wQBq0xT+lD5bWJpyIKJqQICuPZcEaGDKr",
                // The right key, but written in forms Coder would not write: it compares whole strings.
                "$pbkdf2-sha256$+65535$z8c1p1C2ru9EImBP1I+ZNA$pNjE3Yk0oG0PmJ0Je+y7ENOVlSkn/b0BEqqdKsq6Y97wQBq0xT+lD5bWJpyIKJqQICuPZcEaGDKrXJn8+SIHRg",
                "$pbkdf2-sha256$65535$z8c1p1C2ru9EImBP1I+ZNA==$pNjE3Yk0oG0PmJ0Je+y7ENOVlSkn/b0BEqqdKsq6Y97wQBq0xT+lD5bWJpyIKJqQICuPZcEaGDKrXJn8+SIHRg",
                "$pbkdf2-sha256$65535$z8c1p1C2ru9EImBP1I+ZNA$pNjE3Yk0oG0PmJ0Je+y7ENOVlSkn/b0BEqqdKsq6Y97wQBq0xT+lD5bWJpyIKJqQICuPZcEaGDKrXJn8+SIHRg$",
            })
    void malformedOrForeignHashesAreNonMatchesNotErrors(String hashed) {
        assertThat(hasher.verify("tomato", hashed)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aUserWithoutAPasswordMatchesOnlyHunter2AsInCoder(String storedHash) {
        assertThat(hasher.verifyForUser("hunter2", storedHash)).isTrue();
        assertThat(hasher.verifyForUser("tomato", storedHash)).isFalse();
        assertThat(hasher.verifyForUser("", storedHash)).isFalse();
    }

    @Test
    void aUserWithAPasswordIsCheckedAgainstItsOwnHash() {
        assertThat(hasher.verifyForUser("tomato", TOMATO)).isTrue();
        assertThat(hasher.verifyForUser("hunter2", TOMATO)).isFalse();
    }

    @Test
    void theDummyCheckForUnknownUsersNeverMatches() {
        assertThat(hasher.verifyAgainstDummy("hunter2")).isFalse();
        assertThat(hasher.verifyAgainstDummy("tomato")).isFalse();
        assertThat(hasher.verifyAgainstDummy("")).isFalse();
    }

    @Test
    void theDummyHashCostsWhatARealHashCosts() {
        // Same scheme and iteration count as the hashes hash() writes, so the dummy check does the
        // same work as checking a real user.
        String[] dummy = PasswordHasher.NO_PASSWORD_HASH.split("\\$");
        String[] real = hasher.hash("hunter2").split("\\$");
        assertThat(dummy[1]).isEqualTo(real[1]);
        assertThat(dummy[2]).isEqualTo(real[2]);
        assertThat(dummy[4]).hasSameSizeAs(real[4]);
    }
}
