/**
 * Incidents: the live state, the incident stage (raise, dedup, attach), human actions and the
 * recorder. Public types here are public for the engine's wiring across its packages; the API of
 * the alerting module is {@code io.shouwang.alerting.AlertEngine} and its snapshot types.
 */
package io.shouwang.alerting.incident;
