package dev.coderusers.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of the code (README, "Working on it"), checked on the compiled main classes. Arrows point
 * one way, from the top of this list to the bottom:
 *
 * <ol>
 *   <li>{@code startup}: orchestrates migrations and the seed; nothing depends on it.
 *   <li>the features, in the order of {@link #FEATURE_DEPENDENCIES}.
 *   <li>{@code role}: the policy (who may do what), used by every feature.
 *   <li>cross-cutting rooms: {@code openapi} (the published contract), {@code operations} (access log, metrics
 *       naming), {@code security} (authentication, passwords, rate limit), {@code api} (error envelope, Coder's
 *       JSON and query conventions).
 *   <li>foundation: {@code config} (typed configuration) and {@code database} (connection-loss retries, periodic
 *       tasks, whether the database is ready).
 * </ol>
 *
 * {@code devdb} (dev mode's embedded PostgreSQL) and {@code nativeimage} (its substitution in the native image)
 * stand apart: no other package depends on them.
 */
class ArchitectureTest {

    private static final String BASE = "dev.coderusers";

    /**
     * Every feature and the features it may use (their public services, entities and records). A new arrow
     * between features is a decision: add it here, and keep the graph free of cycles.
     */
    static final Map<String, Set<String>> FEATURE_DEPENDENCIES = Map.of(
            "organization", Set.of(),
            "modelprice", Set.of(),
            "user", Set.of("organization"),
            "apikey", Set.of("user"),
            "sshkey", Set.of("user"),
            "usersecret", Set.of("user"),
            "preference", Set.of("user"),
            "auth", Set.of("user", "apikey", "organization"));

    private static final String[] CROSS_CUTTING = {"api", "security", "openapi", "operations"};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void everyTopLevelPackageHasItsPlaceInTheRule() {
        Set<String> known = new TreeSet<>(FEATURE_DEPENDENCIES.keySet());
        known.addAll(Set.of(CROSS_CUTTING));
        known.addAll(Set.of("role", "config", "database", "startup", "devdb", "nativeimage"));
        classes()
                .should(resideInOneOf(known))
                .because("a new package must take its place in the dependency rule")
                .check(CLASSES);
    }

    @Test
    void foundationDependsOnNothingAboveIt() {
        noClasses()
                .that()
                .resideInAnyPackage(packages("config", "database"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(allExcept("config", "database"))
                .check(CLASSES);
    }

    @Test
    void apiDependsOnlyOnTheFoundation() {
        noClasses()
                .that()
                .resideInAnyPackage(packages("api"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(allExcept("api", "config", "database"))
                .check(CLASSES);
    }

    @Test
    void securityDependsOnlyOnApiAndTheFoundation() {
        noClasses()
                .that()
                .resideInAnyPackage(packages("security"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(allExcept("security", "api", "config", "database"))
                .check(CLASSES);
    }

    @Test
    void crossCuttingRoomsImportNoFeatureNorThePolicy() {
        noClasses()
                .that()
                .resideInAnyPackage(packages(CROSS_CUTTING))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        packages(concat(FEATURE_DEPENDENCIES.keySet(), "role", "startup", "devdb", "nativeimage")))
                .check(CLASSES);
    }

    @Test
    void thePolicyImportsNoFeature() {
        noClasses()
                .that()
                .resideInAnyPackage(packages("role"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages(concat(FEATURE_DEPENDENCIES.keySet(), "startup", "devdb", "nativeimage")))
                .check(CLASSES);
    }

    @Test
    void featuresUseOnlyTheFeaturesTheyAreAllowedTo() {
        FEATURE_DEPENDENCIES.forEach((feature, allowed) -> {
            Set<String> forbidden = new TreeSet<>(FEATURE_DEPENDENCIES.keySet());
            forbidden.remove(feature);
            forbidden.removeAll(allowed);
            forbidden.addAll(Set.of("startup", "devdb", "nativeimage"));
            noClasses()
                    .that()
                    .resideInAnyPackage(packages(feature))
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(packages(forbidden.toArray(String[]::new)))
                    .check(CLASSES);
        });
    }

    /** A feature's HTTP resources and its sub-packages are its own: other features use its services and types. */
    @Test
    void featuresDoNotReachIntoEachOthersInternals() {
        for (String feature : FEATURE_DEPENDENCIES.keySet()) {
            noClasses()
                    .that()
                    .resideOutsideOfPackage(BASE + "." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(BASE + "." + feature + ".*..")
                    .because("a feature's sub-packages are its internals")
                    .check(CLASSES);
            noClasses()
                    .that()
                    .resideOutsideOfPackage(BASE + "." + feature + "..")
                    .should()
                    .dependOnClassesThat(JavaClass.Predicates.resideInAPackage(BASE + "." + feature + "..")
                            .and(JavaClass.Predicates.simpleNameEndingWith("Resource")))
                    .because("a feature's resources are its HTTP surface, not an API for other features")
                    .check(CLASSES);
        }
    }

    @Test
    void onlyStartupOrchestratesMigrationsAndTheSeed() {
        noClasses()
                .that()
                .resideOutsideOfPackage(BASE + ".startup..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.flywaydb..")
                .because("migrations run once, from startup, before the seed")
                .check(CLASSES);
        noClasses()
                .that()
                .resideOutsideOfPackage(BASE + ".startup..")
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "PriceSeeder.apply or forgetAppliedSeeds",
                        call -> call.getTarget().getOwner().getName().equals(BASE + ".modelprice.PriceSeeder")
                                && Set.of("apply", "forgetAppliedSeeds").contains(call.getName())))
                .because("the seed is applied by startup, after the migrations and before readiness")
                .check(CLASSES);
    }

    /** Business time comes from the injected {@code java.time.Clock} (api.Clocks), so that tests can move it. */
    @Test
    void timeIsReadFromTheInjectedClock() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(BASE + ".api.Clocks")
                .and()
                .doNotHaveFullyQualifiedName(BASE + ".api.CoderJson")
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "a read of the system's time (Instant.now(), System.currentTimeMillis(), Clock.systemUTC(),"
                                + " CoderJson.now() without a clock, ...)",
                        call -> readsSystemTime(
                                call.getTarget().getOwner().getName(),
                                call.getName(),
                                call.getTarget().getRawParameterTypes().size())))
                .check(CLASSES);
    }

    private static boolean readsSystemTime(String owner, String method, int parameters) {
        return switch (owner) {
            case "java.time.Instant",
                    "java.time.OffsetDateTime",
                    "java.time.ZonedDateTime",
                    "java.time.LocalDateTime",
                    "java.time.LocalDate" -> method.equals("now") && parameters == 0;
            case "java.lang.System" -> method.equals("currentTimeMillis");
            case "java.time.Clock" -> method.startsWith("system");
            case BASE + ".api.CoderJson" -> method.equals("now") && parameters == 0;
            default -> false;
        };
    }

    private static ArchCondition<JavaClass> resideInOneOf(Set<String> topLevelPackages) {
        return new ArchCondition<>("reside in one of " + topLevelPackages) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String name = javaClass.getPackageName();
                String rest = name.equals(BASE) ? "" : name.substring(BASE.length() + 1);
                String top = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
                if (!topLevelPackages.contains(top)) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " is in " + name));
                }
            }
        };
    }

    private static String[] packages(String... names) {
        String[] patterns = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            patterns[i] = BASE + "." + names[i] + "..";
        }
        return patterns;
    }

    private static String[] packages(Set<String> names) {
        return packages(names.toArray(String[]::new));
    }

    private static String[] allExcept(String... allowed) {
        Set<String> all = new TreeSet<>(FEATURE_DEPENDENCIES.keySet());
        all.addAll(Set.of(CROSS_CUTTING));
        all.addAll(Set.of("role", "config", "database", "startup", "devdb", "nativeimage"));
        all.removeAll(Set.of(allowed));
        return packages(all);
    }

    private static Set<String> concat(Set<String> names, String... more) {
        Set<String> all = new TreeSet<>(names);
        all.addAll(Set.of(more));
        return all;
    }
}
