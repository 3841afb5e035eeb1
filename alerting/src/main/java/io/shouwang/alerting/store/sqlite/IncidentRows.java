package io.shouwang.alerting.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shouwang.alerting.Cause;
import io.shouwang.alerting.DeliveryStatus;
import io.shouwang.alerting.Incident;
import io.shouwang.alerting.IncidentState;
import io.shouwang.alerting.PageRecord;
import io.shouwang.alerting.Severity;
import io.shouwang.alerting.TimelineEntry;
import io.shouwang.alerting.store.IncidentChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Maps incidents to rows and back; called on the store's worker thread only. */
final class IncidentRows {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};

  private static final String UPSERT_INCIDENT = """
      INSERT INTO incidents (id, household_id, cause, severity, state, policy, opened_at,
        updated_at, accepted_by, eta, assignee, attach_count, current_step, round,
        next_escalation_at, device_id, summary, details)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET severity = excluded.severity, state = excluded.state,
        updated_at = excluded.updated_at, accepted_by = excluded.accepted_by, eta = excluded.eta,
        assignee = excluded.assignee, attach_count = excluded.attach_count,
        current_step = excluded.current_step, round = excluded.round,
        next_escalation_at = excluded.next_escalation_at, summary = excluded.summary,
        details = excluded.details""";
  private static final String INSERT_ENTRY = """
      INSERT OR REPLACE INTO timeline (incident_id, seq, at, actor, action, detail, message_key)
      VALUES (?, ?, ?, ?, ?, ?, ?)""";
  private static final String UPSERT_PAGE = """
      INSERT INTO pages (idempotency_key, incident_id, ord, channel, recipient_id,
        recipient_role, step, round, status, attempts, last_error, at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(idempotency_key) DO UPDATE SET status = excluded.status,
        attempts = excluded.attempts, last_error = excluded.last_error, at = excluded.at""";

  private IncidentRows() {}

  static void write(Connection c, List<IncidentChange> changes) throws SQLException {
    try (PreparedStatement incident = c.prepareStatement(UPSERT_INCIDENT);
        PreparedStatement entry = c.prepareStatement(INSERT_ENTRY);
        PreparedStatement page = c.prepareStatement(UPSERT_PAGE)) {
      for (IncidentChange change : changes) {
        Incident i = change.incident();
        bindIncident(incident, i);
        incident.addBatch();
        List<TimelineEntry> timeline = i.timeline();
        for (int seq = change.timelineFrom(); seq < timeline.size(); seq++) {
          TimelineEntry e = timeline.get(seq);
          entry.setString(1, i.id());
          entry.setInt(2, seq);
          entry.setLong(3, e.at().toEpochMilli());
          entry.setString(4, e.actor());
          entry.setString(5, e.action());
          entry.setString(6, e.detail());
          entry.setString(7, e.messageKey());
          entry.addBatch();
        }
        List<PageRecord> pages = i.pages();
        for (int ord = 0; ord < pages.size(); ord++) {
          bindPage(page, i.id(), ord, pages.get(ord));
          page.addBatch();
        }
      }
      incident.executeBatch();
      entry.executeBatch();
      page.executeBatch();
    }
  }

  static List<Incident> select(Connection c, String where, Object... args) throws SQLException {
    List<Incident> result = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement(
        "SELECT * FROM incidents WHERE " + where + " ORDER BY opened_at, id")) {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString("id");
          result.add(new Incident(id, rs.getString("household_id"),
              Cause.valueOf(rs.getString("cause")), Severity.valueOf(rs.getString("severity")),
              IncidentState.valueOf(rs.getString("state")), rs.getString("policy"),
              instant(rs, "opened_at"), instant(rs, "updated_at"), rs.getString("accepted_by"),
              instant(rs, "eta"), rs.getString("assignee"), rs.getInt("attach_count"),
              rs.getInt("current_step"), rs.getInt("round"), instant(rs, "next_escalation_at"),
              rs.getString("device_id"), rs.getString("summary"),
              details(rs.getString("details")), timeline(c, id), pages(c, id)));
        }
      }
    }
    return result;
  }

  private static void bindIncident(PreparedStatement st, Incident i) throws SQLException {
    st.setString(1, i.id());
    st.setString(2, i.householdId());
    st.setString(3, i.cause().name());
    st.setString(4, i.severity().name());
    st.setString(5, i.state().name());
    st.setString(6, i.policy());
    st.setLong(7, i.openedAt().toEpochMilli());
    st.setLong(8, i.updatedAt().toEpochMilli());
    st.setString(9, i.acceptedBy());
    setInstant(st, 10, i.eta());
    st.setString(11, i.assignee());
    st.setInt(12, i.attachCount());
    st.setInt(13, i.currentStep());
    st.setInt(14, i.round());
    setInstant(st, 15, i.nextEscalationAt());
    st.setString(16, i.deviceId());
    st.setString(17, i.summary());
    try {
      st.setString(18, JSON.writeValueAsString(i.details()));
    } catch (JsonProcessingException e) {
      throw new SQLException("details of incident " + i.id() + " cannot be written", e);
    }
  }

  private static void bindPage(PreparedStatement st, String incidentId, int ord, PageRecord p)
      throws SQLException {
    st.setString(1, p.idempotencyKey());
    st.setString(2, incidentId);
    st.setInt(3, ord);
    st.setString(4, p.channel());
    st.setString(5, p.recipientId());
    st.setString(6, p.recipientRole());
    st.setInt(7, p.step());
    st.setInt(8, p.round());
    st.setString(9, p.status().name());
    st.setInt(10, p.attempts());
    st.setString(11, p.lastError());
    st.setLong(12, p.at().toEpochMilli());
  }

  private static List<TimelineEntry> timeline(Connection c, String id) throws SQLException {
    List<TimelineEntry> entries = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement(
        "SELECT * FROM timeline WHERE incident_id = ? ORDER BY seq")) {
      st.setString(1, id);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          entries.add(new TimelineEntry(instant(rs, "at"), rs.getString("actor"),
              rs.getString("action"), rs.getString("detail"), rs.getString("message_key")));
        }
      }
    }
    return entries;
  }

  private static List<PageRecord> pages(Connection c, String id) throws SQLException {
    List<PageRecord> pages = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement(
        "SELECT * FROM pages WHERE incident_id = ? ORDER BY ord")) {
      st.setString(1, id);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          pages.add(new PageRecord(rs.getString("idempotency_key"), rs.getString("channel"),
              rs.getString("recipient_id"), rs.getString("recipient_role"), rs.getInt("step"),
              rs.getInt("round"), DeliveryStatus.valueOf(rs.getString("status")),
              rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "at")));
        }
      }
    }
    return pages;
  }

  private static Map<String, String> details(String json) throws SQLException {
    try {
      return JSON.readValue(json, DETAILS);
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable incident details", e);
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private static void setInstant(PreparedStatement st, int index, Instant value)
      throws SQLException {
    if (value == null) {
      st.setNull(index, Types.INTEGER);
    } else {
      st.setLong(index, value.toEpochMilli());
    }
  }
}
