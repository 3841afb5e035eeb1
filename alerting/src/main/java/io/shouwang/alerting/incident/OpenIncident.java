package io.shouwang.alerting.incident;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.DeliveryStatus;
import io.shouwang.alerting.Incident;
import io.shouwang.alerting.IncidentState;
import io.shouwang.alerting.PageRecord;
import io.shouwang.alerting.Severity;
import io.shouwang.alerting.Signal;
import io.shouwang.alerting.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The live, mutable state of one incident. Confined to the engine's thread: every stage that
 * touches it runs there, so it needs no locks. The outside world sees {@link #snapshot()}s.
 */
public final class OpenIncident {

  /** Message keys remembered for duplicate detection; a storm beyond this only costs accuracy. */
  private static final int MAX_REMEMBERED_KEYS = 10_000;

  private final String id;
  private final String householdId;
  private final Cause cause;
  private final String policy;
  private final Instant openedAt;
  private final String deviceId;
  private final List<TimelineEntry> timeline = new ArrayList<>();
  private final Map<String, PageRecord> pages = new LinkedHashMap<>();
  private final Set<String> messageKeys = new HashSet<>();
  private Severity severity;
  private IncidentState state = IncidentState.RAISED;
  private Instant updatedAt;
  private String acceptedBy;
  private Instant eta;
  private String assignee;
  private int attachCount;
  private int step = -1;
  private int round;
  private Instant nextEscalationAt;
  private String summary;
  private Map<String, String> details;
  private int persistedTimeline;
  private boolean firstPageSent;

  private OpenIncident(String id, String householdId, Cause cause, Severity severity,
      String policy, Instant openedAt, String deviceId, String summary,
      Map<String, String> details) {
    this.id = Objects.requireNonNull(id, "id");
    this.householdId = Objects.requireNonNull(householdId, "householdId");
    this.cause = Objects.requireNonNull(cause, "cause");
    this.severity = severity != null ? severity : cause.defaultSeverity();
    this.policy = policy;
    this.openedAt = openedAt;
    this.updatedAt = openedAt;
    this.deviceId = deviceId == null || deviceId.isEmpty() ? null : deviceId;
    this.summary = summary == null ? "" : summary;
    this.details = Map.copyOf(details);
  }

  /** A new incident raised by this signal. */
  public static OpenIncident raise(String id, Signal signal, String policy, Instant now) {
    OpenIncident incident = new OpenIncident(id, signal.householdId(), signal.cause(),
        signal.severity(), policy, now, signal.deviceId(), signal.summary(), signal.details());
    incident.attachCount = 1;
    incident.record(now, Actions.device(signal.deviceId()), Actions.RAISED, signal.summary(),
        signal.messageKey());
    return incident;
  }

  /** The live form of a stored snapshot, after a restart; its timeline counts as stored. */
  public static OpenIncident restore(Incident s) {
    OpenIncident incident = new OpenIncident(s.id(), s.householdId(), s.cause(), s.severity(),
        s.policy(), s.openedAt(), s.deviceId(), s.summary(), s.details());
    incident.state = s.state();
    incident.updatedAt = s.updatedAt();
    incident.acceptedBy = s.acceptedBy();
    incident.eta = s.eta();
    incident.assignee = s.assignee();
    incident.attachCount = s.attachCount();
    incident.step = s.currentStep();
    incident.round = s.round();
    incident.nextEscalationAt = s.nextEscalationAt();
    for (TimelineEntry entry : s.timeline()) {
      incident.timeline.add(entry);
      incident.remember(entry.messageKey(), entry.action());
    }
    for (PageRecord page : s.pages()) {
      incident.pages.put(page.idempotencyKey(), page);
      incident.firstPageSent |= page.status() == DeliveryStatus.SENT;
    }
    incident.persistedTimeline = incident.timeline.size();
    return incident;
  }

  /** An immutable copy for listeners, the store and API callers. */
  public Incident snapshot() {
    return new Incident(id, householdId, cause, severity, state, policy, openedAt, updatedAt,
        acceptedBy, eta, assignee, attachCount, step, round, nextEscalationAt, deviceId, summary,
        details, timeline, List.copyOf(pages.values()));
  }

  /** Adds a timeline entry; every change of an incident goes through here. */
  public void record(Instant at, String actor, String action, String detail, String messageKey) {
    timeline.add(new TimelineEntry(at, actor, action, detail, messageKey));
    updatedAt = at;
    remember(messageKey, action);
  }

  /** A repeat or related signal joins the incident: counted and recorded, never paged again. */
  public void attach(Signal signal, Instant now) {
    attachCount++;
    if (signal.severity() != null && signal.severity().compareTo(severity) < 0) {
      severity = signal.severity();
    }
    if (!signal.details().isEmpty()) {
      details = Map.copyOf(signal.details());
    }
    record(now, Actions.device(signal.deviceId()), Actions.ATTACHED, signal.summary(),
        signal.messageKey());
  }

  /**
   * True when a signal of this kind from this message is already on the record: the message was
   * redelivered, or a second rule concluded the same. Other kinds from one message all apply.
   */
  public boolean hasSeen(String messageKey, Signal.Kind kind) {
    return messageKey != null && messageKeys.contains(messageKey + "|" + category(kind));
  }

  /** Moves to a new state; the caller has checked the transition and records why. */
  public void moveTo(IncidentState newState, Instant now) {
    state = newState;
    updatedAt = now;
    if (!newState.isOpen() || newState == IncidentState.ON_SITE) {
      nextEscalationAt = null;
    }
  }

  /** Records who accepted and when they expect to arrive. */
  public void accepted(String actor, Instant expectedAt, Instant now) {
    acceptedBy = actor;
    eta = expectedAt;
    moveTo(IncidentState.ACCEPTED, now);
  }

  /** Forgets an acceptance whose ETA passed without anyone on site. */
  public void acceptanceLapsed(Instant now) {
    acceptedBy = null;
    eta = null;
    moveTo(IncidentState.PAGED, now);
  }

  public void assign(String assigneeId, Instant now) {
    assignee = assigneeId;
    updatedAt = now;
  }

  /** Where escalation is now and when it acts next. */
  public void escalation(int newStep, int newRound, Instant next) {
    step = newStep;
    round = newRound;
    nextEscalationAt = next;
  }

  public void nextEscalationAt(Instant next) {
    nextEscalationAt = next;
  }

  /** Adds or replaces the record of one page. */
  public void putPage(PageRecord page, Instant now) {
    pages.put(page.idempotencyKey(), page);
    updatedAt = now;
  }

  public PageRecord page(String idempotencyKey) {
    return pages.get(idempotencyKey);
  }

  public Collection<PageRecord> pages() {
    return pages.values();
  }

  /** True once any page has reached anyone: a resident's cancel no longer stops the incident. */
  public boolean anyPageDelivered() {
    for (PageRecord page : pages.values()) {
      if (page.status() == DeliveryStatus.SENT) {
        return true;
      }
    }
    return false;
  }

  /** True while some page is still waiting or being sent. */
  public boolean hasPendingPages() {
    for (PageRecord page : pages.values()) {
      if (page.status() == DeliveryStatus.QUEUED) {
        return true;
      }
    }
    return false;
  }

  /** Marks the first delivered page; returns true only the first time (for the latency metric). */
  public boolean firstPageDelivered() {
    boolean first = !firstPageSent;
    firstPageSent = true;
    return first;
  }

  /** Timeline entries already written to the store. */
  public int persistedTimeline() {
    return persistedTimeline;
  }

  public void markPersisted(int entries) {
    persistedTimeline = Math.max(persistedTimeline, entries);
  }

  public String id() {
    return id;
  }

  public String householdId() {
    return householdId;
  }

  public Cause cause() {
    return cause;
  }

  public String policy() {
    return policy;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public IncidentState state() {
    return state;
  }

  public String acceptedBy() {
    return acceptedBy;
  }

  public Instant eta() {
    return eta;
  }

  public int step() {
    return step;
  }

  public int round() {
    return round;
  }

  public Instant nextEscalationAt() {
    return nextEscalationAt;
  }

  private void remember(String messageKey, String action) {
    if (messageKey != null && messageKeys.size() < MAX_REMEMBERED_KEYS) {
      messageKeys.add(messageKey + "|" + category(action));
    }
  }

  private static String category(Signal.Kind kind) {
    return switch (kind) {
      case RAISE, ESCALATE -> "raise";
      case CLEARED -> Actions.CLEARED;
      case RESIDENT_CANCEL -> Actions.RESIDENT_CANCEL;
      case ON_SITE_BY_BUTTON -> "button";
    };
  }

  private static String category(String action) {
    return switch (action) {
      case Actions.RAISED, Actions.ATTACHED -> "raise";
      case Actions.ON_SITE, Actions.BUTTON_PRESS -> "button";
      default -> action;
    };
  }

  @Override
  public String toString() {
    return "OpenIncident[" + id + ", " + householdId + ", " + cause.label() + ", " + state + "]";
  }
}
