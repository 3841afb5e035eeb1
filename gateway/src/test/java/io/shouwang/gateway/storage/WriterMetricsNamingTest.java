package io.shouwang.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.shouwang.gateway.storage.spool.DiskSpool;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterMetricsNamingTest {

  @TempDir Path dir;

  @Test
  void prometheusShowsTheDocumentedMetricNames() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    WriterMetrics metrics =
        new WriterMetrics(registry, "events", new DiskSpool(dir, 100), () -> true);

    metrics.written(3);
    metrics.spooled(1);
    metrics.replayed(1);
    metrics.rejected(1);
    metrics.failure("unreachable");
    metrics.stopWrite(metrics.startWrite());
    String scrape = registry.scrape();

    assertThat(scrape).contains(
        "shouwang_points_written_total{writer=\"events\"} 3.0",
        "shouwang_points_spooled_total{writer=\"events\"} 1.0",
        "shouwang_points_replayed_total{writer=\"events\"} 1.0",
        "shouwang_points_rejected_total{writer=\"events\"} 1.0",
        "shouwang_write_failures_total{reason=\"unreachable\",writer=\"events\"} 1.0",
        "shouwang_spool_batches{writer=\"events\"} 0.0",
        "shouwang_spool_bytes{writer=\"events\"} 0.0",
        "shouwang_spool_full{writer=\"events\"} 1.0",
        "shouwang_write_latency_seconds_count{writer=\"events\"} 1");
  }
}
