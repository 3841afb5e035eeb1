package io.shouwang.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoreExceptionTest {

  @ParameterizedTest(name = "HTTP {0}: retryable={1}, bad data={2}, reason={3}")
  @CsvSource({
    "0,   true,  false, unreachable",
    "400, false, true,  bad_data",
    "401, false, false, unauthorized",
    "402, false, false, client_error",
    "403, false, false, unauthorized",
    "404, false, false, client_error",
    "408, true,  false, timeout",
    "413, false, true,  bad_data",
    "422, false, true,  bad_data",
    "429, true,  false, throttled",
    "500, true,  false, server_error",
    "503, true,  false, server_error"
  })
  void classifiesEachStatusOnceForRetryDeadLetterAndMetrics(
      int status, boolean retryable, boolean badData, String reason) {
    StoreException e = StoreException.forStatus(status, "refused", null);

    assertThat(e.retryable()).isEqualTo(retryable);
    assertThat(e.badData()).isEqualTo(badData);
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(WriterMetrics.reason(e)).isEqualTo(reason);
  }
}
