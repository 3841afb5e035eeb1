package io.shouwang.gateway.notify.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsTextTest {

  private static final String LINK = "https://sw.example.org/a/8f3k2m";
  private static final String TITLE = "【紧急】王秀英 3号楼 502 按了紧急按钮";
  private static final String BODY = "王秀英（87岁）按了紧急按钮。\n\n地点：3号楼 502\n时间：08:15";

  @Test
  void shortPageIsTitleBodyAndLink() {
    String text = SmsText.compose("按了按钮", "3号楼 502", LINK, 70);

    assertThat(text).isEqualTo("按了按钮\n3号楼 502 " + LINK);
  }

  @Test
  void longPageIsCutWithAnEllipsisAndKeepsTheWholeLink() {
    String text = SmsText.compose(TITLE, BODY, LINK, 70);

    assertThat(text).hasSize(70).startsWith(TITLE).endsWith("… " + LINK);
  }

  @Test
  void linkQuotedInTheBodyIsSentOnceAtTheEnd() {
    String text = SmsText.compose(TITLE, BODY + "\n接警：" + LINK, LINK, 200);

    assertThat(text).endsWith(" " + LINK);
    assertThat(text.indexOf(LINK)).isEqualTo(text.lastIndexOf(LINK));
  }

  @Test
  void blankLinesInTheBodyAreCollapsed() {
    assertThat(SmsText.compose("t", "a\n\n\nb", null, 70)).isEqualTo("t\na\nb");
  }

  @Test
  void withoutALinkTheTextIsCutToTheLimit() {
    String text = SmsText.compose(TITLE, BODY, null, 30);

    assertThat(text).hasSize(30).startsWith(TITLE).endsWith("…");
  }

  @Test
  void linkLongerThanTheBudgetIsSentAlone() {
    String longLink = LINK + "/" + "x".repeat(60);

    assertThat(SmsText.compose(TITLE, BODY, longLink, 70)).isEqualTo(longLink);
  }

  @Test
  void cutNeverSplitsASurrogatePair() {
    String title = "a".repeat(18) + "😀😀😀";

    String text = SmsText.compose(title, null, null, 20);

    assertThat(text).isEqualTo("a".repeat(18) + "…");
    assertThat(text.chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
  }
}
