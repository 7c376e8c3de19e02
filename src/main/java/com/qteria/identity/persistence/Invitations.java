package com.qteria.identity.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Invitations, always within one organization, except for the lookup by secret hash when the link is opened. */
public interface Invitations extends Repository<Invitation, UUID> {

    /** For opening an invitation link: whoever holds the secret learns which organization it belongs to. */
    @Query("select * from invitations where secret_hash = :hash")
    Optional<Invitation> findBySecretHash(@Param("hash") String hash);

    /** Invalidates every invitation of the user that is still open, e.g. before a new one is sent. */
    @Modifying
    @Query("""
            update invitations set revoked_at = :now
            where user_id = :user and organization_id = :tenant and accepted_at is null and revoked_at is null""")
    int revokeOpen(@Param("user") UUID user, @Param("tenant") UUID tenant, @Param("now") Instant now);

    /**
     * Marks the invitation used, only if it still is usable. The row lock makes this the single winner when the
     * same link is submitted twice at once: the second caller gets 0.
     */
    @Modifying
    @Query("""
            update invitations set accepted_at = :now
            where id = :id and organization_id = :tenant and accepted_at is null and revoked_at is null
              and expires_at > :now""")
    int accept(@Param("id") UUID id, @Param("tenant") UUID tenant, @Param("now") Instant now);

    /**
     * Deletes invitations of every organization that expired, were used or were revoked before {@code endedBefore};
     * their links then answer as unknown instead of no longer valid.
     */
    @Modifying
    @Query("""
            delete from invitations
            where expires_at < :before or accepted_at < :before or revoked_at < :before""")
    int deleteEndedBefore(@Param("before") Instant endedBefore);
}
