package dev.coderusers.it;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Git SSH keys made by the packaged service with each algorithm it can be configured for. The keys come from
 * BouncyCastle and the JDK's providers; in the native binary this proves those providers, their run-time
 * initialised random sources and the OpenSSH encoding all work in the image.
 */
class GitSshKeyAlgorithmsIT {

    @ParameterizedTest
    @CsvSource({"ed25519, ssh-ed25519", "ecdsa, ecdsa-sha2-nistp256", "rsa4096, ssh-rsa"})
    void theConfiguredAlgorithmMakesAValidKey(String algorithm, String keyType) {
        Map<String, String> config = new HashMap<>(ItDatabase.fresh().config());
        config.put("coder-users.git-ssh-key.algorithm", algorithm);
        try (ServiceProcess service = ServiceProcess.start("gitsshkey-" + algorithm, config)) {
            service.awaitReady();
            service.request()
                    .contentType(ContentType.JSON)
                    .body(Map.of("email", "admin@example.com", "username", "admin", "password", UsersApiIT.PASSWORD))
                    .post("/api/v2/users/first")
                    .then()
                    .statusCode(201);
            String session = service.request()
                    .contentType(ContentType.JSON)
                    .body(Map.of("email", "admin@example.com", "password", UsersApiIT.PASSWORD))
                    .post("/api/v2/users/login")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("session_token");

            // The first user's key was made when the user was; PUT makes a new one.
            String created = service.request()
                    .header("Coder-Session-Token", session)
                    .get("/api/v2/users/me/gitsshkey")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("public_key");
            SshPublicKeys.assertValid(created, keyType);
            String regenerated = service.request()
                    .header("Coder-Session-Token", session)
                    .put("/api/v2/users/me/gitsshkey")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("public_key");
            SshPublicKeys.assertValid(regenerated, keyType);
            org.assertj.core.api.Assertions.assertThat(regenerated).isNotEqualTo(created);
            service.terminate(Duration.ofSeconds(30));
        }
    }
}
