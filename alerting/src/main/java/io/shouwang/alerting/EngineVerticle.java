package io.shouwang.alerting;

import io.vertx.core.Context;
import io.vertx.core.VerticleBase;

/** Gives the engine a context of its own: every stage runs on its one event-loop thread. */
final class EngineVerticle extends VerticleBase {

  Context engineContext() {
    return context;
  }
}
