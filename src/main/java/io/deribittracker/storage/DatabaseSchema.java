package io.deribittracker.storage;

import java.sql.SQLTransientConnectionException;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Flyway migrations, run by the {@code migrate-database} route once the database answers rather than during
 * start-up (see {@link StorageConfiguration}), so that the service starts, collects into the spool and answers 503
 * while PostgreSQL is unreachable. Writers ask {@link #requireMigrated()} first.
 */
@Component
public class DatabaseSchema {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSchema.class);

    private final Flyway flyway;
    private volatile boolean migrated;

    public DatabaseSchema(Flyway flyway) {
        this.flyway = flyway;
    }

    /** Brings the schema up to date; throws (database unreachable, or a migration failed) to be retried. */
    public void migrate() {
        MigrateResult result = flyway.migrate();
        migrated = true;
        LOG.info("Database schema up to date ({} migration(s) applied now); storing and back-fill can begin",
                result.migrationsExecuted);
    }

    /** At start-up: migrates if the database answers; if not, says so once and leaves it to the route. */
    void migrateIfReachable() {
        try {
            migrate();
        } catch (RuntimeException e) {
            LOG.warn("The database does not answer at start-up ({}); the service starts without it and migrates once it does",
                    e.getMessage());
        }
    }

    /**
     * @throws SQLTransientConnectionException until the migrations have run, which the writers' error handling
     *                                         treats like an unreachable database: wait, and try again
     */
    public void requireMigrated() throws SQLTransientConnectionException {
        if (!migrated) {
            throw new SQLTransientConnectionException("the database schema is not migrated yet (database not reached since start-up)");
        }
    }

    public boolean isMigrated() {
        return migrated;
    }
}
