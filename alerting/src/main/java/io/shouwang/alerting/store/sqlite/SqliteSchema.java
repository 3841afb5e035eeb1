package io.shouwang.alerting.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Tables, indexes and connection settings of the incident database. */
final class SqliteSchema {

  static final int VERSION = 1;

  private static final List<String> DDL = List.of(
      """
      CREATE TABLE IF NOT EXISTS incidents (
        id TEXT PRIMARY KEY,
        household_id TEXT NOT NULL,
        cause TEXT NOT NULL,
        severity TEXT NOT NULL,
        state TEXT NOT NULL,
        policy TEXT,
        opened_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        accepted_by TEXT,
        eta INTEGER,
        assignee TEXT,
        attach_count INTEGER NOT NULL,
        current_step INTEGER NOT NULL,
        round INTEGER NOT NULL,
        next_escalation_at INTEGER,
        device_id TEXT,
        summary TEXT NOT NULL,
        details TEXT NOT NULL)""",
      "CREATE INDEX IF NOT EXISTS incidents_open ON incidents(opened_at)"
          + " WHERE state NOT IN ('RESOLVED', 'CANCELLED')",
      "CREATE INDEX IF NOT EXISTS incidents_updated ON incidents(updated_at)",
      """
      CREATE TABLE IF NOT EXISTS timeline (
        incident_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL,
        message_key TEXT,
        PRIMARY KEY (incident_id, seq)) WITHOUT ROWID""",
      """
      CREATE TABLE IF NOT EXISTS pages (
        idempotency_key TEXT PRIMARY KEY,
        incident_id TEXT NOT NULL,
        ord INTEGER NOT NULL,
        channel TEXT NOT NULL,
        recipient_id TEXT NOT NULL,
        recipient_role TEXT NOT NULL,
        step INTEGER NOT NULL,
        round INTEGER NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        last_error TEXT,
        at INTEGER NOT NULL)""",
      "CREATE INDEX IF NOT EXISTS pages_incident ON pages(incident_id, ord)");

  private SqliteSchema() {}

  /**
   * WAL lets readers run beside the writer and makes a commit one sequential append; synchronous
   * FULL fsyncs that append on every commit, because the gateway acks the device's message only
   * after the commit: a power cut must not lose an acknowledged incident.
   */
  static void configure(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      try (ResultSet rs = st.executeQuery("PRAGMA journal_mode=WAL")) {
        String mode = rs.next() ? rs.getString(1) : "";
        if (!"wal".equalsIgnoreCase(mode)) {
          throw new SQLException("the incident database refused WAL mode (got " + mode + ")");
        }
      }
      st.execute("PRAGMA synchronous=FULL");
      st.execute("PRAGMA busy_timeout=5000");
    }
  }

  static void create(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement st = connection.createStatement()) {
      int version;
      try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
        version = rs.next() ? rs.getInt(1) : 0;
      }
      if (version > VERSION) {
        throw new SQLException("the incident database has schema version " + version
            + ", newer than this build's " + VERSION);
      }
      for (String ddl : DDL) {
        st.execute(ddl);
      }
      st.execute("PRAGMA user_version=" + VERSION);
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }
}
