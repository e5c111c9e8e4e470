package dev.coderusers.modelprice.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {

    @Test
    void defaultsAreTheLiveCatalogueAnthropicAndOpenaiAndTheCommittedSeed() throws Exception {
        GeneratorOptions options = GeneratorOptions.parse();

        assertThat(options.source()).isEqualTo("https://models.dev/api.json");
        assertThat(options.sourceIsUrl()).isTrue();
        assertThat(options.providers()).containsExactly("anthropic", "openai");
        assertThat(options.out()).isEqualTo(Path.of("seed/ai-model-prices.json"));
        assertThat(options.check()).isFalse();
        assertThat(options.verbose()).isFalse();
    }

    @Test
    void readsEveryOptionInBothSpellings() throws Exception {
        GeneratorOptions options = GeneratorOptions.parse(
                "--source", "api.json", "--providers=openai, google,openai", "--out=x.json", "--check", "--verbose");

        assertThat(options.source()).isEqualTo("api.json");
        assertThat(options.sourceIsUrl()).isFalse();
        assertThat(options.providers()).isEqualTo(List.of("openai", "google"));
        assertThat(options.out()).isEqualTo(Path.of("x.json"));
        assertThat(options.check()).isTrue();
        assertThat(options.verbose()).isTrue();
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndEmptyProviderLists() {
        assertThatThrownBy(() -> GeneratorOptions.parse("--sauce", "x"))
                .hasMessage("unknown option --sauce (see --help)");
        assertThatThrownBy(() -> GeneratorOptions.parse("api.json"))
                .hasMessage("unexpected argument api.json (see --help)");
        assertThatThrownBy(() -> GeneratorOptions.parse("--source")).hasMessage("--source needs a value (see --help)");
        assertThatThrownBy(() -> GeneratorOptions.parse("--out", "--check"))
                .hasMessage("--out needs a value (see --help)");
        assertThatThrownBy(() -> GeneratorOptions.parse("--providers", " , "))
                .hasMessage("--providers needs at least one provider id, e.g. anthropic,openai");
        assertThatThrownBy(() -> GeneratorOptions.parse("--check=yes"))
                .hasMessage("--check takes no value (see --help)");
    }
}
