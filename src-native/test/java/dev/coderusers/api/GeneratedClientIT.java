package dev.coderusers.api;

import dev.coderusers.it.FreshDatabase;
import dev.coderusers.it.Readiness;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.net.URI;

/**
 * The generated Java client's whole session against the packaged service: in the native binary, every request
 * and response body the SDK sends and reads goes through the image's JSON mappings, which a missing reflection
 * registration would break (the client's mapper is strict about unknown properties and enum values).
 */
@QuarkusIntegrationTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class GeneratedClientIT extends GeneratedClientScenario {

    @Override
    protected URI root() {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/");
    }

    /** The class has a database of its own, without users (the one scenario runs once): only wait for it. */
    @Override
    protected void emptyService() {
        Readiness.awaitReady();
    }
}
