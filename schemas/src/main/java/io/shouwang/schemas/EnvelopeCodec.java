package io.shouwang.schemas;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.shouwang.schemas.v1.Command;
import io.shouwang.schemas.v1.Envelope;
import java.nio.charset.StandardCharsets;

/** Encodes and decodes envelopes and commands in either encoding; one schema serves both. */
public final class EnvelopeCodec {

  private static final JsonFormat.Parser JSON_PARSER = JsonFormat.parser();
  private static final JsonFormat.Printer JSON_PRINTER =
      JsonFormat.printer().omittingInsignificantWhitespace();

  private EnvelopeCodec() {}

  /** Serialises a device envelope. */
  public static byte[] encode(Envelope envelope, Encoding encoding) {
    return encodeMessage(envelope, encoding);
  }

  /** Serialises a command for a device. */
  public static byte[] encode(Command command, Encoding encoding) {
    return encodeMessage(command, encoding);
  }

  /** Parses a device envelope; unknown JSON fields are an error, as they are in protobuf's JSON. */
  public static Envelope decodeEnvelope(byte[] payload, Encoding encoding)
      throws InvalidProtocolBufferException {
    if (encoding == Encoding.PROTOBUF) {
      return Envelope.parseFrom(payload);
    }
    Envelope.Builder builder = Envelope.newBuilder();
    JSON_PARSER.merge(new String(payload, StandardCharsets.UTF_8), builder);
    return builder.build();
  }

  /** Parses a command (used by devices and the simulator). */
  public static Command decodeCommand(byte[] payload, Encoding encoding)
      throws InvalidProtocolBufferException {
    if (encoding == Encoding.PROTOBUF) {
      return Command.parseFrom(payload);
    }
    Command.Builder builder = Command.newBuilder();
    JSON_PARSER.merge(new String(payload, StandardCharsets.UTF_8), builder);
    return builder.build();
  }

  private static byte[] encodeMessage(Message message, Encoding encoding) {
    if (encoding == Encoding.PROTOBUF) {
      return message.toByteArray();
    }
    try {
      return JSON_PRINTER.print(message).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      // Only Any fields with unknown types fail to print; our messages have none.
      throw new IllegalStateException("cannot print " + message.getDescriptorForType().getName(), e);
    }
  }
}
