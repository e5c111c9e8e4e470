package dev.coderusers.api;

import dev.coderusers.testsupport.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;

/** The generated Java client's whole session against the service in the test JVM. */
@QuarkusTest
class GeneratedClientScenarioTest extends GeneratedClientScenario {

    @Inject
    TestUsers testUsers;

    @TestHTTPResource("/")
    URI root;

    @Override
    protected URI root() {
        return root;
    }

    @Override
    protected void emptyService() {
        testUsers.deleteAll();
    }
}
