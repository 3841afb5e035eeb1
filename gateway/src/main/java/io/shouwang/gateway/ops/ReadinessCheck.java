package io.shouwang.gateway.ops;

import java.util.function.Supplier;

/** One named condition the gateway needs to do its job, with a short human-readable state. */
public record ReadinessCheck(String name, Supplier<Result> probe) {

  /** The outcome of one probe. */
  public record Result(boolean up, String detail) {
    public static Result up(String detail) {
      return new Result(true, detail);
    }

    public static Result down(String detail) {
      return new Result(false, detail);
    }
  }
}
