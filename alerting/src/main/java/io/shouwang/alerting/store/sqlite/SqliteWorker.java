package io.shouwang.alerting.store.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * One SQLite file behind one connection, used only from one named worker thread, in submission
 * order: the event loop never waits on the disk and writes never interleave. Each store of this
 * package owns one.
 */
final class SqliteWorker {

  /** Prepares a fresh connection: pragmas and schema. */
  @FunctionalInterface
  interface Setup {
    void apply(Connection connection) throws SQLException;
  }

  /** Work on the connection, run on the worker thread. */
  @FunctionalInterface
  interface Work<T> {
    T on(Connection connection) throws Exception;
  }

  private final Vertx vertx;
  private final Path dbFile;
  private final String poolName;
  private final String what;
  private volatile WorkerExecutor worker;
  // Touched only by the single worker thread; volatile because the pool may swap that thread.
  private volatile Connection connection;

  /**
   * @param poolName the worker pool's name, visible in thread dumps and blocked-thread warnings
   * @param what the store's name in errors, e.g. "incident store"
   */
  SqliteWorker(Vertx vertx, Path dbFile, String poolName, String what) {
    this.vertx = vertx;
    this.dbFile = dbFile;
    this.poolName = poolName;
    this.what = what;
  }

  /** Creates the file's folder, connects and applies {@code setup}. */
  Future<Void> open(Setup setup) {
    worker = vertx.createSharedWorkerExecutor(poolName, 1, 2, TimeUnit.MINUTES);
    return submit(() -> {
      Path parent = dbFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath());
      try {
        setup.apply(c);
      } catch (SQLException e) {
        c.close();
        throw e;
      }
      connection = c;
      return null;
    });
  }

  /** Runs work on the open connection; fails if the store is not open. */
  <T> Future<T> run(Work<T> work) {
    return submit(() -> work.on(connection()));
  }

  /** Runs work as one transaction: committed if it returns, rolled back if it throws. */
  Future<Void> transaction(Work<?> work) {
    return submit(() -> {
      Connection c = connection();
      c.setAutoCommit(false);
      try {
        work.on(c);
        c.commit();
      } catch (Exception e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
      return null;
    });
  }

  /** Closes the connection, then the worker. */
  Future<Void> close() {
    if (worker == null) {
      return Future.succeededFuture();
    }
    WorkerExecutor closing = worker;
    return this.<Void>submit(() -> {
      if (connection != null) {
        connection.close();
        connection = null;
      }
      return null;
    }).eventually(closing::close);
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      throw new SQLException(what + " is not open");
    }
    return connection;
  }

  private <T> Future<T> submit(Callable<T> work) {
    if (worker == null) {
      return Future.failedFuture(new IllegalStateException(what + " is not open"));
    }
    return worker.executeBlocking(work, true);
  }
}
