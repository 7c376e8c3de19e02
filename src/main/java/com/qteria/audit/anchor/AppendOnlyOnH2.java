package com.qteria.audit.anchor;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The embedded database's guard for {@code audit_events}: every update and delete is refused, as PostgreSQL's
 * trigger does (changelog audit/003). H2 calls it by class name from the trigger; it holds no state.
 */
public class AppendOnlyOnH2 implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_events is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " refused", "55000");
    }
}
