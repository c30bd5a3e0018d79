package org.haolin.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One embedded PostgreSQL per data directory and JVM: application contexts that share a directory
 * (as test contexts do) share the server. Its data survives restarts unless it is asked to start clean.
 */
public final class EmbeddedDatabase {

    private static final Map<Path, EmbeddedPostgres> RUNNING = new HashMap<>();

    private EmbeddedDatabase() {
    }

    public static synchronized String jdbcUrl(Path dataDir, boolean clean) {
        Path dir = dataDir.toAbsolutePath().normalize().resolve("pg");
        EmbeddedPostgres pg = RUNNING.computeIfAbsent(dir, d -> start(d, clean));
        return pg.getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgres start(Path dir, boolean clean) {
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(clean)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("timezone", "UTC")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(pg)));
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException ignored) {
            // the JVM is going down; PostgreSQL shuts itself down when its parent goes
        }
    }
}
