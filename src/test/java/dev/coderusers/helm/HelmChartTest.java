package dev.coderusers.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import dev.coderusers.testsupport.OperationsDocs;
import dev.coderusers.testsupport.Promtool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Helm chart in helm/coder-users, checked with Helm itself (embedded through helm-java): it lints
 * strictly, renders exactly the reviewed golden manifests for each values file, and refuses to render with a
 * message saying what to set when required values are missing or contradict each other.
 *
 * <p>After an intended chart change, regenerate the golden files and review their diff:
 * {@code ./mvnw test -Dtest=HelmChartTest -Dhelm.golden.update=true}.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("helm/coder-users");
    private static final Path VALUES = Path.of("src/test/resources/helm/values");
    private static final Path GOLDEN = Path.of("src/test/resources/helm/golden");
    private static final boolean UPDATE = Boolean.getBoolean("helm.golden.update");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String IMAGE = "image.repository=registry.example.com/platform/coder-users";
    private static final String URL = "database.url=jdbc:postgresql://postgres.example.com:5432/coder_users";
    private static final String USERNAME = "database.username=coder_users";
    private static final String PASSWORD = "database.password=s3cret";

    @ParameterizedTest
    @ValueSource(strings = {"default", "observability"})
    void lintsStrictlyWithTheRequiredValues(String name, @TempDir Path dir) throws IOException {
        // helm-java's lint takes no values file: lint a copy whose values.yaml also holds the required ones,
        // as `helm lint --strict -f default.yaml` would. Without them, lint would check nothing after the
        // first `fail` (Helm's lint does not report `fail` calls as errors).
        Path chart = copyChart(dir);
        YAMLMapper yaml = new YAMLMapper();
        JsonNode values = yaml.readTree(CHART.resolve("values.yaml").toFile());
        merge((ObjectNode) values, yaml.readTree(VALUES.resolve(name + ".yaml").toFile()));
        yaml.writeValue(chart.resolve("values.yaml").toFile(), values);

        LintResult lint = new Helm(chart).lint().strict().call();

        assertThat(lint.isFailed())
                .as("helm lint --strict: %s", lint.getMessages())
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "existing-secret", "autoscaling", "observability"})
    void rendersTheGoldenManifests(String name) throws IOException {
        String rendered =
                template().withValuesFile(VALUES.resolve(name + ".yaml")).call();
        Path golden = GOLDEN.resolve(name + ".golden.yaml");

        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }
        assertThat(golden)
                .as("golden file; create it with -Dhelm.golden.update=true")
                .exists();
        assertThat(rendered)
                .as(
                        "%s renders differently from %s; if the change is intended, regenerate with"
                                + " ./mvnw test -Dtest=HelmChartTest -Dhelm.golden.update=true and review the diff",
                        name, golden)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void theDatabasePasswordIsOnlyInTheSecret() {
        String password = "s3cret-only-in-the-secret";
        String encoded = Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));

        List<String> documents = Arrays.asList(
                template().withValuesFile(VALUES.resolve("default.yaml")).call().split("(?m)^---$"));

        assertThat(documents).noneMatch(document -> document.contains(password));
        assertThat(documents)
                .filteredOn(document -> document.contains(encoded))
                .singleElement()
                .satisfies(secret -> assertThat(secret).contains("kind: Secret"));
    }

    /** The heap is bounded by the binary's built-in defaults, whatever the node's memory; extraArgs change it. */
    @Test
    void theBinaryRunsWithItsBuiltInHeapUnlessExtraArgumentsSayOtherwise() {
        // The native binary carries its heap defaults (application.properties): no arguments by default.
        String rendered =
                template().withValuesFile(VALUES.resolve("default.yaml")).call();
        assertThat(rendered).doesNotContain("args:");

        String tuned = template()
                .withValuesFile(VALUES.resolve("default.yaml"))
                .set("extraArgs[0]", "-Xmx256m")
                .set("extraArgs[1]", "-Xmn32m")
                .call();
        assertThat(tuned).contains("args:\n            - -Xmx256m\n            - -Xmn32m\n");
    }

    @Test
    void theUserSecretsKeysAreOnlyInTheirSecretWhichThePodReads() {
        String keys = "bmV3LWtleS1uZXcta2V5LW5ldy1rZXktbmV3LWtleS0=,b2xkLWtleS1vbGQta2V5LW9sZC1rZXktb2xkLWtleS0=";
        String encoded = Base64.getEncoder().encodeToString(keys.getBytes(StandardCharsets.UTF_8));

        List<String> documents = Arrays.asList(template()
                .withValuesFile(VALUES.resolve("autoscaling.yaml"))
                .call()
                .split("(?m)^---$"));

        assertThat(documents).noneMatch(document -> document.contains(keys));
        assertThat(documents)
                .filteredOn(document -> document.contains(encoded))
                .singleElement()
                .satisfies(secret -> assertThat(secret)
                        .contains("kind: Secret")
                        .contains("name: coder-users-user-secrets-key")
                        .contains("helm.sh/resource-policy: keep"));
        assertThat(documents)
                .filteredOn(document -> document.contains("# Source: coder-users/templates/deployment.yaml"))
                .singleElement()
                .satisfies(deployment -> assertThat(deployment)
                        .contains("- name: CODER_USERS_SECRETS_ENCRYPTION_KEYS")
                        .contains("name: coder-users-user-secrets-key")
                        .contains("checksum/user-secrets-key:"));
        // Without keys, the pod gets no such variable.
        assertThat(template().withValuesFile(VALUES.resolve("default.yaml")).call())
                .doesNotContain("CODER_USERS_SECRETS_ENCRYPTION_KEYS");
    }

    @Test
    void existingSecretReplacesTheChartSecret() {
        String rendered = template()
                .withValuesFile(VALUES.resolve("existing-secret.yaml"))
                .call();

        assertThat(rendered).doesNotContain("kind: Secret");
        assertThat(rendered).contains("name: coder-users-postgres").contains("key: url");
        assertThat(rendered).contains("name: coder-users-encryption").contains("key: keys");
    }

    static Stream<Arguments> missingOrContradictoryValues() {
        return Stream.of(
                Arguments.of(
                        List.of(URL, USERNAME, PASSWORD),
                        "image.repository is required: build the image with Dockerfile.native, push it to a registry"),
                Arguments.of(
                        List.of(IMAGE),
                        "coder-users needs a PostgreSQL database: set database.url, database.username and"
                                + " database.password (the chart stores them in a Secret), or"
                                + " database.existingSecret"),
                Arguments.of(
                        List.of(IMAGE, URL, USERNAME),
                        "database.username and database.password are required with database.url"),
                Arguments.of(
                        List.of(IMAGE, "database.url=postgres://postgres.example.com/coder_users", USERNAME, PASSWORD),
                        "database.url must be a PostgreSQL JDBC URL such as"
                                + " jdbc:postgresql://postgres.example.com:5432/coder_users, got"
                                + " \"postgres://postgres.example.com/coder_users\""),
                Arguments.of(
                        List.of(IMAGE, URL, USERNAME, PASSWORD, "database.existingSecret=mine"),
                        "database.existingSecret is set together with database.url, username or password"),
                Arguments.of(
                        List.of(
                                IMAGE,
                                URL,
                                USERNAME,
                                PASSWORD,
                                "userSecrets.existingSecret=mine",
                                "userSecrets.encryptionKeys=a2V5"),
                        "userSecrets.existingSecret is set together with userSecrets.encryptionKeys"),
                Arguments.of(
                        List.of(IMAGE, URL, USERNAME, PASSWORD, "tracing.enabled=true"),
                        "tracing.enabled needs tracing.endpoint"),
                Arguments.of(
                        List.of(IMAGE, URL, USERNAME, PASSWORD, "podDisruptionBudget.enabled=true"),
                        "podDisruptionBudget.enabled needs at least two replicas"),
                Arguments.of(
                        List.of(
                                IMAGE,
                                URL,
                                USERNAME,
                                PASSWORD,
                                "autoscaling.enabled=true",
                                "autoscaling.minReplicas=4",
                                "autoscaling.maxReplicas=2"),
                        "autoscaling.minReplicas (4) is greater than autoscaling.maxReplicas (2)"));
    }

    @ParameterizedTest
    @MethodSource("missingOrContradictoryValues")
    void refusesToRenderAndSaysWhatToSet(List<String> settings, String message) {
        TemplateCommand template = template();
        settings.forEach(setting -> {
            String[] pair = setting.split("=", 2);
            template.set(pair[0], pair[1]);
        });

        assertThatThrownBy(template::call).hasMessageContaining(message);
    }

    @Test
    void theDashboardAndTheAlertsUseOnlyDocumentedMetrics() throws IOException {
        Set<String> documented = OperationsDocs.documentedMetrics();
        List<String> expressions = new ArrayList<>();
        new YAMLMapper()
                .readTree(CHART.resolve("dashboards/coder-users.json").toFile())
                .findValues("expr")
                .forEach(expr -> expressions.add(expr.asText()));
        int dashboardQueries = expressions.size();
        String rendered =
                template().withValuesFile(VALUES.resolve("observability.yaml")).call();
        for (String document : rendered.split("(?m)^---$")) {
            if (document.contains("kind: PrometheusRule")) {
                new YAMLMapper().readTree(document).findValues("expr").forEach(expr -> expressions.add(expr.asText()));
            }
        }

        assertThat(dashboardQueries).isGreaterThanOrEqualTo(10);
        assertThat(expressions).hasSizeGreaterThan(dashboardQueries);
        assertThat(rendered).contains("kind: ServiceMonitor").contains("kind: PrometheusRule");
        for (String expression : expressions) {
            Set<String> metrics = metricNames(expression);
            assertThat(metrics).as("metrics of %s", expression).isNotEmpty();
            assertThat(metrics)
                    .as("%s uses only metrics README \"Operations\" documents", expression)
                    .allSatisfy(metric -> assertThat(documented).contains(OperationsDocs.family(metric, documented)));
        }
        // Every query is valid PromQL: the alerts as rendered, the dashboard's with Grafana's variables filled in.
        StringBuilder rules = new StringBuilder("groups:\n  - name: chart\n    rules:\n");
        for (int i = 0; i < expressions.size(); i++) {
            String expr = expressions
                    .get(i)
                    .replace("$__rate_interval", "5m")
                    .replace("$namespace", "coder")
                    .replace("$job", "coder-users");
            rules.append("      - record: chart:query").append(i).append('\n');
            rules.append("        expr: ").append(JSON.writeValueAsString(expr)).append('\n');
        }
        Promtool.assertRulesAccepted(rules.toString());
        // The dashboard ConfigMap holds the file as it is in the chart.
        assertThat(rendered).contains("coder-users.json: |-").contains("\"uid\": \"coder-users\"");
    }

    /** The metric names of a PromQL expression: identifiers followed by a label selector or a range. */
    static Set<String> metricNames(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher name = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{").matcher(expression);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    @Test
    void theSchemaRejectsAMisspelledValue() {
        TemplateCommand template = template()
                .set("image.repository", "registry.example.com/coder-users")
                .set("replicas", "3");

        assertThatThrownBy(template::call).hasMessageContaining("additional properties 'replicas' not allowed");
    }

    private static TemplateCommand template() {
        return new Helm(CHART)
                .template()
                .withName("coder-users")
                .withNamespace("coder")
                .withKubeVersion("1.31.0");
    }

    private static Path copyChart(Path dir) throws IOException {
        Path target = dir.resolve("coder-users");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    /** Deep-merges {@code overrides} into {@code values}, as Helm merges a values file into the defaults. */
    private static void merge(ObjectNode values, JsonNode overrides) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = values.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else {
                values.set(field.getKey(), field.getValue());
            }
        }
    }
}
