package dev.coderusers.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner per table (as coderd's one {@code queries/<table>.sql} per table): every table is written by one
 * feature package, through the classes named here, and by nothing else. Two kinds of writes are looked for in
 * the main code: SQL statements ({@code INSERT INTO}, {@code UPDATE}, {@code DELETE FROM}, {@code MERGE INTO},
 * {@code TRUNCATE} in the code outside comments, native and JDBC alike) and Panache/JPA writes (calling {@code persist},
 * {@code delete}, {@code update} on an entity, or setting a field of a managed entity, which Hibernate flushes).
 * Other features ask the owner: its service methods, or a CDI event it observes in the same transaction.
 */
class TableWritersTest {

    private static final String BASE = "dev.coderusers";

    /** Each table, the package that owns it, and the classes of that package that hold its write statements. */
    static final Map<String, Owner> OWNERS = Map.ofEntries(
            // apikey's SessionStore records a session's use in one statement (one round trip per request),
            // composed of the statement user owns for its side (UserRows.RECORD_SEEN).
            Map.entry("users", new Owner("user", "UserRows")),
            Map.entry("api_keys", new Owner("apikey", "ApiKey", "ExpiredApiKeyPurge", "SessionStore")),
            Map.entry("organizations", new Owner("organization")),
            Map.entry("organization_members", new Owner("organization")),
            Map.entry("gitsshkeys", new Owner("sshkey")),
            Map.entry("user_configs", new Owner("preference", "PreferenceService")),
            Map.entry("user_links", new Owner("auth")),
            Map.entry("user_login_conversions", new Owner("auth")),
            Map.entry("user_secrets", new Owner("usersecret")),
            Map.entry("rate_limit_windows", new Owner("security", "RateLimitWindows")),
            Map.entry("ai_model_prices", new Owner("modelprice", "PriceSeeder")),
            Map.entry("ai_model_price_seeds", new Owner("modelprice", "PriceSeeder")),
            // The seed's one statement and an override both record a change of price, as one history.
            Map.entry("ai_model_price_history", new Owner("modelprice", "PriceSeeder", "PriceOverrideService")),
            Map.entry("ai_model_price_overrides", new Owner("modelprice", "PriceOverrideService")));

    record Owner(String feature, Set<String> sqlWriters) {
        Owner(String feature, String... sqlWriters) {
            this(feature, Set.of(sqlWriters));
        }
    }

    private static final Pattern SQL_WRITE = Pattern.compile(
            "\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE(?:\\s+TABLE)?)\\s+([a-z_][a-z0-9_]*)");
    /** Block comments and whole-line comments: prose may say "UPDATE" too. */
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|(?m)^[ \\t]*//[^\\n]*", Pattern.DOTALL);

    private static final Pattern CREATE_TABLE =
            Pattern.compile("CREATE (?:UNLOGGED )?TABLE (?:IF NOT EXISTS )?([a-z_]+)");
    private static final Set<String> ENTITY_WRITES =
            Set.of("persist", "persistAndFlush", "delete", "deleteAll", "deleteById", "update");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void everyTableOfTheSchemaHasAnOwner() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : files.toList()) {
                Matcher created = CREATE_TABLE.matcher(Files.readString(file));
                while (created.find()) {
                    tables.add(created.group(1));
                }
            }
        }
        assertThat(tables).isNotEmpty();
        assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(tables);
    }

    /** Which classes hold SQL that writes each table: only the owner's classes named in {@link #OWNERS}. */
    @Test
    void writeStatementsLiveInTheirTablesOwner() throws IOException {
        Map<String, Set<String>> found = sqlWriters();
        Map<String, Set<String>> expected = new TreeMap<>();
        OWNERS.forEach((table, owner) -> {
            if (!owner.sqlWriters().isEmpty()) {
                Set<String> classes = new TreeSet<>();
                owner.sqlWriters().forEach(name -> classes.add(owner.feature() + "/" + name));
                expected.put(table, classes);
            }
        });
        assertThat(found).isEqualTo(expected);
    }

    /** Entities are persisted, deleted, bulk-updated and modified only inside their owner package. */
    @Test
    void entitiesAreWrittenOnlyByTheirOwner() {
        Map<String, String> ownerOfEntity = new TreeMap<>();
        for (JavaClass entity : CLASSES) {
            if (entity.isAnnotatedWith(Table.class)) {
                String table = entity.getAnnotationOfType(Table.class).name();
                assertThat(OWNERS).as("owner of %s", table).containsKey(table);
                assertThat(entity.getPackageName())
                        .as("the entity of %s lives in its owner", table)
                        .isEqualTo(BASE + "." + OWNERS.get(table).feature());
                ownerOfEntity.put(entity.getName(), entity.getPackageName());
            }
        }
        assertThat(ownerOfEntity).hasSizeGreaterThan(5);

        List<String> violations = CLASSES.stream()
                .flatMap(origin -> origin.getAccessesFromSelf().stream())
                .filter(access -> {
                    String owner = ownerOfEntity.get(access.getTargetOwner().getName());
                    return owner != null
                            && !access.getOriginOwner().getPackageName().equals(owner)
                            && isWrite(access);
                })
                .map(JavaAccess::getDescription)
                .sorted()
                .toList();
        assertThat(violations).isEmpty();
    }

    private static boolean isWrite(JavaAccess<?> access) {
        if (access instanceof JavaFieldAccess field) {
            return field.getAccessType() == JavaFieldAccess.AccessType.SET;
        }
        AccessTarget target = access.getTarget();
        return access.getTarget() instanceof AccessTarget.MethodCallTarget && ENTITY_WRITES.contains(target.getName());
    }

    /** Table → the classes (feature/SimpleName) whose code holds a write statement for it. */
    static Map<String, Set<String>> sqlWriters() throws IOException {
        Path root = Path.of("src/main/java/dev/coderusers");
        Map<String, Set<String>> writers = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = COMMENT.matcher(Files.readString(file)).replaceAll("");
                Matcher write = SQL_WRITE.matcher(code);
                while (write.find()) {
                    if (OWNERS.containsKey(write.group(1))) {
                        String relative = root.relativize(file).toString().replace('\\', '/');
                        String feature = relative.substring(0, relative.indexOf('/'));
                        String name = file.getFileName().toString().replace(".java", "");
                        writers.computeIfAbsent(write.group(1), t -> new TreeSet<>())
                                .add(feature + "/" + name);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return writers;
    }
}
