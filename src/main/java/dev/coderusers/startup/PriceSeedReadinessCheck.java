package dev.coderusers.startup;

import dev.coderusers.modelprice.SeedOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN until the migrations ran and the AI model price book committed. */
@Readiness
@ApplicationScoped
public class PriceSeedReadinessCheck implements HealthCheck {

    static final String NAME = "ai-model-price-seed";

    private final DatabaseStartup startup;

    public PriceSeedReadinessCheck(DatabaseStartup startup) {
        this.startup = startup;
    }

    @Override
    public HealthCheckResponse call() {
        StartupStatus status = startup.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(status.phase() == StartupStatus.Phase.READY)
                .withData("phase", status.phase().name().toLowerCase());
        SeedOutcome outcome = status.outcome();
        if (outcome != null) {
            response.withData("source", status.detail())
                    .withData("rows", outcome.rows())
                    .withData("inserted", outcome.inserted())
                    .withData("updated", outcome.updated())
                    .withData("unchanged", outcome.unchanged())
                    .withData("skippedByChecksum", outcome.skippedByChecksum())
                    .withData("checksum", outcome.checksum())
                    .withData("millis", outcome.millis());
        } else {
            response.withData("reason", status.detail());
            if (status.attempts() > 0) {
                response.withData("attempts", status.attempts());
            }
        }
        return response.build();
    }
}
