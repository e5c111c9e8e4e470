package dev.coderusers.role;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coderusers.modelprice.PriceBookState;
import dev.coderusers.organization.Organization;
import dev.coderusers.organization.OrganizationMember;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Walks every operation of the reviewed OpenAPI document for every role of the policy, against the caller itself
 * and against another member and another owner, and checks each status against the expected matrix in
 * {@code src/test/resources/authz/permission-matrix.md} (a table a reviewer reads: one row per operation and
 * target, one column per role). An operation without a row fails the test, so a new endpoint cannot go unchecked.
 *
 * <p>Reads share callers and targets created once; every write ({@code POST}, {@code PUT}, {@code PATCH},
 * {@code DELETE}) gets a fresh target (and a fresh caller when it targets itself or nobody), so that what one
 * cell changes (a password, a deleted user, a signed-out session) cannot change the answer of another. Requests carry valid bodies, so that the
 * status is the policy's answer and not a validation error. {@code -Dauthz.matrix.print=true} writes the
 * observed matrix to {@code target/permission-matrix.observed.md} for review after an intended change.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTest {

    static final Path MATRIX = Path.of("src/test/resources/authz/permission-matrix.md");
    static final Path OPENAPI = Path.of("src/main/openapi/coder-users.json");

    /** The roles of the matrix, in the order of its columns. */
    static final List<String> ROLES =
            List.of("owner", "user-admin", "template-admin", "auditor", "member", "organization-admin");

    /** Targets: the caller itself, another user without roles, another owner, or none (no {@code {user}}). */
    static final List<String> TARGETS = List.of("self", "other-member", "other-owner", "-");

    static final String PRICE = """
            {"input_price": 2000000, "output_price": 8000000, "cache_read_price": null, "cache_write_price": null,
             "tiers": [], "modes": {}}""";

    @Inject
    TestUsers testUsers;

    @Inject
    PriceBookState priceBook;

    private final AtomicInteger fresh = new AtomicInteger();
    private final Map<String, TestUser> callers = new LinkedHashMap<>();
    private TestUser otherMember;
    private TestUser otherOwner;
    private String organizationName;
    private UUID organizationId;

    /** The shared callers and targets, made once (in the test: RestAssured knows the port only from then on). */
    void usersCreatedOnce() {
        testUsers.deleteAll();
        for (String role : ROLES) {
            callers.put(role, user("matrix", role));
        }
        otherMember = user("matrix", "member");
        otherOwner = user("matrix", "owner");
        Organization organization = QuarkusTransaction.requiringNew().call(Organization::findDefault);
        organizationName = organization.name;
        organizationId = organization.id;
        List<TestUser> everyone = new ArrayList<>(callers.values());
        everyone.add(otherMember);
        everyone.add(otherOwner);
        for (TestUser user : everyone) {
            withNamedTokenAndSecret(user);
        }
    }

    @AfterAll
    void cleanUp() throws Exception {
        priceBook.reset();
        testUsers.deleteAll();
    }

    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() throws IOException {
        usersCreatedOnce();
        Map<String, String> operations = operations();
        Map<String, Map<String, String>> expected = readMatrix();

        Set<String> rowsOfOperations = new TreeSet<>();
        for (String key : expected.keySet()) {
            rowsOfOperations.add(key.substring(0, key.indexOf(' ')));
        }
        assertThat(rowsOfOperations)
                .as("every operation of the OpenAPI document has a row in " + MATRIX + ", and no row names another")
                .isEqualTo(new TreeSet<>(operations.keySet()));

        List<String> mismatches = new ArrayList<>();
        StringBuilder observed = new StringBuilder(header());
        for (Map.Entry<String, Map<String, String>> row : expected.entrySet()) {
            String operationId = row.getKey().substring(0, row.getKey().indexOf(' '));
            String target = row.getKey().substring(row.getKey().indexOf(' ') + 1);
            String[] methodAndPath = operations.get(operationId).split(" ", 2);
            assertThat(target.equals("-"))
                    .as("%s: target '-' exactly when the path has no {user}", operationId)
                    .isEqualTo(!methodAndPath[1].contains("{user}"));
            observed.append("| ")
                    .append(operationId)
                    .append(" | ")
                    .append(target)
                    .append(" |");
            for (String role : ROLES) {
                int status = call(operationId, methodAndPath[0], methodAndPath[1], role, target);
                observed.append(' ').append(status).append(" |");
                String want = row.getValue().get(role);
                if (!want.equals(Integer.toString(status))) {
                    mismatches.add(
                            operationId + " as " + role + " on " + target + ": expected " + want + ", got " + status);
                }
            }
            observed.append('\n');
        }
        if (Boolean.getBoolean("authz.matrix.print")) {
            Files.writeString(Path.of("target/permission-matrix.observed.md"), observed);
        }
        assertThat(mismatches).as("cells that differ from " + MATRIX).isEmpty();
    }

    /** One request of the matrix; the answer's status. */
    private int call(String operationId, String method, String pathTemplate, String role, String target) {
        boolean write = !method.equals("GET");
        // A write to another user cannot change the caller, so the shared caller serves it; a write to oneself
        // (a password, one's own key) or without a target (sign-out) gets a fresh caller.
        boolean freshCaller = write && (target.equals("self") || target.equals("-"));
        TestUser caller = freshCaller ? user("w", role) : callers.get(role);
        TestUser subject = switch (target) {
            case "self" -> caller;
            case "other-member" -> write ? user("t", "member") : otherMember;
            case "other-owner" -> write ? user("t", "owner") : otherOwner;
            default -> null;
        };
        if (operationId.equals("update-a-user-secret") || operationId.equals("delete-a-user-secret")) {
            withSecret(subject);
        }
        String path = pathTemplate.replace(
                "{user}", subject == null ? "" : subject.id().toString());
        RequestSpecification request = given().redirects()
                .follow(false)
                .header("Coder-Session-Token", caller.token())
                .contentType(ContentType.JSON);
        String unique = "m" + fresh.incrementAndGet();
        switch (operationId) {
            case "get-api-key-by-token-name" -> path = path.replace("{keyname}", "matrix");
            case "get-api-key-by-id", "delete-api-key", "expire-api-key" ->
                path = path.replace(
                        "{keyid}", subject.token().substring(0, subject.token().indexOf('-')));
            case "get-organization-by-user-and-organization-name" ->
                path = path.replace("{organizationname}", organizationName);
            case "get-a-user-secret-by-name", "update-a-user-secret", "delete-a-user-secret" ->
                path = path.replace("{name}", "matrix");
            case "get-autofill-build-parameters-for-user" -> request.queryParam("template_id", UUID.randomUUID());
            case "get-ai-model-price" ->
                path = path.replace("{provider}", "openai").replace("{model}", "gpt-4o");
            case "set-ai-model-price" ->
                path = path.replace("{provider}", "matrix").replace("{model}", unique);
            case "clear-ai-model-price" -> {
                path = path.replace("{provider}", "matrix").replace("{model}", unique);
                given().header("Coder-Session-Token", callers.get("owner").token())
                        .contentType(ContentType.JSON)
                        .body(PRICE)
                        .put(path)
                        .then()
                        .statusCode(200);
            }
            default -> {}
        }
        String body = body(operationId, caller, unique);
        if (body != null) {
            request.body(body);
        }
        Response response = request.request(method, path);
        return response.statusCode();
    }

    /** A valid body for each operation that takes one, so that the status is about who asks. */
    private String body(String operationId, TestUser caller, String unique) {
        return switch (operationId) {
            case "create-new-user" ->
                "{\"email\":\"" + unique + "@example.com\",\"username\":\"" + unique
                        + "\",\"password\":\"" + TestUsers.PASSWORD
                        + "\",\"user_status\":\"active\",\"organization_ids\":[\""
                        + organizationId + "\"]}";
            case "create-initial-user" ->
                "{\"email\":\"" + unique + "@example.com\",\"username\":\"" + unique + "\",\"password\":\""
                        + TestUsers.PASSWORD + "\"}";
            case "log-in-user" -> "{\"email\":\"" + caller.email() + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}";
            case "request-one-time-passcode" -> "{\"email\":\"" + caller.email() + "\"}";
            case "change-password-with-a-one-time-passcode" ->
                "{\"email\":\"" + caller.email()
                        + "\",\"one_time_passcode\":\"not-the-passcode\",\"password\":\"Another#Secure#Password1\"}";
            case "validate-user-password" -> "{\"password\":\"" + TestUsers.PASSWORD + "\"}";
            case "update-user-appearance-settings" -> "{\"theme_preference\":\"dark\",\"terminal_font\":\"fira-code\"}";
            case "update-user-preference-settings" -> "{\"task_notification_alert_dismissed\":true}";
            case "convert-user-from-password-to-oauth-authentication" ->
                "{\"password\":\"" + TestUsers.PASSWORD + "\",\"to_type\":\"github\"}";
            case "create-token-api-key" -> "{\"token_name\":\"" + unique + "\"}";
            case "update-user-password" ->
                "{\"old_password\":\"" + TestUsers.PASSWORD + "\",\"password\":\"Another#Secure#Password1\"}";
            case "update-user-profile" -> "{\"username\":\"" + unique + "\",\"name\":\"Renamed\"}";
            case "assign-role-to-user" -> "{\"roles\":[]}";
            case "create-a-new-user-secret" -> "{\"name\":\"" + unique + "\",\"value\":\"v\"}";
            case "update-a-user-secret" -> "{\"value\":\"changed\"}";
            case "set-ai-model-price" -> PRICE;
            case "price-ai-model-usage" ->
                "{\"usages\":[{\"provider\":\"openai\",\"model\":\"gpt-4o\","
                        + "\"input_tokens\":1,\"output_tokens\":1,\"cache_read_tokens\":0,\"cache_write_tokens\":0}]}";
            default -> null;
        };
    }

    /** A new user with {@code role}: a site role, or {@code organization-admin} of the default organization. */
    private TestUser user(String prefix, String role) {
        String username = prefix + fresh.incrementAndGet() + "-" + role.replace("-", "");
        if (role.equals("member")) {
            return testUsers.create(username);
        }
        if (!role.equals("organization-admin")) {
            return testUsers.create(username, role);
        }
        TestUser user = testUsers.create(username);
        QuarkusTransaction.requiringNew().run(() -> {
            OrganizationMember membership = OrganizationMember.find(
                            "userId = ?1 and organizationId = ?2", user.id(), Organization.findDefault().id)
                    .firstResult();
            membership.roles = new ArrayList<>(List.of(Roles.ORG_ADMIN));
        });
        return user;
    }

    /** A token named {@code matrix} and a secret named {@code matrix}, each made by the user itself. */
    private static void withNamedTokenAndSecret(TestUser user) {
        given().header("Coder-Session-Token", user.token())
                .contentType(ContentType.JSON)
                .body("{\"token_name\":\"matrix\"}")
                .post("/api/v2/users/me/keys/tokens")
                .then()
                .statusCode(201);
        withSecret(user);
    }

    private static void withSecret(TestUser user) {
        given().header("Coder-Session-Token", user.token())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"matrix\",\"value\":\"v\"}")
                .post("/api/v2/users/me/secrets")
                .then()
                .statusCode(201);
    }

    /** Operation id → "METHOD /path" of every operation in the reviewed document. */
    static Map<String, String> operations() throws IOException {
        JsonNode paths = new ObjectMapper().readTree(OPENAPI.toFile()).get("paths");
        Map<String, String> operations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getValue().has("operationId")) {
                    operations.put(
                            op.getValue().get("operationId").asText(),
                            op.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /** "operation target" → role → expected status, from the markdown table. */
    static Map<String, Map<String, String>> readMatrix() throws IOException {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        List<String> columns = null;
        for (String line : Files.readAllLines(MATRIX)) {
            if (!line.startsWith("|") || line.startsWith("|--") || line.startsWith("| --")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|")) {
                cells.add(cell.trim());
            }
            if (columns == null) {
                columns = cells;
                assertThat(columns).as("the matrix's columns").isEqualTo(headerCells());
                continue;
            }
            assertThat(cells).as("row %s", line).hasSize(columns.size());
            assertThat(TARGETS).as("target of row %s", line).contains(cells.get(1));
            Map<String, String> statuses = new LinkedHashMap<>();
            for (int i = 2; i < cells.size(); i++) {
                assertThat(cells.get(i)).as("status in row %s", line).matches("[1-5][0-9][0-9]");
                statuses.put(columns.get(i), cells.get(i));
            }
            String key = cells.get(0) + " " + cells.get(1);
            assertThat(rows.put(key, statuses)).as("one row for %s", key).isNull();
        }
        return rows;
    }

    private static List<String> headerCells() {
        List<String> cells = new ArrayList<>(List.of("operation", "target"));
        cells.addAll(ROLES);
        return cells;
    }

    private static String header() {
        Set<String> cells = new LinkedHashSet<>(headerCells());
        return "| " + String.join(" | ", cells) + " |\n|" + "---|".repeat(cells.size()) + "\n";
    }
}
