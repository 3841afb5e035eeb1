package io.shouwang.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing: after {@code maxFailures} failed logins within {@code window} for one
 * username, or {@code maxFailures * 4} from one client address, further attempts are refused
 * until the oldest failure leaves the window, whether or not the password is then right. Bounded:
 * the least recently failed keys are forgotten first. Thread-safe.
 */
public final class LoginThrottle {

  private static final int MAX_KEYS = 10_000;
  private static final int ADDRESS_FACTOR = 4;

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
      return size() > MAX_KEYS;
    }
  };

  public LoginThrottle(int maxFailures, Duration window, Clock clock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  /** How long this username/address must wait before trying again, or empty if it may try now. */
  public synchronized Optional<Duration> retryAfter(String username, String address) {
    Instant now = clock.instant();
    Optional<Duration> byUser = wait("u:" + username, maxFailures, now);
    Optional<Duration> byAddress = wait("a:" + address, maxFailures * ADDRESS_FACTOR, now);
    if (byUser.isPresent() && byAddress.isPresent()) {
      return byUser.get().compareTo(byAddress.get()) > 0 ? byUser : byAddress;
    }
    return byUser.isPresent() ? byUser : byAddress;
  }

  public synchronized void failed(String username, String address) {
    Instant now = clock.instant();
    failures.computeIfAbsent("u:" + username, k -> new ArrayDeque<>()).addLast(now);
    failures.computeIfAbsent("a:" + address, k -> new ArrayDeque<>()).addLast(now);
  }

  /** A successful login clears the username's failures (not the address's). */
  public synchronized void succeeded(String username) {
    failures.remove("u:" + username);
  }

  private Optional<Duration> wait(String key, int limit, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Optional.empty();
    }
    Instant cutoff = now.minus(window);
    for (Iterator<Instant> it = times.iterator(); it.hasNext(); ) {
      if (!it.next().isAfter(cutoff)) {
        it.remove();
      } else {
        break;
      }
    }
    if (times.isEmpty()) {
      failures.remove(key);
      return Optional.empty();
    }
    if (times.size() < limit) {
      return Optional.empty();
    }
    Duration left = Duration.between(now, times.peekFirst().plus(window));
    return Optional.of(left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left);
  }
}
