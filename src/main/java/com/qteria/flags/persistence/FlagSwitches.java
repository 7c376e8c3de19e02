package com.qteria.flags.persistence;

import com.qteria.flags.FlagScope;
import com.qteria.flags.Switchboard;
import com.qteria.shared.Ids;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code feature_flag_switches}: one row per flag switched on or off somewhere; no row, not switched there. */
@Repository
public class FlagSwitches {

    private final JdbcClient jdbc;

    FlagSwitches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every switch of every flag (a few rows per flag: they are exceptions, not one per user). */
    public Switchboard all() {
        Map<Switchboard.Key, Boolean> switches = new HashMap<>();
        jdbc.sql("select flag, scope, subject_id, enabled from feature_flag_switches").query(rs -> {
            switches.put(new Switchboard.Key(rs.getString("flag"), FlagScope.of(rs.getString("scope")),
                    rs.getObject("subject_id", UUID.class)), rs.getBoolean("enabled"));
        });
        return new Switchboard(switches);
    }

    /**
     * Switches {@code flag} on or off for {@code subject}, or removes the switch ({@code enabled} null).
     *
     * @param organization the organization the subject is or belongs to; null for a global switch
     */
    public void save(String flag, FlagScope scope, UUID subject, UUID organization, Boolean enabled, String by,
            Instant now) {
        if (enabled == null) {
            jdbc.sql("delete from feature_flag_switches where flag = :flag and scope = :scope and subject_id = :subject")
                    .param("flag", flag).param("scope", scope.key()).param("subject", subject).update();
            return;
        }
        int updated = jdbc.sql("""
                update feature_flag_switches set enabled = :enabled, updated_at = :now, updated_by = :by
                where flag = :flag and scope = :scope and subject_id = :subject""")
                .param("enabled", enabled).param("now", now.atOffset(ZoneOffset.UTC)).param("by", by)
                .param("flag", flag).param("scope", scope.key()).param("subject", subject).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into feature_flag_switches (id, flag, scope, subject_id, organization_id, enabled,
                        updated_at, updated_by)
                    values (:id, :flag, :scope, :subject, :organization, :enabled, :now, :by)""")
                    .param("id", Ids.next()).param("flag", flag).param("scope", scope.key()).param("subject", subject)
                    .param("organization", organization).param("enabled", enabled)
                    .param("now", now.atOffset(ZoneOffset.UTC)).param("by", by).update();
        }
    }
}
