package com.qteria.shared.database;

import java.sql.SQLException;
import liquibase.CatalogAndSchema;
import liquibase.database.DatabaseConnection;
import liquibase.database.core.H2Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;

/**
 * Liquibase's H2 support assumes that H2 upper-cases unquoted names. The embedded database runs with
 * {@code DATABASE_TO_LOWER=TRUE} (so that one PostgreSQL dialect serves both databases), where Liquibase then looks
 * for {@code PUBLIC.DATABASECHANGELOG}, misses the existing {@code public.databasechangelog} and fails to create it
 * again: every start after the first one failed. This variant is chosen for such connections and looks names up in lower case.
 * Registered in {@code META-INF/services/liquibase.database.Database}.
 */
public class LowerCaseH2Database extends H2Database {

    public LowerCaseH2Database() {
        unquotedObjectsAreUppercased = Boolean.FALSE;
    }

    @Override
    public int getPriority() {
        return super.getPriority() + 1;
    }

    @Override
    public CatalogAndSchema.CatalogAndSchemaCase getSchemaAndCatalogCase() {
        return CatalogAndSchema.CatalogAndSchemaCase.LOWER_CASE;
    }

    @Override
    public boolean isCorrectDatabaseImplementation(DatabaseConnection connection) throws DatabaseException {
        return super.isCorrectDatabaseImplementation(connection) && storesLowerCase(connection);
    }

    private static boolean storesLowerCase(DatabaseConnection connection) throws DatabaseException {
        if (!(connection instanceof JdbcConnection jdbc)) {
            return false;
        }
        try {
            return jdbc.getUnderlyingConnection().getMetaData().storesLowerCaseIdentifiers();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }
}
