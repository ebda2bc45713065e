package io.deribittracker.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL's {@code index_price} channel, where the trigger of migration V3 announces every stored
 * row's ticker at commit, and tells {@link LastPrices}. One dedicated connection (not one of the pool's), opened
 * with the pool's URL and credentials; when it breaks, LastPrices stops keeping answers until it is back (retried
 * every few seconds), so {@code /last} is never staler than the database.
 *
 * <p>camel-pgevent would be the Camel way to LISTEN, but it needs the pgjdbc-ng driver beside the pgjdbc the rest of
 * the service uses; a thread with pgjdbc's own notification API is less to carry.
 */
@Component
class PriceNotifications implements SmartLifecycle {

    static final String CHANNEL = "index_price";
    private static final Logger LOG = LoggerFactory.getLogger(PriceNotifications.class);
    private static final int POLL_MILLIS = 500;
    private static final long RETRY_MILLIS = 3000;

    private final HikariDataSource pool;
    private final LastPrices lastPrices;
    private volatile Thread listener;

    PriceNotifications(HikariDataSource dataSource, LastPrices lastPrices) {
        this.pool = dataSource;
        this.lastPrices = lastPrices;
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::listen, "price-notifications");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = listener;
        listener = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    private void listen() {
        boolean saidNotListening = false;
        while (listener == Thread.currentThread()) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                lastPrices.notificationsReceived(true);
                if (saidNotListening) {
                    LOG.info("Listening for new prices again");
                    saidNotListening = false;
                }
                while (listener == Thread.currentThread()) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            lastPrices.stored(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                lastPrices.notificationsReceived(false);
                if (!saidNotListening) {
                    // not a WARN: the outage is the database probe's one line; this only says what /last does meanwhile
                    LOG.info("Not listening for new prices ({}); /last reads the database on every request until "
                            + "this is back", e.getMessage());
                    saidNotListening = true;
                }
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
        lastPrices.notificationsReceived(false);
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "deribit-tracker price notifications");
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }
}
