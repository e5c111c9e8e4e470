package dev.coderusers.operations;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Quarkus' HTTP server timer ({@code http_server_requests_seconds}) gets histogram buckets, so that latency
 * quantiles can be computed across replicas ({@code histogram_quantile}); a fixed, short list keeps the series
 * per route few.
 */
@Singleton
public class HttpServerMetrics {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    /** From a fast cached read to a slow password hash or an RSA key generation. */
    static final Duration[] BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
            .map(Duration::ofMillis)
            .toArray(Duration[]::new);

    @Produces
    @Singleton
    MeterFilter httpServerBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
                    return config;
                }
                double[] boundaries =
                        Stream.of(BUCKETS).mapToDouble(Duration::toNanos).toArray();
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(boundaries)
                        .build()
                        .merge(config);
            }
        };
    }
}
