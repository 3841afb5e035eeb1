package io.shouwang.alerting.rules;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.DeviceMessage;
import io.shouwang.alerting.Signal;
import io.shouwang.schemas.v1.Envelope;
import java.time.Instant;
import java.util.Map;

/** A press of the service button is a service request for the community center. */
final class ServiceButtonRule implements Rule {

  @Override
  public RuleOutput onMessage(DeviceMessage message) {
    if (message.envelope().getPayloadCase() != Envelope.PayloadCase.SERVICE_BUTTON) {
      return RuleOutput.NONE;
    }
    String code = message.envelope().getServiceButton().getServiceCode();
    return RuleOutput.of(
        Signals.of(
            Signal.Kind.RAISE,
            Cause.SERVICE_REQUEST,
            message,
            "service requested",
            Map.of("service_code", code)));
  }

  @Override
  public RuleOutput onTick(Instant now) {
    return RuleOutput.NONE;
  }
}
