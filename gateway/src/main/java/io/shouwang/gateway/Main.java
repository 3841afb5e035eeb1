package io.shouwang.gateway;

import io.shouwang.gateway.config.ConfigException;
import io.shouwang.gateway.config.ConfigLoader;
import io.shouwang.gateway.config.GatewayConfig;
import io.shouwang.gateway.ingest.AlertPath;
import io.shouwang.registry.Registry;
import io.shouwang.registry.RegistryException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Reads configuration and the registry, starts the gateway, and stops it on shutdown. */
public final class Main {

  private Main() {}

  /** Our logging config; the embedded broker's jar ships a logback.xml of its own. */
  static final String LOGBACK_CONFIG = "shouwang-logback.xml";

  public static void main(String[] args) throws Exception {
    // Before anything creates a logger.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
    }
    if (args.length == 1 && "hash-password".equals(args[0])) {
      System.exit(HashPasswordCommand.run(System.console(), System.in, System.out, System.err));
      return;
    }
    Optional<Path> configFile = Optional.empty();
    if (args.length == 2 && "--config".equals(args[0])) {
      configFile = Optional.of(Path.of(args[1]));
    } else if (args.length != 0) {
      System.err.println("usage: shouwang-gateway [--config gateway.yaml]\n"
          + "       shouwang-gateway hash-password   (prints a hash for the registry's users)");
      System.exit(2);
    }
    GatewayConfig config;
    Registry registry;
    try {
      config = ConfigLoader.load(configFile, System.getenv());
      registry = Registries.load(config.registryFile());
    } catch (ConfigException | RegistryException e) {
      System.err.println("shouwang-gateway: " + e.getMessage());
      System.exit(2);
      return;
    }
    Gateway gateway;
    try {
      gateway = Gateway.start(config, registry, AlertPath.NONE, Clock.systemUTC())
          .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      // Some values are only found unusable when used, e.g. a key store with a wrong password.
      if (e.getCause() instanceof ConfigException bad) {
        System.err.println("shouwang-gateway: " + bad.getMessage());
        System.exit(2);
        return;
      }
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        gateway.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("shouwang-gateway: unclean stop: " + e.getMessage());
      }
    }, "shouwang-shutdown"));
    System.out.println(Banner.text(config, registry, gateway));
  }
}
