package com.qteria.identity.persistence;

import com.qteria.identity.UserPreferences;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code user_preferences}: one row per user who changed a preference; none means {@link UserPreferences#DEFAULTS}. */
@Repository
public class UserPreferenceRows {

    private final JdbcClient jdbc;

    UserPreferenceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserPreferences> find(UUID user, UUID tenant) {
        return jdbc.sql("""
                select email_on_completion from user_preferences
                where user_id = :user and organization_id = :tenant""")
                .param("user", user).param("tenant", tenant)
                .query((rs, n) -> new UserPreferences(rs.getBoolean("email_on_completion")))
                .optional();
    }

    public void save(UUID user, UUID tenant, UserPreferences preferences, Instant now) {
        int updated = jdbc.sql("""
                update user_preferences set email_on_completion = :email, updated_at = :now
                where user_id = :user and organization_id = :tenant""")
                .param("email", preferences.emailOnCompletion()).param("now", now.atOffset(ZoneOffset.UTC))
                .param("user", user).param("tenant", tenant)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into user_preferences (user_id, organization_id, email_on_completion, updated_at)
                    values (:user, :tenant, :email, :now)""")
                    .param("email", preferences.emailOnCompletion()).param("now", now.atOffset(ZoneOffset.UTC))
                    .param("user", user).param("tenant", tenant)
                    .update();
        }
    }
}
