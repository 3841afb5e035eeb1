package io.shouwang.gateway.notify.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsTemplateTest {

  private static final String NASTY = "他说\"快来\"\n\\ then {text} & x=1\t\u0001end";

  @Test
  void jsonRenderingEscapesQuotesNewlinesAndBackslashes() throws Exception {
    SmsTemplate template = SmsTemplate.parse(
        "{\"to\":\"{phone}\",\"msg\":\"{text}\",\"ref\":\"{idempotencyKey}\"}",
        SmsBodyFormat.JSON);

    String body = template.render(Map.of("phone", "+8613900000000", "text", NASTY,
        "idempotencyKey", "inc-1:\"x\""));

    JsonNode json = new ObjectMapper().readTree(body);
    assertThat(json.get("msg").asText()).isEqualTo(NASTY);
    assertThat(json.get("to").asText()).isEqualTo("+8613900000000");
    assertThat(json.get("ref").asText()).isEqualTo("inc-1:\"x\"");
    assertThat(json.size()).isEqualTo(3);
  }

  @Test
  void formRenderingPercentEncodesSoNoFieldCanBeAdded() {
    SmsTemplate template =
        SmsTemplate.parse("mobile={phone}&content={text}", SmsBodyFormat.FORM);

    String body = template.render(Map.of("phone", "+8613900000000", "text", NASTY));

    Map<String, String> fields = Arrays.stream(body.split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(Collectors.toMap(pair -> pair[0],
            pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    assertThat(fields).containsOnlyKeys("mobile", "content");
    assertThat(fields.get("content")).isEqualTo(NASTY);
    assertThat(fields.get("mobile")).isEqualTo("+8613900000000");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "unknown placeholder | {\"to\":\"{phone}\",\"t\":\"{text}\",\"x\":\"{apiKey}\"} | "
        + "unknown placeholders [apiKey]",
    "no text             | {\"to\":\"{phone}\"} | must contain {phone} and {text}",
    "unquoted text       | {\"to\":\"{phone}\",\"t\":{text}} | not valid JSON",
    "broken JSON         | {\"to\":\"{phone}\",\"t\":\"{text}\" | not valid JSON"
  })
  void badTemplateFailsNamingTheKey(String why, String template, String message) {
    assertThatThrownBy(() -> SmsTemplate.parse(template, SmsBodyFormat.JSON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sms.bodyTemplate")
        .hasMessageContaining(message);
  }

  @Test
  void invalidJsonErrorDoesNotQuoteAnInlineKey() {
    assertThatThrownBy(() -> SmsTemplate.parse(
        "{\"key\":\"inline-key-123\",\"to\":\"{phone}\",\"t\":{text}}", SmsBodyFormat.JSON))
        .hasMessageNotContaining("inline-key-123");
  }
}
