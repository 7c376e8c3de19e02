package com.qteria.identity.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Users, always within one organization, except for the sign-in lookup by email (emails are unique). */
public interface Users extends Repository<User, UUID> {

    User save(User user);

    @Query("select * from users where id = :id and organization_id = :tenant")
    Optional<User> findInTenant(@Param("id") UUID id, @Param("tenant") UUID tenant);

    @Query("select * from users where organization_id = :tenant order by lower(name), email limit :limit offset :offset")
    List<User> pageInTenant(@Param("tenant") UUID tenant, @Param("limit") int limit, @Param("offset") long offset);

    /** Everyone in the organization, active or not, by name. */
    @Query("select * from users where organization_id = :tenant order by lower(name), email")
    List<User> findEveryoneInTenant(@Param("tenant") UUID tenant);

    @Query("select count(*) from users where organization_id = :tenant")
    long countInTenant(@Param("tenant") UUID tenant);

    /** Users who cannot sign in yet because they have no password: invited, and not yet accepted. */
    @Query("select * from users where organization_id = :tenant and password_hash is null")
    List<User> findWithoutPasswordInTenant(@Param("tenant") UUID tenant);

    @Query("select count(*) from users where organization_id = :tenant and role = 'ADMIN' and active = true")
    long countActiveAdmins(@Param("tenant") UUID tenant);

    /**
     * For signing in only: every account with this e-mail, oldest first. An e-mail is unique within an organization;
     * the same person may hold accounts in several (each with its own password).
     */
    @Query("select * from users where email = :email order by created_at, id")
    List<User> findAllByEmailForSignIn(@Param("email") String email);

    @Query("select count(*) > 0 from users where organization_id = :tenant and email = :email")
    boolean existsInTenantByEmail(@Param("tenant") UUID tenant, @Param("email") String email);

    @Query("select * from users where organization_id = :tenant and id in (:ids)")
    List<User> findAllInTenant(@Param("tenant") UUID tenant, @Param("ids") java.util.Collection<UUID> ids);

    @Query("select count(*) > 0 from users")
    boolean anyExist();
}
