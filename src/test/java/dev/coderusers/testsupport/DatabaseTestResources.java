package dev.coderusers.testsupport;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Registers {@link PostgresTestResource} for every test of the suite. */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
public final class DatabaseTestResources {

    private DatabaseTestResources() {}
}
