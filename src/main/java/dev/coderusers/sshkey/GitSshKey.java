package dev.coderusers.sshkey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code gitsshkeys}: the user's key pair. The private key is never returned by the API. */
@Entity
@Table(name = "gitsshkeys")
public class GitSshKey extends PanacheEntityBase {

    @Id
    public UUID userId;

    public Instant createdAt;
    public Instant updatedAt;
    public String privateKey;
    public String publicKey;
}
