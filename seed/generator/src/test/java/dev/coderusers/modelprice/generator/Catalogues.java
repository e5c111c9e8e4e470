package dev.coderusers.modelprice.generator;

import java.nio.charset.StandardCharsets;

/** Small models.dev catalogues written inline, in the api.json shape, for the generator's tests. */
final class Catalogues {

    private Catalogues() {}

    /** A catalogue with one provider whose {@code models} object has the given members. */
    static byte[] provider(String provider, String models) {
        return ("{" + providerMember(provider, models) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** A catalogue with anthropic and openai, the default providers. */
    static byte[] anthropicAndOpenai(String anthropicModels, String openaiModels) {
        return ("{" + providerMember("anthropic", anthropicModels) + "," + providerMember("openai", openaiModels) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String providerMember(String provider, String models) {
        return """
                "%s": {"id": "%s", "env": [], "npm": "@ai-sdk/%s", "name": "%s", "doc": "https://example.test",
                  "models": {%s}}""".formatted(provider, provider, provider, provider, models);
    }

    /** One member of a {@code models} object: {@code "id": {"id": "id", "name": "id", "cost": cost}}. */
    static String model(String id, String cost) {
        return """
                "%s": {"id": "%s", "name": "%s", "limit": {"context": 200000, "output": 64000}%s}""".formatted(id, id, id, cost == null ? "" : ", \"cost\": " + cost);
    }
}
