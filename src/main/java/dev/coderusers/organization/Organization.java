package dev.coderusers.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A row of {@code organizations}. */
@Entity
@Table(name = "organizations")
public class Organization extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;
    public String displayName;
    public String description;
    public String icon;
    public boolean isDefault;
    public boolean deleted;
    public Instant createdAt;
    public Instant updatedAt;

    /** The built-in default organization that every deployment has (created by a migration). */
    public static Organization findDefault() {
        return find("isDefault = true and deleted = false")
                .<Organization>firstResultOptional()
                .orElseThrow(() -> new IllegalStateException("The default organization is missing"));
    }

    public static Optional<Organization> findActive(UUID id) {
        return find("id = ?1 and deleted = false", id).firstResultOptional();
    }

    /** Case-insensitive, among organizations that are not deleted. */
    public static Optional<Organization> findByName(String name) {
        return find("lower(name) = lower(?1) and deleted = false", name).firstResultOptional();
    }

    /** The organizations (not deleted) the user is a member of. */
    public static List<Organization> findByMember(UUID userId) {
        return find(
                        "deleted = false and id in (select m.organizationId from OrganizationMember m"
                                + " where m.userId = ?1) order by name",
                        userId)
                .list();
    }

    /** {@link #findByMember(UUID)}, only among {@code among} (the organizations a caller may read). */
    public static List<Organization> findByMember(UUID userId, Collection<UUID> among) {
        return find(
                        "deleted = false and id in ?2 and id in (select m.organizationId from OrganizationMember m"
                                + " where m.userId = ?1) order by name",
                        userId,
                        among)
                .list();
    }
}
