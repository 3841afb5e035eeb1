package io.shouwang.gateway.notify.email;

import io.shouwang.alerting.notify.ChannelException;
import io.shouwang.alerting.notify.NotificationChannel;
import io.shouwang.alerting.notify.Page;
import io.shouwang.alerting.notify.Recipient;
import io.shouwang.gateway.notify.Deadline;
import io.shouwang.gateway.notify.Redactor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each page as an e-mail over SMTP: subject = title, plain-text body with the accept link,
 * optionally a simple HTML part. Every retry of a page carries the same Message-ID and
 * {@code X-Shouwang-Idempotency-Key}, so duplicates can be recognised.
 */
public final class EmailChannel implements NotificationChannel {

  /** The channel's name, as pages and configuration refer to it. */
  public static final String NAME = "email";

  private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);

  private final Vertx vertx;
  private final EmailOptions options;
  private final MailClient client;
  private final Redactor redactor;
  private final String target;

  /** A channel with its own SMTP connection pool; {@link #close()} releases it. */
  public EmailChannel(Vertx vertx, EmailOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.target = options.host() + ":" + options.port();
    this.redactor = Redactor.hiding(Arrays.asList(options.password(), options.username()));
    MailConfig config =
        new MailConfig()
            .setHostname(options.host())
            .setPort(options.port())
            .setStarttls(options.starttls())
            .setSsl(options.ssl())
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.timeout().toMillis()))
            .setLogin(options.authenticates() ? LoginOption.REQUIRED : LoginOption.DISABLED);
    if (options.authenticates()) {
      config.setUsername(options.username()).setPassword(options.password());
    }
    this.client = MailClient.create(vertx, config);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean canReach(Recipient recipient) {
    return recipient.email() != null && !recipient.email().isBlank();
  }

  @Override
  public Future<String> send(Page page) {
    Recipient recipient = page.recipient();
    if (!canReach(recipient)) {
      return Future.failedFuture(
          ChannelException.forStatus(
              "email: recipient " + recipient.id() + " has no e-mail address", 400, null));
    }
    MailMessage message;
    try {
      message = EmailMessages.build(page, options.from(), options.html());
    } catch (RuntimeException e) {
      return Future.failedFuture(fail(400, "message rejected before sending", e, recipient));
    }
    return Deadline.within(vertx, client.sendMail(message), options.timeout())
        .compose(
            result -> Future.succeededFuture(NAME + ": " + result.getMessageID()),
            error -> Future.<String>failedFuture(
                fail(SmtpStatus.of(error), SmtpStatus.describe(error), error, recipient)))
        .onComplete((receipt, error) -> {
          if (error == null) {
            LOG.debug("email page {} delivered: {}", page.idempotencyKey(), receipt);
          } else {
            LOG.debug("email page {} not delivered", page.idempotencyKey(), error);
          }
        });
  }

  /** Closes the SMTP connection pool. */
  public Future<Void> close() {
    return client.close();
  }

  private ChannelException fail(int status, String what, Throwable cause, Recipient recipient) {
    Redactor forPage = redactor.and(recipient.email(), recipient.phone());
    return ChannelException.forStatus(
        NAME + ": " + what + " from " + target, status, forPage.scrub(cause));
  }
}
