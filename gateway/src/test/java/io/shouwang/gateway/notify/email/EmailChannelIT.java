package io.shouwang.gateway.notify.email;

import static io.shouwang.gateway.notify.Futures.await;
import static io.shouwang.gateway.notify.Futures.failure;
import static io.shouwang.gateway.notify.Futures.printed;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.shouwang.alerting.notify.ChannelException;
import io.shouwang.alerting.notify.Page;
import io.shouwang.alerting.notify.Recipient;
import io.shouwang.gateway.notify.LogCapture;
import io.shouwang.gateway.notify.Pages;
import io.shouwang.gateway.testing.FreePorts;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.ext.mail.StartTLSOptions;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The e-mail channel against a real SMTP server (GreenMail): the contract's semantics where they
 * apply to SMTP. Delivered mail has subject, body and dedup headers; no answer is retryable; a
 * refused login is not; neither the password nor an address reaches an exception or a log.
 */
@Timeout(60)
class EmailChannelIT {

  private static final String USER = "pager";
  private static final String PASSWORD = "smtp-pass-9f8e7d6c";
  private static final String FROM = "守望 <alerts@shouwang.example.org>";

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
          .dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser("pager@example.org", USER, PASSWORD));

  private Vertx vertx;
  private LogCapture logs;

  @BeforeEach
  void start() {
    logs = new LogCapture();
    vertx = Vertx.vertx();
  }

  @AfterEach
  void noPasswordOrAddressInAnyLogLine() throws Exception {
    try {
      // GreenMail is the receiving server here; its logs are not ours.
      for (String line : logs.lines("com.icegreen")) {
        assertThat(line).doesNotContain(PASSWORD, Pages.EMAIL, Pages.PHONE);
      }
    } finally {
      logs.close();
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void deliveredMessageHasSubjectBodyLinkAndIdempotencyHeaders() throws Exception {
    EmailChannel channel = channel(smtpPort(), PASSWORD, Duration.ofSeconds(20), false);
    Page page = Pages.page("email");

    String receipt = await(channel.send(page));

    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage message = received[0];
    assertThat(message.getSubject()).isEqualTo(page.title());
    assertThat(message.getAllRecipients()[0].toString()).isEqualTo(Pages.EMAIL);
    assertThat(GreenMailUtil.getBody(message)).isNotBlank();
    assertThat((String) message.getContent()).contains("地点：3号楼 502", Pages.ACCEPT_URL);
    assertThat(message.getHeader(EmailMessages.IDEMPOTENCY_HEADER, null))
        .isEqualTo(page.idempotencyKey());
    String messageId =
        EmailMessages.messageId(page.idempotencyKey(), "shouwang.example.org");
    assertThat(message.getHeader("Message-ID")).containsExactly(messageId);
    assertThat(receipt).isEqualTo("email: " + messageId);
  }

  @Test
  void everyAttemptCarriesTheSameMessageId() throws Exception {
    EmailChannel channel = channel(smtpPort(), PASSWORD, Duration.ofSeconds(20), false);
    Page page = Pages.page("email");

    await(channel.send(page));
    await(channel.send(page));

    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID());
  }

  @Test
  void htmlOptionAddsAnEscapedHtmlPart() throws Exception {
    EmailChannel channel = channel(smtpPort(), PASSWORD, Duration.ofSeconds(20), true);

    await(channel.send(Pages.page("email")));

    MimeMultipart parts = (MimeMultipart) SMTP.getReceivedMessages()[0].getContent();
    String html = (String) parts.getBodyPart(parts.getCount() - 1).getContent();
    assertThat(html).contains("<a href=\"" + Pages.ACCEPT_URL + "\">", "3号楼 502<br>");
  }

  @Test
  void unreachableSmtpPortIsRetryable() throws Exception {
    EmailChannel channel = channel(FreePorts.next(), PASSWORD, Duration.ofSeconds(20), false);

    ChannelException e = failure(channel.send(Pages.page("email")));

    assertThat(e.retryable()).isTrue();
    assertThat(e.status()).isZero();
    assertThat(printed(e)).doesNotContain(PASSWORD, Pages.EMAIL);
  }

  @Test
  void serverThatNeverGreetsTimesOutRetryable() throws Exception {
    NetServer silent = vertx.createNetServer().connectHandler(socket -> { })
        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    EmailChannel channel =
        channel(silent.actualPort(), PASSWORD, Duration.ofMillis(700), false);

    ChannelException e = failure(channel.send(Pages.page("email")));

    assertThat(e.retryable()).isTrue();
    assertThat(e.status()).isZero();
    assertThat(printed(e)).doesNotContain(PASSWORD, Pages.EMAIL);
  }

  @Test
  void refusedLoginIsNotRetryableAndNeverShowsThePassword() throws Exception {
    String wrong = "wrong-pass-1a2b3c4d";
    EmailChannel channel = channel(smtpPort(), wrong, Duration.ofSeconds(20), false);

    ChannelException e = failure(channel.send(Pages.page("email")));

    assertThat(e.retryable()).isFalse();
    assertThat(e.status()).isEqualTo(401);
    assertThat(printed(e)).doesNotContain(wrong, PASSWORD, Pages.EMAIL);
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void keyThatWouldInjectAHeaderIsRefusedForGoodAndNothingIsSent() throws Exception {
    EmailChannel channel = channel(smtpPort(), PASSWORD, Duration.ofSeconds(20), false);
    Page valid = Pages.page("email");
    Page injecting = new Page(valid.idempotencyKey() + "\r\nBcc: x@evil.example", "inc-42",
        "email", valid.recipient(), valid.title(), valid.body(), valid.acceptUrl(), valid.data(),
        valid.createdAt());

    ChannelException e = failure(channel.send(injecting));

    assertThat(e.retryable()).isFalse();
    assertThat(e.status()).isEqualTo(400);
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void reachesOnlyRecipientsWithAnAddress() {
    EmailChannel channel = channel(smtpPort(), PASSWORD, Duration.ofSeconds(20), false);

    assertThat(channel.canReach(Pages.caregiver())).isTrue();
    assertThat(channel.canReach(new Recipient("f-1", "王强", "family", "zh", "+86139", null)))
        .isFalse();
  }

  private int smtpPort() {
    return SMTP.getSmtp().getPort();
  }

  private EmailChannel channel(int port, String password, Duration timeout, boolean html) {
    return new EmailChannel(vertx, new EmailOptions("127.0.0.1", port, StartTLSOptions.DISABLED,
        false, USER, password, FROM, timeout, html));
  }
}
