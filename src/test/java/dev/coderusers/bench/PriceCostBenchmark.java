package dev.coderusers.bench;

import static dev.coderusers.bench.Benchmarks.expect;
import static dev.coderusers.bench.Benchmarks.median;
import static dev.coderusers.bench.Benchmarks.quietLibraries;
import static dev.coderusers.bench.Benchmarks.setting;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.coderusers.api.CoderJson;
import dev.coderusers.config.PriceBookConfig;
import dev.coderusers.modelprice.AiModelCostRequest;
import dev.coderusers.modelprice.AiModelCostResponse;
import dev.coderusers.modelprice.CostCalculator;
import dev.coderusers.modelprice.CostService;
import dev.coderusers.modelprice.ModelPriceService;
import dev.coderusers.modelprice.PriceBookJson;
import dev.coderusers.modelprice.PriceBookRow;
import dev.coderusers.modelprice.PriceChange;
import dev.coderusers.modelprice.PriceClock;
import dev.coderusers.modelprice.PriceHistory;
import dev.coderusers.modelprice.PriceOverrideService;
import dev.coderusers.modelprice.PriceSeed;
import dev.coderusers.modelprice.PriceSeeder;
import dev.coderusers.modelprice.PriceTimeline;
import dev.coderusers.modelprice.Usage;
import dev.coderusers.modelprice.UsageCost;
import dev.coderusers.security.Actor;
import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * How fast is a batch of 10 000 usages priced ({@code POST /api/v2/ai-model-prices/cost}), and what does reading
 * the prices of a whole batch with one query save over one query per usage? See {@code bench/README.md}.
 *
 * <p>Not a test: it lives under {@code src/test} so that it never ships, and is run by {@code bench/price-cost}.
 * It works in a schema of its own, created and dropped here, on the embedded PostgreSQL or any server.
 */
public final class PriceCostBenchmark {

    private static final String SCHEMA = "price_cost_bench";

    /** Held so that the level settings are not lost when a logger is garbage-collected. */
    private static final Instant FIRST_SEED = Instant.parse("2026-01-01T00:00:00Z");

    enum Approach {
        SERVICE("one query per batch: CostService.price (query + pricing)"),
        PER_USAGE("one query per usage (baseline)"),
        REQUEST("request path without HTTP: JSON in, validate, price, JSON out"),
        JSON_IN("  of which reading the JSON body"),
        JSON_OUT("  of which writing the JSON answer"),
        HTTP("HTTP POST to BENCH_URL");

        final String label;

        Approach(String label) {
            this.label = label;
        }
    }

    /** A clock the benchmark moves, so that the history has changes at known times. */
    static final class BenchClock extends PriceClock {
        volatile Instant now = FIRST_SEED;

        @Override
        public Instant now() {
            return now;
        }
    }

    private final AgroalDataSource dataSource;
    private final BenchClock clock = new BenchClock();
    private final PriceHistory history;
    private final CostService costs;
    private final ObjectMapper json = appMapper();
    private final Actor member = new Actor(UUID.randomUUID(), Set.of(), Map.of());

    private PriceCostBenchmark(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.history = new PriceHistory(dataSource);
        this.costs = new CostService(history, clock);
    }

    public static void main(String[] args) throws Exception {
        quietLibraries();
        int runs = Integer.parseInt(setting("BENCH_RUNS", "15"));
        if (runs < 5) {
            throw new IllegalArgumentException("BENCH_RUNS must be at least 5 (the figures are medians)");
        }
        int batch = Integer.parseInt(setting("BENCH_BATCH", String.valueOf(CostService.MAX_USAGES)));
        Map<String, String> database = Benchmarks.database("postgres");
        String url = database.get("quarkus.datasource.jdbc.url");
        try (AgroalDataSource dataSource = Benchmarks.pool(database, SCHEMA, 2)) {
            PriceCostBenchmark bench = new PriceCostBenchmark(dataSource);
            bench.createSchema(database);
            try {
                bench.run(url, batch, runs);
            } finally {
                bench.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
            }
        }
    }

