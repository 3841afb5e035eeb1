package io.shouwang.alerting;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;

/**
 * Gives the engine a context of its own on a thread of its own: every stage runs on that one
 * thread, in order. Not an event loop: Vert.x hands out its few event loops round robin, so the
 * engine would share one with ingest's telemetry lanes, and a press would wait behind their work.
 */
final class EngineVerticle extends VerticleBase {

  /** The engine's one thread, named so it shows in thread dumps and profiles. */
  static final String THREAD_POOL = "shouwang-alert-engine";

  /**
   * One worker thread: ordered, like an event loop. Shared only with work that hands events to the
   * engine (the gateway's event lane), never with telemetry lanes.
   */
  static DeploymentOptions deployment() {
    return new DeploymentOptions()
        .setThreadingModel(ThreadingModel.WORKER)
        .setWorkerPoolName(THREAD_POOL)
        .setWorkerPoolSize(1);
  }

  Context engineContext() {
    return context;
  }
}
