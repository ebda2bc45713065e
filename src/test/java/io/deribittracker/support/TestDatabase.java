package io.deribittracker.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The machine's PostgreSQL server (127.0.0.1:5432, trust auth, as on the CI machines), with one database per
 * test suite, created on first use. {@code TRACKER_TEST_PG} overrides host and port, {@code TRACKER_TEST_DB_PREFIX}
 * the database names (so that two checkouts can run their tests at once); the JVM's fork number, when the build gives
 * one, is added to them.
 */
public final class TestDatabase {

    private static final String SERVER = env("TRACKER_TEST_PG", "127.0.0.1:5432");
    private static final String PREFIX = env("TRACKER_TEST_DB_PREFIX", "deribit_tracker_test")
            // the build runs tests in several JVMs at once (pom: unit.forks, it.forks): each has databases of its own
            + (System.getProperty("tracker.test.fork") == null ? "" : "_" + System.getProperty("tracker.test.fork"));
    private static final Map<String, String> CREATED = new ConcurrentHashMap<>();

    private TestDatabase() {
    }

    /** JDBC URL of the database {@code <prefix>_<suite>}, created if it does not exist yet. */
    public static String url(String suite) {
        return CREATED.computeIfAbsent(suite, TestDatabase::create);
    }

    public static String username() {
        return "postgres";
    }

    private static String create(String suite) {
        String name = PREFIX + "_" + suite;
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", username(), "");
             PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    admin.createStatement().execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The tests need PostgreSQL on " + SERVER
                    + " (trust auth for user postgres); start it, or point TRACKER_TEST_PG elsewhere", e);
        }
        return "jdbc:postgresql://" + SERVER + "/" + name;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
