package io.shouwang.alerting.store.sqlite;

import io.shouwang.alerting.Incident;
import io.shouwang.alerting.IncidentState;
import io.shouwang.alerting.store.IncidentChange;
import io.shouwang.alerting.store.IncidentStore;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The incident store in one SQLite file (WAL, fsync on commit). All JDBC runs on one named worker
 * thread, in submission order, so the event loop never waits on the disk and writes never
 * interleave.
 */
public final class SqliteIncidentStore implements IncidentStore {

  /** The worker pool's name, visible in thread dumps and blocked-thread warnings. */
  public static final String WORKER_POOL = "shouwang-incident-store";

  private static final String OPEN_STATES = "state NOT IN ('RESOLVED', 'CANCELLED')";

  private final Vertx vertx;
  private final Path dbFile;
  private final SqliteLastSeenStore lastSeen;
  private volatile WorkerExecutor worker;
  // Touched only by the single worker thread; volatile because the pool may swap that thread.
  private volatile Connection connection;

  /** Incidents in {@code dbFile}; devices' last-heard times beside it ({@link #lastSeenFile}). */
  public SqliteIncidentStore(Vertx vertx, Path dbFile) {
    this.vertx = vertx;
    this.dbFile = dbFile;
    this.lastSeen = new SqliteLastSeenStore(vertx, lastSeenFile(dbFile));
  }

  /** The last-seen file beside an incident file: incidents.db → incidents-last-seen.db. */
  public static Path lastSeenFile(Path incidentFile) {
    String name = incidentFile.getFileName().toString();
    String base = name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
    return incidentFile.resolveSibling(base + "-last-seen.db");
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
        SqliteSchema.configure(c);
        SqliteSchema.create(c);
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
  public Future<Void> write(List<IncidentChange> changes) {
    List<IncidentChange> batch = List.copyOf(changes);
    return run(() -> {
      Connection c = connection();
      c.setAutoCommit(false);
      try {
        IncidentRows.write(c, batch);
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

  @Override
  public Future<List<Incident>> loadOpen() {
    return run(() -> IncidentRows.select(connection(), OPEN_STATES));
  }

  @Override
  public Future<Optional<Incident>> find(String incidentId) {
    return run(() -> IncidentRows.select(connection(), "id = ?", incidentId).stream()
        .findFirst());
  }

  @Override
  public Future<Map<String, IncidentState>> closedSince(Instant since) {
    return run(() -> {
      Map<String, IncidentState> closed = new HashMap<>();
      try (PreparedStatement st = connection().prepareStatement(
          "SELECT id, state FROM incidents WHERE NOT (" + OPEN_STATES + ") AND updated_at >= ?")) {
        st.setLong(1, since.toEpochMilli());
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            closed.put(rs.getString(1), IncidentState.valueOf(rs.getString(2)));
          }
        }
      }
      return closed;
    });
  }

  @Override
  public Future<List<Incident>> recentlyClosed(Instant since, int limit) {
    return run(() -> {
      List<Incident> closed = IncidentRows.select(connection(),
          "id IN (SELECT id FROM incidents WHERE NOT (" + OPEN_STATES + ") AND updated_at >= ?"
              + " ORDER BY updated_at DESC LIMIT ?)", since.toEpochMilli(), limit);
      List<Incident> newestFirst = new ArrayList<>(closed);
      newestFirst.sort(Comparator.comparing(Incident::updatedAt).reversed());
      return newestFirst;
    });
  }

  @Override
  public LastSeenStore lastSeen() {
    return lastSeen;
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      throw new SQLException("incident store is not open");
    }
    return connection;
  }

  private <T> Future<T> run(Callable<T> work) {
    if (worker == null) {
      return Future.failedFuture(new IllegalStateException("incident store is not open"));
    }
    return worker.executeBlocking(work, true);
  }
}
