package io.shouwang.alerting.store.sqlite;

import io.shouwang.alerting.store.SavedState;
import io.shouwang.alerting.store.SavedStateStore;
import io.shouwang.alerting.store.StateChanges;
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
 * Devices' last-heard times and the rules' state in an SQLite file of their own, on a worker
 * thread of its own. Not in the incident file: a save of tens of thousands of rows must never
 * hold that file's write lock or queue before an incident commit, which the gateway's
 * acknowledgements wait on. Synchronous NORMAL (no fsync per commit): after a power cut the last
 * save or two may be lost, which only makes the next start pick up slightly older state.
 */
final class SqliteSavedStateStore implements SavedStateStore {

  /** The worker pool's name, visible in thread dumps. */
  static final String WORKER_POOL = "shouwang-saved-state-store";

  /**
   * The schema, one step per version: a file of version n runs the steps after n. Version 1 held
   * only the last-heard times; version 2 adds the rules' state.
   */
  private static final List<List<String>> MIGRATIONS = List.of(
      List.of("""
          CREATE TABLE IF NOT EXISTS device_last_seen (
            device_id TEXT PRIMARY KEY,
            last_seen INTEGER NOT NULL) WITHOUT ROWID"""),
      List.of("""
          CREATE TABLE IF NOT EXISTS rule_state (
            rule TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (rule, key)) WITHOUT ROWID"""));
  static final int VERSION = MIGRATIONS.size();

  private static final String UPSERT_LAST_SEEN = """
      INSERT INTO device_last_seen (device_id, last_seen) VALUES (?, ?)
      ON CONFLICT(device_id) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)""";
  private static final String UPSERT_RULE_STATE = """
      INSERT INTO rule_state (rule, key, value) VALUES (?, ?, ?)
      ON CONFLICT(rule, key) DO UPDATE SET value = excluded.value""";
  private static final String DELETE_RULE_STATE =
      "DELETE FROM rule_state WHERE rule = ? AND key = ?";

  private final SqliteWorker db;

  SqliteSavedStateStore(Vertx vertx, Path dbFile) {
    this.db = new SqliteWorker(vertx, dbFile, WORKER_POOL, "saved-state store");
  }

  @Override
  public Future<Void> open() {
    return db.open(SqliteSavedStateStore::configure);
  }

  @Override
  public Future<Void> close() {
    return db.close();
  }

  @Override
  public Future<SavedState> load() {
    return db.run(c -> {
      Map<String, Instant> seen = new HashMap<>();
      Map<String, Map<String, String>> rules = new HashMap<>();
      try (Statement st = c.createStatement()) {
        try (ResultSet rs = st.executeQuery("SELECT device_id, last_seen FROM device_last_seen")) {
          while (rs.next()) {
            seen.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)));
          }
        }
        try (ResultSet rs = st.executeQuery("SELECT rule, key, value FROM rule_state")) {
          while (rs.next()) {
            rules.computeIfAbsent(rs.getString(1), r -> new HashMap<>())
                .put(rs.getString(2), rs.getString(3));
          }
        }
      }
      return new SavedState(seen, rules);
    });
  }

  @Override
  public Future<Void> save(StateChanges changes) {
    if (changes.isEmpty()) {
      return Future.succeededFuture();
    }
    return db.transaction(c -> {
      try (PreparedStatement upsert = c.prepareStatement(UPSERT_LAST_SEEN)) {
        for (Map.Entry<String, Instant> e : changes.lastSeen().entrySet()) {
          upsert.setString(1, e.getKey());
          upsert.setLong(2, e.getValue().toEpochMilli());
          upsert.addBatch();
        }
        upsert.executeBatch();
      }
      try (PreparedStatement upsert = c.prepareStatement(UPSERT_RULE_STATE);
          PreparedStatement delete = c.prepareStatement(DELETE_RULE_STATE)) {
        for (Map.Entry<String, Map<String, String>> rule : changes.ruleState().entrySet()) {
          for (Map.Entry<String, String> e : rule.getValue().entrySet()) {
            PreparedStatement st = e.getValue() == null ? delete : upsert;
            st.setString(1, rule.getKey());
            st.setString(2, e.getKey());
            if (e.getValue() != null) {
              st.setString(3, e.getValue());
            }
            st.addBatch();
          }
        }
        upsert.executeBatch();
        delete.executeBatch();
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
        throw new SQLException("the saved-state database has schema version " + version
            + ", newer than this build's " + VERSION);
      }
      if (version == VERSION) {
        return;
      }
      // All steps and the new version together, so a failed upgrade leaves the old file intact.
      c.setAutoCommit(false);
      try {
        for (List<String> step : MIGRATIONS.subList(version, VERSION)) {
          for (String ddl : step) {
            st.execute(ddl);
          }
        }
        st.execute("PRAGMA user_version=" + VERSION);
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }
}
