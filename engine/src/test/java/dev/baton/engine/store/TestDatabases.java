package dev.baton.engine.store;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh databases for store tests: an H2 file database, and a PostgreSQL database on a server
 * that this class starts once per test JVM from the machine's PostgreSQL binaries
 * ({@code initdb}, {@code pg_ctl}). On CI ({@code CI=true}) PostgreSQL is required; elsewhere
 * the PostgreSQL cases are skipped with a message when no binaries are found.
 */
public final class TestDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static volatile PostgresServer postgres;
  /** The H2 folders this JVM made; deleted when it ends (a PostgreSQL cluster is ~1.7 GB and an
   * H2 log of a store test a few MB: left behind, each test run fills the disk further). */
  private static final List<Path> H2_FOLDERS = new java.util.concurrent.CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> H2_FOLDERS.forEach(
        TestDatabases::deleteQuietly), "baton-test-h2-cleanup"));
  }

  private TestDatabases() {}

  /** The databases to run store tests on: "h2" always, "postgresql" when available. */
  public static List<String> names() {
    List<String> out = new ArrayList<>(List.of("h2"));
    if (postgresAvailable()) {
      out.add("postgresql");
    }
    return out;
  }

  /** A new, empty database of that kind; close the returned data source when done. */
  public static HikariDataSource fresh(String name) {
    int n = COUNTER.incrementAndGet();
    if (name.equals("h2")) {
      try {
        Path dir = Files.createTempDirectory("baton-h2-");
        H2_FOLDERS.add(dir);
        return Databases.pooled(Databases.h2Url(dir));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    PostgresServer pg = postgres();
    String db = "baton_test_" + ProcessHandle.current().pid() + "_" + n;
    try (Connection c = DriverManager.getConnection(pg.url("postgres"), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("create database " + db);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Cannot create a test database: " + e.getMessage(), e);
    }
    return Databases.pooled(pg.url(db), "postgres", "");
  }

  /** Deletes a folder and everything in it; what cannot be deleted is left. */
  static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // left for the system's temporary-file cleanup
        }
      });
    } catch (IOException | java.io.UncheckedIOException ignored) {
      // the folder is gone already, or unreadable: nothing more to do
    }
  }

  static boolean postgresAvailable() {
    if (System.getenv("BATON_TEST_PG_URL") != null || PostgresServer.binaries() != null) {
      return true;
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI needs PostgreSQL for the store tests, but no initdb"
          + " was found: install Debian's postgresql package (.ci/run does).");
    }
    System.err.println("PostgreSQL binaries not found: store tests run on H2 only.");
    return false;
  }

  private static synchronized PostgresServer postgres() {
    if (postgres == null) {
      postgres = PostgresServer.start();
    }
    return postgres;
  }

  /** A throwaway PostgreSQL server in a temporary folder. */
  private static final class PostgresServer {
    private final int port;
    private final String externalUrl;

    private PostgresServer(int port, String externalUrl) {
      this.port = port;
      this.externalUrl = externalUrl;
    }

    String url(String db) {
      if (externalUrl != null) {
        return externalUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + db + "$1");
      }
      return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
    }

    static Path binaries() {
      Path base = Path.of("/usr/lib/postgresql");
      if (!Files.isDirectory(base)) {
        return null;
      }
      try (var versions = Files.list(base)) {
        return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(
            b.resolve("initdb"))).sorted().reduce((a, b) -> b).orElse(null);
      } catch (IOException e) {
        return null;
      }
    }

    static PostgresServer start() {
      String external = System.getenv("BATON_TEST_PG_URL");
      if (external != null) {
        return new PostgresServer(0, external);
      }
      try {
        Path bin = binaries();
        Path dir = Files.createTempDirectory("baton-pg-");
        Path data = dir.resolve("data");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
          run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
        }
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
          port = socket.getLocalPort();
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
            "-A", "trust", "-E", "UTF8", "--no-sync"), root);
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l",
            dir.resolve("log").toString(), "-o", "-p " + port + " -k " + dir
                + " -c listen_addresses=127.0.0.1 -c fsync=on", "start"), root);
        PostgresServer server = new PostgresServer(port, null);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate",
                "stop"), root);
          } catch (RuntimeException ignored) {
            // the JVM is going away
          }
          deleteQuietly(dir);
        }));
        return server;
      } catch (IOException e) {
        throw new IllegalStateException("Cannot start PostgreSQL: " + e.getMessage(), e);
      }
    }

    private static void run(List<String> command, boolean asPostgres) {
      List<String> full = new ArrayList<>();
      if (asPostgres) {
        full.addAll(List.of("runuser", "-u", "postgres", "--"));
      }
      full.addAll(command);
      try {
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
          throw new IllegalStateException("Failed: " + String.join(" ", full) + "\n" + out);
        }
      } catch (IOException e) {
        throw new IllegalStateException("Failed: " + String.join(" ", full), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
