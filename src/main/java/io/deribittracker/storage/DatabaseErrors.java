package io.deribittracker.storage;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Tells a database that is down (wait for it) from a statement that is wrong (waiting will not help). */
public final class DatabaseErrors {

    /**
     * SQLStates, beyond class 08, that mean "the server is there but cannot take us now": 57P01 admin_shutdown,
     * 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or in recovery), 53300 too_many_connections.
     */
    private static final Set<String> SERVER_NOT_AVAILABLE = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseErrors() {
    }

    /**
     * True when the database cannot be reached now, and waiting for it is the answer: anywhere in the cause chain,
     * the pool gave no connection in time ({@link SQLTransientConnectionException}, Hikari's timeout), a connection
     * could not be made or broke (SQLState class 08, connection exception), or the server is shutting down, starting
     * up or full (57P01, 57P02, 57P03, 53300). Everything else (a bad statement, a missing table, wrong credentials,
     * a database that does not exist) is not "unreachable": retrying would fail the same way.
     */
    public static boolean isUnreachable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || SERVER_NOT_AVAILABLE.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
