package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.workflow.WorkflowClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {

  @Test
  void shouldServeGatewayUntilStoppedWhenRunWithPortZero() throws Exception {
    // given
    Path dir = Files.createTempDirectory("baton-serve-");
    StringWriter out = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serve = new Thread(() -> {
      CommandLine cli = new CommandLine(new BatonCli());
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(new StringWriter(), true));
      exit.set(cli.execute("serve", "--port", "0", "--db",
          "jdbc:h2:file:" + dir.resolve("baton") + ";DB_CLOSE_ON_EXIT=FALSE"));
    });

    // when
    serve.start();
    Pattern address = Pattern.compile("listening on (http://\\S+)");
    Matcher m = address.matcher("");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!m.find() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      m = address.matcher(out.toString());
    }

    // then
    assertThat(out.toString()).contains("listening on");
    try (var client = WorkflowClients.embedded(URI.create(m.group(1)))) {
      assertThat(client.newTopologyRequest().send().join().getBrokers()).hasSize(1);
    }
    serve.interrupt();
    serve.join(30_000);
    assertThat(exit.get()).isEqualTo(0);
  }
}
