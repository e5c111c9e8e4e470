package dev.coderusers.apikey;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.util.function.Consumer;

/** Small helpers shared by the API key tests: create tokens over HTTP, read and change rows directly. */
final class Keys {

    static final long DAY_NANOS = 24L * 3600 * 1_000_000_000L;

    private Keys() {}

    /** The key id of a token {@code <id>-<secret>}. */
    static String idOf(String token) {
        return token.substring(0, token.indexOf('-'));
    }

    static String secretOf(String token) {
        return token.substring(token.indexOf('-') + 1);
    }

    /** Creates a token for {@code user} as {@code caller} with the given JSON body and returns it. */
    static String createToken(String callerToken, String user, String body) {
        return given().header("Coder-Session-Token", callerToken)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v2/users/" + user + "/keys/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
    }

    static ApiKey load(String keyId) {
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>findById(keyId));
    }

    static boolean exists(String keyId) {
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.findById(keyId) != null);
    }

    static void update(String keyId, Consumer<ApiKey> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(ApiKey.<ApiKey>findById(keyId)));
    }
}
