package com.qteria.identity.persistence;

import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/** A usable bearer token with the active user it stands for, as {@link AccessTokens#findUsable} reads them at once. */
public record TokenOwner(UUID tokenId, Instant expiresAt, Instant lastUsedAt, CurrentUser user) {

    static final class Mapper implements RowMapper<TokenOwner> {

        @Override
        public TokenOwner mapRow(ResultSet rs, int row) throws SQLException {
            CurrentUser user = new CurrentUser(rs.getObject("user_id", UUID.class),
                    TenantId.of(rs.getObject("organization_id", UUID.class)), rs.getString("email"),
                    rs.getString("name"), Role.valueOf(rs.getString("role")));
            return new TokenOwner(rs.getObject("token_id", UUID.class), instant(rs.getTimestamp("expires_at")),
                    instant(rs.getTimestamp("last_used_at")), user);
        }

        private static Instant instant(Timestamp timestamp) {
            return timestamp == null ? null : timestamp.toInstant();
        }
    }
}
