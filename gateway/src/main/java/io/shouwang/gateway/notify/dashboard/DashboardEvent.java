package io.shouwang.gateway.notify.dashboard;

import io.shouwang.alerting.notify.Page;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One notification on the live dashboard stream: a page, or an incident update the engine
 * publishes directly (acknowledged, resolved).
 *
 * @param kind "page" for pages; other kinds name incident updates
 * @param incidentId the incident it belongs to
 * @param recipientId who was paged, or null for incident updates
 * @param title one line for the wall display
 * @param body the details
 * @param acceptUrl where to accept, or null
 * @param data machine-readable fields (household, cause, severity, ...)
 * @param at when it happened
 * @param idempotencyKey lets a dashboard that reconnects drop events it already shows
 */
public record DashboardEvent(
    String kind,
    String incidentId,
    String recipientId,
    String title,
    String body,
    String acceptUrl,
    Map<String, String> data,
    Instant at,
    String idempotencyKey) {

  /** The kind of events made from pages. */
  public static final String PAGE = "page";

  public DashboardEvent {
    Objects.requireNonNull(kind, "kind");
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  /** The event for a page. */
  public static DashboardEvent of(Page page) {
    return new DashboardEvent(PAGE, page.incidentId(), page.recipient().id(), page.title(),
        page.body(), page.acceptUrl(), page.data(), page.createdAt(), page.idempotencyKey());
  }

  @Override
  public String toString() {
    // Titles and bodies name the resident and the flat: identifiers only.
    return "DashboardEvent[" + kind + ", " + incidentId + ", " + idempotencyKey + "]";
  }
}
