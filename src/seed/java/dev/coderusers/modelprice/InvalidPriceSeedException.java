package dev.coderusers.modelprice;

/** The price seed cannot be applied as it is; the message says which file, row and field, and why. */
public class InvalidPriceSeedException extends Exception {

    public InvalidPriceSeedException(String message) {
        super(message);
    }

    public InvalidPriceSeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
