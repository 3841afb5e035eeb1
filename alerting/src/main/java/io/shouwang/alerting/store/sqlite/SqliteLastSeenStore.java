package io.shouwang.alerting.store.sqlite;

import io.shouwang.alerting.store.LastSeenStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Devices' last-heard times in an SQLite file of their own, on a worker thread of its own. Not in
 * the incident file: a save of tens of thousands of rows must never hold that file's write lock
 * or queue before an incident commit, which the gateway's acknowledgements wait on. Synchronous
 * NORMAL (no fsync per commit): after a power cut the last save or two may be lost, which only
 * makes supervision count from slightly older times.
 */
final class SqliteLastSeenStore implements LastSeenStore {

  /** The worker pool's name, visible in thread dumps. */
  static final String WORKER_POOL = "shouwang-last-seen-store";

  private static final int VERSION = 1;
  private static final List<String> DDL = List.of("""
      CREATE TABLE IF NOT EXISTS device_last_seen (
        device_id TEXT PRIMARY KEY,
        last_seen INTEGER NOT NULL) WITHOUT ROWID""");
  private static final String UPSERT = """
      INSERT INTO device_last_seen (device_id, last_seen) VALUES (?, ?)
      ON CONFLICT(device_id) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)""";

  private final Vertx vertx;
  private final Path dbFile;
  private volatile WorkerExecutor worker;
  // Touched only by the single worker thread; volatile because the pool may swap that thread.
  private volatile Connection connection;

  SqliteLastSeenStore(Vertx vertx, Path dbFile) {
    this.vertx = vertx;
    this.dbFile = dbFile;
  }

  @Override
  public Future<Void> open() {
    worker = vertx.createSharedWorkerExecutor(WORKER_POOL, 1, 2, TimeUnit.MINUTES);
    return run(() -> {
      Path parent = dbFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath());
      try {
        configure(c);
      } catch (SQLException e) {
        c.close();
        throw e;
      }
      connection = c;
      return null;
    });
  }

  @Override
  public Future<Void> close() {
    if (worker == null) {
      return Future.succeededFuture();
    }
    WorkerExecutor closing = worker;
    return this.<Void>run(() -> {
      if (connection != null) {
        connection.close();
        connection = null;
      }
      return null;
    }).eventually(closing::close);
  }

  @Override
  public Future<Map<String, Instant>> load() {
    return run(() -> {
      Map<String, Instant> seen = new HashMap<>();
      try (Statement st = connection().createStatement();
          ResultSet rs = st.executeQuery("SELECT device_id, last_seen FROM device_last_seen")) {
        while (rs.next()) {
          seen.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)));
        }
      }
      return seen;
    });
  }

  @Override
  public Future<Void> save(Map<String, Instant> lastSeen) {
    Map<String, Instant> batch = Map.copyOf(lastSeen);
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    return run(() -> {
      Connection c = connection();
      c.setAutoCommit(false);
      try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
        for (Map.Entry<String, Instant> e : batch.entrySet()) {
          upsert.setString(1, e.getKey());
          upsert.setLong(2, e.getValue().toEpochMilli());
          upsert.addBatch();
        }
        upsert.executeBatch();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
      return null;
    });
  }

  private static void configure(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("PRAGMA journal_mode=WAL");
      st.execute("PRAGMA synchronous=NORMAL");
      st.execute("PRAGMA busy_timeout=5000");
      int version;
      try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
        version = rs.next() ? rs.getInt(1) : 0;
      }
      if (version > VERSION) {
        throw new SQLException("the last-seen database has schema version " + version
            + ", newer than this build's " + VERSION);
      }
      for (String ddl : DDL) {
        st.execute(ddl);
      }
      st.execute("PRAGMA user_version=" + VERSION);
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      throw new SQLException("last-seen store is not open");
    }
    return connection;
  }

  private <T> Future<T> run(Callable<T> work) {
    if (worker == null) {
      return Future.failedFuture(new IllegalStateException("last-seen store is not open"));
    }
    return worker.executeBlocking(work, true);
  }
}
