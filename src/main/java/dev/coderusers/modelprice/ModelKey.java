package dev.coderusers.modelprice;

/** A model of the price book: provider id and model id, exactly as stored. */
public record ModelKey(String provider, String model) {

    @Override
    public String toString() {
        return provider + "/" + model;
    }
}
