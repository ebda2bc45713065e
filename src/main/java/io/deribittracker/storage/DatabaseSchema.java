package io.deribittracker.storage;

import java.sql.SQLTransientConnectionException;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The Flyway migrations: at start-up if the database answers, else by the {@code migrate-database} route as soon as
 * it does (see {@link StorageConfiguration}), so that the service starts, collects into the spool and answers 503
 * while PostgreSQL is unreachable. Writers ask {@link #requireMigrated()} first.
 */
@Component
public class DatabaseSchema {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSchema.class);

    private final Flyway flyway;
    private volatile boolean migrated;

    /** Without Flyway ({@code spring.flyway.enabled=false}) the schema is someone else's business: taken as is. */
    public DatabaseSchema(ObjectProvider<Flyway> flyway) {
        this.flyway = flyway.getIfAvailable();
        this.migrated = this.flyway == null;
    }

    /** Brings the schema up to date, once; throws (database unreachable, or a migration failed) to be retried. */
    public synchronized void migrate() {
        if (migrated) {
            return;
        }
        MigrateResult result = flyway.migrate();
        migrated = true;
        LOG.info("Database schema up to date ({} migration(s) applied now); storing and back-fill can begin",
                result.migrationsExecuted);
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
