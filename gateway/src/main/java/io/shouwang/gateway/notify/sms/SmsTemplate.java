package io.shouwang.gateway.notify.sms;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMS gateway's request body with {@code {phone}}, {@code {text}} and
 * {@code {idempotencyKey}} placeholders, parsed once at start-up.
 *
 * <p>Values are escaped for the body's format, so a quote or a line break in a page's text can
 * neither break the gateway's JSON nor add a form field.
 */
final class SmsTemplate {

  static final String PHONE = "phone";
  static final String TEXT = "text";
  static final String IDEMPOTENCY_KEY = "idempotencyKey";
  private static final Set<String> KNOWN = Set.of(PHONE, TEXT, IDEMPOTENCY_KEY);
  // A brace followed by a name: JSON's own braces are followed by a quote, a brace or a space.
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)\\}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> literals;
  private final List<String> names;
  private final SmsBodyFormat format;

  private SmsTemplate(List<String> literals, List<String> names, SmsBodyFormat format) {
    this.literals = literals;
    this.names = names;
    this.format = format;
  }

  /** Parses and checks the template; errors name {@code sms.bodyTemplate}, never its text. */
  static SmsTemplate parse(String template, SmsBodyFormat format) {
    List<String> literals = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Set<String> unknown = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(template);
    int from = 0;
    while (matcher.find()) {
      String name = matcher.group(1);
      if (!KNOWN.contains(name)) {
        unknown.add(name);
        continue;
      }
      literals.add(template.substring(from, matcher.start()));
      names.add(name);
      from = matcher.end();
    }
    literals.add(template.substring(from));
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("sms.bodyTemplate has unknown placeholders " + unknown
          + " (expected {phone}, {text}, {idempotencyKey})");
    }
    if (!names.contains(PHONE) || !names.contains(TEXT)) {
      throw new IllegalArgumentException("sms.bodyTemplate must contain {phone} and {text}");
    }
    SmsTemplate parsed = new SmsTemplate(List.copyOf(literals), List.copyOf(names), format);
    if (format == SmsBodyFormat.JSON) {
      parsed.checkRendersJson();
    }
    return parsed;
  }

  /** The body with every placeholder replaced by its escaped value. */
  String render(Map<String, String> values) {
    StringBuilder body = new StringBuilder(literals.get(0));
    for (int i = 0; i < names.size(); i++) {
      body.append(escape(values.getOrDefault(names.get(i), ""))).append(literals.get(i + 1));
    }
    return body.toString();
  }

  private String escape(String value) {
    return switch (format) {
      case JSON -> new String(JsonStringEncoder.getInstance().quoteAsString(value));
      case FORM -> URLEncoder.encode(value, StandardCharsets.UTF_8);
    };
  }

  private void checkRendersJson() {
    String sample =
        render(Map.of(PHONE, "+8613800000000", TEXT, "say \"hi\"\nthen go", IDEMPOTENCY_KEY, "k"));
    try {
      JSON.readTree(sample);
    } catch (JsonProcessingException e) {
      // The message would quote the template, which may hold an inline API key: position only.
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column "
          + at.getColumnNr() + " once rendered)";
      throw new IllegalArgumentException("sms.bodyTemplate is not valid JSON with placeholders"
          + " inside quoted strings" + where);
    }
  }
}
