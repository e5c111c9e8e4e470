package dev.coderusers.modelprice.generator;

/**
 * The generator cannot produce a price book; the message is the single line printed to the user, so it
 * says what failed and, where it helps, what to do about it.
 */
public class GeneratorException extends Exception {

    public GeneratorException(String message) {
        super(message);
    }

    public GeneratorException(String message, Throwable cause) {
        super(message, cause);
    }
}
