package io.deribittracker.storage;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a database that is down (wait for it) from a statement that is wrong (waiting will not help). */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    /**
     * True for "cannot reach the database": no connection from the pool in time, a connection that broke
     * (SQLState class 08), or a server shutting down or starting up (57P01-57P03).
     */
    public static boolean isUnreachable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }
}
