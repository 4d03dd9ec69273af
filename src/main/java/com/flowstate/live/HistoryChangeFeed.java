package com.flowstate.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Listens to the database's change feed (PostgreSQL LISTEN on {@link HistoryChange#CHANNEL}, fed by the triggers
 * of migration V22) on a connection of its own, outside the pool, and hands each batch of committed changes to the
 * listeners of this node. A NOTIFY reaches every node listening on the database, so a row written by another node's
 * job executor shows here too; a rolled-back write never does. If the connection drops the feed reconnects after a
 * second; what was written meanwhile is not replayed (screens keep their refresh button).
 */
@Component
class HistoryChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HistoryChangeFeed.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Consumer<List<HistoryChange>>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    HistoryChangeFeed(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Calls {@code listener} on the feed's thread with every batch of changes; keep it short. */
    void addListener(Consumer<List<HistoryChange>> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<List<HistoryChange>> listener) {
        listeners.remove(listener);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "history-change-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        closeQuietly();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the feed is listening now (a test waits for it before it writes). */
    boolean isListening() {
        return connection != null;
    }

    private void listen() {
        while (running) {
            try {
                Connection open = connect();
                try (Statement statement = open.createStatement()) {
                    statement.execute("listen " + HistoryChange.CHANNEL);
                }
                connection = open;
                PGConnection postgres = open.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        publish(parse(notifications));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                closeQuietly();
                if (running) {
                    log.warn("History change feed lost its connection ({}); listening again in 1 s", e.toString());
                    pause();
                }
            }
        }
    }

    private List<HistoryChange> parse(PGNotification[] notifications) {
        List<HistoryChange> changes = new ArrayList<>(notifications.length);
        for (PGNotification notification : notifications) {
            try {
                JsonNode node = json.readTree(notification.getParameter());
                changes.add(new HistoryChange(node.path("a").asText(), node.path("id").asLong(),
                        node.path("o").isNumber() ? node.path("o").asLong() : null,
                        node.path("s").asText(null), node.path("i").asBoolean()));
            } catch (Exception notOurs) {
                log.debug("Ignored a notification on {} that is not a history change: {}", HistoryChange.CHANNEL,
                        notification.getParameter());
            }
        }
        return changes;
    }

    private void publish(List<HistoryChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<HistoryChange> batch = List.copyOf(changes);
        for (Consumer<List<HistoryChange>> listener : listeners) {
            try {
                listener.accept(batch);
            } catch (RuntimeException e) {
                log.warn("A history change listener failed", e);
            }
        }
    }

    /** A connection of its own: LISTEN holds it for the app's life, which a pooled one must not be. */
    private Connection connect() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari) {
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        return dataSource.getConnection();
    }

    private void closeQuietly() {
        Connection open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // Closing a broken connection: nothing left to do.
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