    private void run(String url, int batch, int runs) throws Exception {
        List<PriceBookRow> models = fillPriceBook();
        System.out.printf(
                Locale.ROOT,
                "%nPrice cost benchmark, %s: %s on %s, %d CPUs (load average %s), Java %s; %,d usages per batch,"
                        + " median of %d runs%n",
                LocalDate.now(),
                query("SELECT 'PostgreSQL ' || current_setting('server_version')"),
                url.replaceAll("\\?.*", ""),
                Runtime.getRuntime().availableProcessors(),
                loadAverage(),
                System.getProperty("java.version"),
                batch,
                runs);
        System.out.printf(
                Locale.ROOT,
                "Price book: %d models, %d recorded changes (three seeds and owners' prices)%n%n",
                models.size(),
                Long.parseLong(query("SELECT count(*) FROM ai_model_price_history")));
        System.out.println("| models in the batch | approach | median (ms) | slowest (ms) | speed-up vs per usage |");
        System.out.println("|---:|---|---:|---:|---:|");
        List<String> verdicts = new ArrayList<>();
        for (int distinct : new int[] {4, models.size()}) {
            List<AiModelCostRequest.Usage> usages = usages(models.subList(0, distinct), batch);
            byte[] body = json.writeValueAsBytes(new AiModelCostRequest(usages));
            Map<Approach, double[]> results = measure(usages, body, runs);
            print(distinct, results);
            double request = median(results.get(Approach.REQUEST));
            verdicts.add(String.format(
                    Locale.ROOT,
                    "%s %,d usages of %d models: priced in %.1f ms (query and pricing), %.1f ms with JSON in and"
                            + " out (target <= 100 ms); one query per usage: %.1f ms",
                    request <= 100 ? "MET " : "MISS",
                    batch,
                    distinct,
                    median(results.get(Approach.SERVICE)),
                    request,
                    median(results.get(Approach.PER_USAGE))));
            if (results.containsKey(Approach.HTTP)) {
                verdicts.add(String.format(
                        Locale.ROOT,
                        "     over HTTP (%s): %.1f ms",
                        setting("BENCH_URL", ""),
                        median(results.get(Approach.HTTP))));
            }
        }
        System.out.println();
        verdicts.forEach(System.out::println);
        System.out.println();
    }

    private Map<Approach, double[]> measure(List<AiModelCostRequest.Usage> given, byte[] body, int runs)
            throws Exception {
        Instant now = clock.now();
        List<Usage> usages = given.stream()
                .map(u -> new Usage(
                        u.provider(),
                        u.model(),
                        u.inputTokens(),
                        u.outputTokens(),
                        u.cacheReadTokens(),
                        u.cacheWriteTokens(),
                        u.mode(),
                        u.at() == null ? now : u.at()))
                .toList();
        // The same answer every way, or the figures compare nothing.
        List<UsageCost> expected = costs.price(usages);
        expect(expected.equals(perUsage(usages)), "one query per usage prices the same");
        AiModelCostResponse answer = request(body);
        expect(answer.unpricedUsages() == 0 && answer.totalMicros() != null, "every usage of the batch is priced");
        String benchUrl = setting("BENCH_URL", null);
        // HTTP/1.1 as curl speaks it: the JDK client's default h2c upgrade sends a large body through HTTP/2's
        // small flow-control windows, which measures the window, not the service.
        HttpClient http = benchUrl == null
                ? null
                : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Map<Approach, double[]> results = new LinkedHashMap<>();
        for (Approach approach : Approach.values()) {
            if (approach == Approach.HTTP && http == null) {
                continue;
            }
            // The baseline runs 10 000 queries a time: fewer runs keep the benchmark short.
            int count = approach == Approach.PER_USAGE ? Math.min(runs, 5) : runs;
            double[] times = new double[count];
            // Warm-up runs for the JIT (the request path needs about ten before it is compiled), the driver and
            // the server's caches; not counted. The baseline's 10 000 queries warm up within one run.
            int warmUp = approach == Approach.PER_USAGE ? 1 : 10;
            for (int run = -warmUp; run < count; run++) {
                long started = System.nanoTime();
                switch (approach) {
                    case SERVICE -> costs.price(usages);
                    case PER_USAGE -> perUsage(usages);
                    case REQUEST -> request(body);
                    case JSON_IN -> json.readValue(body, AiModelCostRequest.class);
                    case JSON_OUT -> json.writeValueAsBytes(answer);
                    case HTTP -> post(http, benchUrl, body);
                }
                if (run >= 0) {
                    times[run] = (System.nanoTime() - started) / 1e6;
                }
            }
            results.put(approach, times);
        }
        return results;
    }

    /** The baseline: what pricing would cost if each usage read its model's prices itself. */
    private List<UsageCost> perUsage(List<Usage> usages) {
        List<UsageCost> priced = new ArrayList<>(usages.size());
        for (Usage usage : usages) {
            List<PriceChange> changes = history.changesOf(Set.of(usage.key())).get(usage.key());
            priced.add(CostCalculator.price(usage, changes == null ? null : PriceTimeline.of(changes)));
        }
        return priced;
    }

    /** What the endpoint does with a request body, as the service's JSON mapper reads and writes it. */
    private AiModelCostResponse request(byte[] body) throws Exception {
        AiModelCostResponse response = costs.price(member, json.readValue(body, AiModelCostRequest.class));
        json.writeValueAsBytes(response);
        return response;
    }

    private static void post(HttpClient http, String url, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Coder-Session-Token", setting("BENCH_TOKEN", ""))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        expect(response.statusCode() == 200, "POST " + url + " answers 200, got " + response.statusCode());
    }

