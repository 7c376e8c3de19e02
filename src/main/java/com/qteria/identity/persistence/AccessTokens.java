package com.qteria.identity.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface AccessTokens extends Repository<AccessToken, UUID> {

    /**
     * For authenticating a bearer token, in one query: the token by its hash (the lookup key), if unrevoked and
     * unexpired at {@code now}, with its user if active.
     */
    @Query(value = """
            select t.id as token_id, t.expires_at, t.last_used_at, u.id as user_id, u.organization_id, u.email, u.name,
                   u.role
            from access_tokens t join users u on u.id = t.user_id and u.organization_id = t.organization_id
            where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now and u.active = true""",
            rowMapperClass = TokenOwner.Mapper.class)
    Optional<TokenOwner> findUsable(@Param("hash") String hash, @Param("now") Instant now);

    @Query("select * from access_tokens where id = :id and user_id = :user and organization_id = :tenant")
    Optional<AccessToken> findOwned(@Param("id") UUID id, @Param("user") UUID user, @Param("tenant") UUID tenant);

    @Query("select * from access_tokens where organization_id = :tenant and id in (:ids)")
    List<AccessToken> findAllInTenant(@Param("tenant") UUID tenant, @Param("ids") java.util.Collection<UUID> ids);

    @Query("""
            select * from access_tokens
            where user_id = :user and organization_id = :tenant and kind = 'PERSONAL' and revoked_at is null
            order by created_at desc""")
    List<AccessToken> findPersonal(@Param("user") UUID user, @Param("tenant") UUID tenant);

    @Modifying
    @Query("update access_tokens set revoked_at = :now where id = :id and organization_id = :tenant and revoked_at is null")
    int revoke(@Param("id") UUID id, @Param("tenant") UUID tenant, @Param("now") Instant now);

    @Modifying
    @Query("update access_tokens set revoked_at = :now where user_id = :user and organization_id = :tenant and revoked_at is null")
    int revokeAllOf(@Param("user") UUID user, @Param("tenant") UUID tenant, @Param("now") Instant now);

    @Modifying
    @Query("update access_tokens set last_used_at = :now where id = :id")
    void touch(@Param("id") UUID id, @Param("now") Instant now);

    /** Deletes tokens of every organization that expired or were revoked before {@code endedBefore}. */
    @Modifying
    @Query("delete from access_tokens where expires_at < :before or revoked_at < :before")
    int deleteEndedBefore(@Param("before") Instant endedBefore);
}
