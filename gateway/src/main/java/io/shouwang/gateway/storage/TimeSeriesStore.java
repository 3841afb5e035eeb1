package io.shouwang.gateway.storage;

import java.util.List;

/** A time-series store reached over the InfluxDB v2 write API. Blocking; worker threads only. */
public interface TimeSeriesStore extends AutoCloseable {

  /** Writes line-protocol lines (one point per line, precision ns) in one request. */
  void write(List<String> lines) throws StoreException;

  /** Whether the store answers at all (cheap); a write may still be refused. */
  boolean ping();

  @Override
  void close();
}
