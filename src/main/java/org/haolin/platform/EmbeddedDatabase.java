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
 * (as test contexts do) share the server, and the last one to close stops it. Its data survives
 * restarts unless it is asked to start clean.
 */
public final class EmbeddedDatabase {

    private record Running(EmbeddedPostgres server, int users) {
    }

    private static final Map<Path, Running> RUNNING = new HashMap<>();

    private EmbeddedDatabase() {
    }

    /** Starts the server for the directory if needed and returns its JDBC URL; pair with {@link #release}. */
    public static synchronized String acquire(Path dataDir, boolean clean) {
        Path dir = directory(dataDir);
        Running running = RUNNING.get(dir);
        EmbeddedPostgres server = running != null ? running.server() : start(dir, clean);
        RUNNING.put(dir, new Running(server, running == null ? 1 : running.users() + 1));
        return server.getJdbcUrl("postgres", "postgres");
    }

    public static synchronized void release(Path dataDir) {
        Path dir = directory(dataDir);
        Running running = RUNNING.get(dir);
        if (running == null) {
            return;
        }
        if (running.users() > 1) {
            RUNNING.put(dir, new Running(running.server(), running.users() - 1));
            return;
        }
        RUNNING.remove(dir);
        try {
            running.server().close();
        } catch (IOException ignored) {
            // PostgreSQL stops by itself once its parent process is gone
        }
    }

    private static Path directory(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("pg");
    }

    private static EmbeddedPostgres start(Path dir, boolean clean) {
        try {
            Files.createDirectories(dir);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(clean)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("timezone", "UTC")
                    // the embedded server flushes its WAL to disk like any other: a commit that says it is
                    // durable (the scan writer's) is then on disk, not only handed to the operating system
                    .setServerConfig("fsync", "on")
                    // at a screening peak the scans write over a gigabyte of WAL in five minutes: checkpoints by
                    // time rather than every gigabyte, so index pages are not written whole to the WAL again and
                    // again (crash recovery replays more WAL in exchange)
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }
}
