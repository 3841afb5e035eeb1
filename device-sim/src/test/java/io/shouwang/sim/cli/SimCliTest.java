package io.shouwang.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.sim.registry.GenerationSettings;
import io.shouwang.sim.registry.RegistryGenerator;
import io.shouwang.sim.testing.EmbeddedBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimCliTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return SimCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void registryPrintsTheGeneratedFile() {
    int code = run("registry", "--households", "30", "--seed", "9");

    assertThat(code).isZero();
    assertThat(out.toString())
        .isEqualTo(RegistryGenerator.yaml(new GenerationSettings(30, 0, 0.1, 0.1, 9)));
  }

  @Test
  void registryWritesToAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("r.yaml");

    int code = run("registry", "--households", "3", "--out", file.toString());

    assertThat(code).isZero();
    assertThat(Files.readString(file)).contains("hh-0003").contains("btn-0003");
  }

  @Test
  void unknownScenarioIsAUsageError() {
    int code = run("scenario", "earthquake");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown scenario 'earthquake'").contains("gas-leak");
  }

  @Test
  void registryAndHouseholdsTogetherAreAUsageError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("r.yaml");
    Files.writeString(file, RegistryGenerator.yaml(new GenerationSettings(1, 0, 0, 0, 1)));

    int code = run("run", "--registry", file.toString(), "--households", "3");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("either --registry or --households");
  }

  @Test
  void badRegistryIsAUsageErrorNamingTheKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("r.yaml");
    Files.writeString(file, "communities: 3\n");

    int code = run("run", "--registry", file.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("communities");
  }

  @Test
  void unreachableBrokerIsARuntimeFailureThatSaysSoWithoutThePassword() throws Exception {
    int closedPort = EmbeddedBroker.freePort();

    int code =
        run(
            "scenario",
            "press",
            "--broker",
            "tcp://127.0.0.1:" + closedPort,
            "--connect-attempts",
            "1",
            "--households",
            "1",
            "--username",
            "alice",
            "--password",
            "s3cret-pw");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains("unreachable after 1 attempts")
        .contains(String.valueOf(closedPort));
    assertThat(out.toString() + err).doesNotContain("s3cret-pw");
  }

  @Test
  void durationsAreReadAsPeopleTypeThemInEveryCommand() {
    // GIVEN durations in several units, on options of the shared and the command's own options
    // WHEN they parse (defaults included), the command gets as far as checking its own options
    int code = run("load", "--connections", "0", "--duration", "250ms", "--drain-timeout", "1m");

    // THEN the only complaint is the one that comes after parsing
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--connections must be at least 1");
  }

  @Test
  void unreadableDurationIsAUsageErrorShowingTheFormat() {
    int code = run("scenario", "press", "--step", "soon");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("'soon' is not a duration (e.g. 250ms, 60s");
  }

  @Test
  void helpListsEveryCommandAndExitsZero() {
    int code = run("--help");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("run", "scenario", "load", "registry");
  }
}
