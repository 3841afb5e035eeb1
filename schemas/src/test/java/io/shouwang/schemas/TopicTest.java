package io.shouwang.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicTest {

  @ParameterizedTest
  @CsvSource({
    "shouwang/v1/event/btn-0001, EVENT, btn-0001, PROTOBUF",
    "shouwang/v1/telemetry/hm.12_a, TELEMETRY, hm.12_a, PROTOBUF",
    "shouwang/v1/result/valve-9/json, COMMAND_RESULT, valve-9, JSON",
    "shouwang/v1/command/valve-9, COMMAND, valve-9, PROTOBUF"
  })
  void parsesWellFormedTopicsAndPrintsThemBack(
      String path, MessageClass messageClass, String deviceId, Encoding encoding) {
    Topic topic = Topic.parse(path).orElseThrow();

    assertThat(topic.messageClass()).isEqualTo(messageClass);
    assertThat(topic.deviceId()).isEqualTo(deviceId);
    assertThat(topic.encoding()).isEqualTo(encoding);
    assertThat(topic.path()).isEqualTo(path);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "shouwang/v1",
        "shouwang/v1/event",
        "shouwang/v1/event/",
        "shouwang/v2/event/btn-1",
        "shouwang/v1/alarm/btn-1",
        "shouwang/v1/event/btn-1/xml",
        "shouwang/v1/event/btn-1/json/extra",
        "shouwang/v1/event/-starts-with-dash",
        "shouwang/v1/event/has space",
        "other/v1/event/btn-1"
      })
  void rejectsMalformedTopics(String path) {
    assertThat(Topic.parse(path)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void rejectsDeviceIdLongerThan64Characters() {
    String longId = "a".repeat(65);

    assertThat(Topic.parse("shouwang/v1/event/" + longId)).isEmpty();
    assertThatThrownBy(() -> new Topic(MessageClass.EVENT, longId, Encoding.JSON))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void filterMatchesBothEncodingsOfOneClass() {
    assertThat(Topic.filterFor(MessageClass.EVENT)).isEqualTo("shouwang/v1/event/#");
  }
}
