package io.shouwang.alerting.store.sqlite;

import io.shouwang.alerting.Incident;
import io.shouwang.alerting.IncidentState;
import io.shouwang.alerting.store.IncidentChange;
import io.shouwang.alerting.store.IncidentStore;
import io.shouwang.alerting.store.SavedStateStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incident store in one SQLite file (WAL, fsync on commit), on a worker thread of its own
 * ({@link SqliteWorker}).
 */
public final class SqliteIncidentStore implements IncidentStore {

  /** The worker pool's name, visible in thread dumps and blocked-thread warnings. */
  public static final String WORKER_POOL = "shouwang-incident-store";

  private static final String OPEN_STATES = "state NOT IN ('RESOLVED', 'CANCELLED')";

  private final SqliteWorker db;
  private final SqliteSavedStateStore savedState;

  /**
   * Incidents in {@code dbFile}; devices' last-heard times and the rules' state beside it
   * ({@link #savedStateFile}).
   */
  public SqliteIncidentStore(Vertx vertx, Path dbFile) {
    this.db = new SqliteWorker(vertx, dbFile, WORKER_POOL, "incident store");
    this.savedState = new SqliteSavedStateStore(vertx, savedStateFile(dbFile));
  }

  /**
   * The saved-state file beside an incident file: incidents.db → incidents-last-seen.db. It keeps
   * the name it had when it held only last-heard times, so an upgrade finds (and migrates) it.
   */
  public static Path savedStateFile(Path incidentFile) {
    String name = incidentFile.getFileName().toString();
    String base = name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
    return incidentFile.resolveSibling(base + "-last-seen.db");
  }

  @Override
  public Future<Void> open() {
    return db.open(c -> {
      SqliteSchema.configure(c);
      SqliteSchema.create(c);
    });
  }

  @Override
  public Future<Void> close() {
    return db.close();
  }

  @Override
  public Future<Void> write(List<IncidentChange> changes) {
    List<IncidentChange> batch = List.copyOf(changes);
    return db.transaction(c -> {
      IncidentRows.write(c, batch);
      return null;
    });
  }

  @Override
  public Future<List<Incident>> loadOpen() {
    return db.run(c -> IncidentRows.select(c, OPEN_STATES));
  }

  @Override
  public Future<Optional<Incident>> find(String incidentId) {
    return db.run(c -> IncidentRows.select(c, "id = ?", incidentId).stream().findFirst());
  }

  @Override
  public Future<Map<String, IncidentState>> closedSince(Instant since) {
    return db.run(c -> {
      Map<String, IncidentState> closed = new HashMap<>();
      try (PreparedStatement st = c.prepareStatement(
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
    return db.run(c -> {
      List<Incident> closed = IncidentRows.select(c,
          "id IN (SELECT id FROM incidents WHERE NOT (" + OPEN_STATES + ") AND updated_at >= ?"
              + " ORDER BY updated_at DESC LIMIT ?)", since.toEpochMilli(), limit);
      List<Incident> newestFirst = new ArrayList<>(closed);
      newestFirst.sort(Comparator.comparing(Incident::updatedAt).reversed());
      return newestFirst;
    });
  }

  @Override
  public SavedStateStore savedState() {
    return savedState;
  }
}
