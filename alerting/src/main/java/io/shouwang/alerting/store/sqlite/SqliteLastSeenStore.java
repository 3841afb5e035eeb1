package io.shouwang.alerting.store.sqlite;

import io.shouwang.alerting.store.LastSeenStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  private final SqliteWorker db;

  SqliteLastSeenStore(Vertx vertx, Path dbFile) {
    this.db = new SqliteWorker(vertx, dbFile, WORKER_POOL, "last-seen store");
  }

  @Override
  public Future<Void> open() {
    return db.open(SqliteLastSeenStore::configure);
  }

  @Override
  public Future<Void> close() {
    return db.close();
  }

  @Override
  public Future<Map<String, Instant>> load() {
    return db.run(c -> {
      Map<String, Instant> seen = new HashMap<>();
      try (Statement st = c.createStatement();
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
    return db.transaction(c -> {
      try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
        for (Map.Entry<String, Instant> e : batch.entrySet()) {
          upsert.setString(1, e.getKey());
          upsert.setLong(2, e.getValue().toEpochMilli());
          upsert.addBatch();
        }
        upsert.executeBatch();
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
}
