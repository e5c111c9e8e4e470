package dev.coderusers.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code organization_members}: a user's membership and explicit organization roles. */
@Entity
@Table(name = "organization_members")
@IdClass(OrganizationMember.Key.class)
public class OrganizationMember extends PanacheEntityBase {

    @Id
    public UUID organizationId;

    @Id
    public UUID userId;

    public Instant createdAt;
    public Instant updatedAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> roles = new ArrayList<>();

    public static List<OrganizationMember> findByUser(UUID userId) {
        return list("userId", userId);
    }

    /** Composite key (organization_id, user_id). */
    public static class Key implements Serializable {
        public UUID organizationId;
        public UUID userId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(organizationId, k.organizationId)
                    && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organizationId, userId);
        }
    }
}
