package io.shouwang.alerting.store;

import io.shouwang.alerting.Incident;
import io.shouwang.alerting.IncidentState;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable record of incidents, their timelines, pages and escalation deadlines. Implementations
 * do their I/O off the event loop and complete futures only once the data is on disk.
 */
public interface IncidentStore {

  /** Opens (and if needed creates) the store. */
  Future<Void> open();

  /** Closes it; pending writes complete first. */
  Future<Void> close();

  /** Writes these changes in one transaction: all of them are durable, or none. */
  Future<Void> write(List<IncidentChange> changes);

  /** Every incident that is not resolved or cancelled, oldest first. */
  Future<List<Incident>> loadOpen();

  /** One incident, open or closed. */
  Future<Optional<Incident>> find(String incidentId);

  /**
   * Incidents closed at or after {@code since}, id to final state, so that a redelivered first
   * message does not raise them again.
   */
  Future<Map<String, IncidentState>> closedSince(Instant since);

  /** Incidents closed at or after {@code since}, at most {@code limit}, most recently closed first. */
  Future<List<Incident>> recentlyClosed(Instant since, int limit);

  /**
   * The devices' last-heard times and the rules' state that go with these incidents; opened and
   * closed by its user, and never written on the path of an incident write.
   */
  SavedStateStore savedState();
}
