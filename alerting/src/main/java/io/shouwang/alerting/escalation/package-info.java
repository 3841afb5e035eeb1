/**
 * Escalation: who is paged when, deadlines that survive restarts, and the record of each page's
 * outcome. Public types here are public for the engine's wiring only.
 */
package io.shouwang.alerting.escalation;
