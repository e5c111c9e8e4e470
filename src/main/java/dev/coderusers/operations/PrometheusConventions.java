package dev.coderusers.operations;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;

/**
 * Keeps {@code /q/metrics} within Prometheus' naming rules, as {@code promtool check metrics} checks them, where the
 * libraries' own meters break them:
 *
 * <ul>
 *   <li>a gauge is never named {@code ..._count} (Prometheus reserves it for histograms and summaries): the pool's
 *       gauges become {@code agroal_connections_active}, {@code agroal_connections_available},
 *       {@code agroal_connections_max_used} and {@code agroal_threads_awaiting}, the CPU count {@code system_cpus};
 *   <li>times are in seconds: the meters in milliseconds or nanoseconds (the pool's average, maximum and total
 *       blocking and creation times, {@code process_cpu_time_ns}) are left out; {@code process_cpu_usage} and the
 *       pool's {@code agroal_threads_awaiting} say the same in Prometheus' terms;
 *   <li>no meter Micrometer exports in a form of its own: the HTTP connections' long-task timer
 *       ({@code http_server_connections_seconds}, a "summary" of {@code _active_count} and {@code _duration_sum});
 *   <li>every series has a help text.
 * </ul>
 */
@Singleton
public class PrometheusConventions {

    static final Map<String, String> RENAMED = Map.of(
            "agroal.active.count", "agroal.connections.active",
            "agroal.available.count", "agroal.connections.available",
            "agroal.max.used.count", "agroal.connections.max.used",
            "agroal.awaiting.count", "agroal.threads.awaiting",
            "system.cpu.count", "system.cpus");

    /** Base units Prometheus names would carry abbreviated or in other than base units. */
    static final Set<String> NOT_BASE_UNITS = Set.of("milliseconds", "ms", "nanoseconds", "ns", "microseconds");

    static final Set<String> LEFT_OUT = Set.of("http.server.connections");

    static final Map<String, String> DESCRIPTIONS =
            Map.of("http.server.active.requests", "HTTP requests being answered now");

    @Produces
    @Singleton
    MeterFilter prometheusConventions() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                return LEFT_OUT.contains(id.getName())
                                || (id.getBaseUnit() != null && NOT_BASE_UNITS.contains(id.getBaseUnit()))
                        ? MeterFilterReply.DENY
                        : MeterFilterReply.NEUTRAL;
            }

            @Override
            public Meter.Id map(Meter.Id id) {
                String name = RENAMED.getOrDefault(id.getName(), id.getName());
                String description =
                        id.getDescription() == null || id.getDescription().isBlank()
                                ? DESCRIPTIONS.get(name)
                                : id.getDescription();
                if (name.equals(id.getName()) && description == id.getDescription()) {
                    return id;
                }
                return new Meter.Id(name, Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), description, id.getType());
            }
        };
    }
}
