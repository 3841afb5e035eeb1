package io.shouwang.alerting.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rule's {@link RuleState} as the entries it marks when they change. Marking is a flag and, the
 * first time since the last save, a list append: nothing is allocated on the message path, and an
 * entry changed a hundred times between two saves is written once, with its latest value, which
 * is encoded only when the save collects it.
 */
final class KeptEntries implements RuleState {

  private static final Logger LOG = LoggerFactory.getLogger(KeptEntries.class);

  /** Something a rule keeps across a restart under one key. */
  abstract static class Entry {
    private boolean changed;

    /** Its key within the rule. */
    abstract String key();

    /** Its value as stored, or null when there is nothing worth keeping (the stored one goes). */
    abstract String encode();
  }

  /** A stored entry nobody wants any more. */
  private static final class Gone extends Entry {
    private final String key;

    Gone(String key) {
      this.key = key;
    }

    @Override
    String key() {
      return key;
    }

    @Override
    String encode() {
      return null;
    }
  }

  private final String name;
  private final List<Entry> changed = new ArrayList<>();
  private int unreadable;

  KeptEntries(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  /** Marks an entry for the next save. */
  void changed(Entry entry) {
    if (!entry.changed) {
      entry.changed = true;
      changed.add(entry);
    }
  }

  /** Removes a stored entry that is no longer needed (say, of a device no longer registered). */
  void forget(String key) {
    changed(new Gone(key));
  }

  /**
   * A stored entry the rule cannot read (a bug, or a hand-edited file): it is removed and its
   * state starts afresh; {@link #reportUnreadable()} says how many there were.
   */
  void unreadable(String key) {
    unreadable++;
    forget(key);
  }

  /** After restoring: one warning for all unreadable entries; keys and values stay out of it. */
  void reportUnreadable() {
    if (unreadable > 0) {
      LOG.warn("{} saved {} state entries could not be read and start afresh", unreadable, name);
      unreadable = 0;
    }
  }

  @Override
  public void takeChanges(BiConsumer<String, String> out) {
    for (Entry entry : changed) {
      entry.changed = false;
      out.accept(entry.key(), entry.encode());
    }
    changed.clear();
  }
}
