package io.shouwang.alerting.rules;

import java.util.function.BiConsumer;

/**
 * The part of a rule's state that survives a restart: entries keyed within the rule, each a short
 * text. The engine collects what changed every save interval and stores it; at the next start the
 * rule gets its entries back in {@link Restart#ruleState(String)}. Saves lag behind by up to one
 * interval and may be lost, so a rule keeps only what it can do without. Engine thread only.
 */
public interface RuleState {

  /** The name its entries are stored under; unique among the rules and never changed. */
  String name();

  /**
   * Hands every entry changed since the last call to {@code out} (key, value; a null value removes
   * the entry) and forgets that they changed.
   */
  void takeChanges(BiConsumer<String, String> out);
}
