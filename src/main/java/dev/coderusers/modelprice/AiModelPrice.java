package dev.coderusers.modelprice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A row of {@code ai_model_prices}, for reading. Rows are written only by {@link PriceSeeder}'s single
 * set-based statement, never through this entity.
 */
@Entity
@Table(name = "ai_model_prices")
@IdClass(AiModelPrice.Key.class)
public class AiModelPrice extends PanacheEntityBase {

    @Id
    public String provider;

    @Id
    public String model;

    public Long inputPrice;
    public Long outputPrice;
    public Long cacheReadPrice;
    public Long cacheWritePrice;
    public Instant createdAt;
    public Instant updatedAt;

    /** Composite key (provider, model). */
    public static class Key implements Serializable {
        public String provider;
        public String model;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(provider, k.provider) && Objects.equals(model, k.model);
        }

        @Override
        public int hashCode() {
            return Objects.hash(provider, model);
        }
    }
}