    /**
     * The committed seed, applied three times with prices changed in between (a year apart), and owners' prices
     * for a few models: every model has some history to choose from.
     */
    private List<PriceBookRow> fillPriceBook() throws Exception {
        PriceSeeder seeder = new PriceSeeder(dataSource, clock);
        PriceSeed real;
        try (InputStream in =
                PriceCostBenchmark.class.getClassLoader().getResourceAsStream(PriceBookConfig.EMBEDDED_SEED)) {
            expect(in != null, PriceBookConfig.EMBEDDED_SEED + " is on the classpath");
            real = PriceSeed.parse(PriceBookConfig.EMBEDDED_SEED, in.readAllBytes());
        }
        clock.now = FIRST_SEED;
        seeder.apply(changed(real, 120));
        clock.now = FIRST_SEED.plus(Duration.ofDays(180));
        seeder.apply(changed(real, 110));
        clock.now = FIRST_SEED.plus(Duration.ofDays(365));
        seeder.apply(real);
        ModelPriceService prices = new ModelPriceService(dataSource, history);
        PriceOverrideService overrides = new PriceOverrideService(dataSource, prices, clock);
        Actor owner = new Actor(UUID.randomUUID(), Set.of("owner"), Map.of());
        clock.now = FIRST_SEED.plus(Duration.ofDays(400));
        for (PriceBookRow row : real.rows().subList(0, 10)) {
            JsonNode body = json.readTree("{\"input_price\": " + row.inputPrice() + ", \"output_price\": "
                    + row.outputPrice() + ", \"cache_read_price\": " + row.cacheReadPrice()
                    + ", \"cache_write_price\": " + row.cacheWritePrice() + "}");
            overrides.set(owner, row.provider(), row.model(), body);
        }
        clock.now = FIRST_SEED.plus(Duration.ofDays(430));
        return real.rows();
    }

    /** The seed with every price at {@code percent} %. */
    private static PriceSeed changed(PriceSeed seed, int percent) throws Exception {
        List<PriceBookRow> rows = seed.rows().stream()
                .map(row -> new PriceBookRow(
                        row.provider(),
                        row.model(),
                        scaled(row.inputPrice(), percent),
                        scaled(row.outputPrice(), percent),
                        scaled(row.cacheReadPrice(), percent),
                        scaled(row.cacheWritePrice(), percent),
                        row.tiers(),
                        row.modes()))
                .toList();
        return PriceSeed.parse("seed-at-" + percent + ".json", PriceBookJson.render(rows));
    }

    private static Long scaled(Long price, int percent) {
        return price == null ? null : price * percent / 100;
    }

    /**
     * {@code size} usages round-robin over {@code models}: token counts that vary (some above the 200 000/272 000
     * tiers), every fifth at the time of the request, the others spread over the two years of history.
     */
    private static List<AiModelCostRequest.Usage> usages(List<PriceBookRow> models, int size) {
        List<AiModelCostRequest.Usage> usages = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            PriceBookRow model = models.get(i % models.size());
            Instant at = i % 5 == 0 ? null : FIRST_SEED.plus(Duration.ofHours((i * 37L) % (430 * 24)));
            usages.add(new AiModelCostRequest.Usage(
                    model.provider(),
                    model.model(),
                    (long) (i % 11 == 0 ? 300_000 + i : 1_000 + i * 13 % 50_000),
                    (long) (50 + i % 4_000),
                    // Cached tokens only where the model has a price for them, so that the whole batch is priced.
                    (long) (i % 3 == 0 && model.cacheReadPrice() != null ? 2_000 : 0),
                    (long) (i % 7 == 0 && model.cacheWritePrice() != null ? 500 : 0),
                    null,
                    at));
        }
        return usages;
    }

    /** The service's JSON as Quarkus configures it: snake_case, Java time, Coder's time format and coercions. */
    private static ObjectMapper appMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addModule(new JavaTimeModule())
                .build();
        new CoderJson().customize(mapper);
        return mapper;
    }

    private void createSchema(Map<String, String> database) throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        Flyway.configure()
                .dataSource(
                        database.get("quarkus.datasource.jdbc.url"),
                        database.get("quarkus.datasource.username"),
                        database.get("quarkus.datasource.password"))
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void print(int models, Map<Approach, double[]> results) {
        double baseline = median(results.get(Approach.PER_USAGE));
        results.forEach((approach, times) -> System.out.printf(
                Locale.ROOT,
                "| %d | %s | %.2f | %.2f | %.1fx |%n",
                models,
                approach.label,
                median(times),
                Arrays.stream(times).max().orElse(Double.NaN),
                baseline / median(times)));
    }

    /** The 1-minute load average where the system tells it: other work on a shared machine moves every figure. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
