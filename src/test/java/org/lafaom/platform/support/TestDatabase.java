package org.lafaom.platform.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Real PostgreSQL for tests: the server at 127.0.0.1:5432 when one is listening (CI and this
 * machine), otherwise an embedded PostgreSQL 15 started once per test run. Each call to
 * {@link #create(String)} makes a fresh, empty database.
 */
public final class TestDatabase {

    private static String adminUrl;
    private static EmbeddedPostgres embedded;

    private TestDatabase() {}

    public record Database(String name, String url, String username) {}

    public static synchronized Database create(String purpose) {
        String base = serverUrl();
        String name = "lafaom_test_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(base + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database", e);
        }
        return new Database(name, base + name, "postgres");
    }

    public static Connection connect(Database db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.username(), "");
    }

    private static String serverUrl() {
        if (adminUrl == null) {
            if (listening("127.0.0.1", 5432)) {
                adminUrl = "jdbc:postgresql://127.0.0.1:5432/";
            } else {
                try {
                    embedded = EmbeddedPostgres.builder().start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            embedded.close();
                        } catch (IOException ignored) {
                            // shutting down anyway
                        }
                    }));
                    adminUrl = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/";
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return adminUrl;
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
