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
      exit.set(cli.execute("serve", "--port", "0", "--rest-port", "0", "--db",
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

  @Test
  void shouldRunTheBattlePackFromVisitToReleaseWhenBothReviewersApproveFromTheCli()
      throws Exception {
    // given
    Path dir = Files.createTempDirectory("baton-serve-");
    String db = "jdbc:h2:file:" + dir.resolve("baton") + ";DB_CLOSE_ON_EXIT=FALSE";
    StringWriter out = new StringWriter();
    Thread serve = new Thread(() -> {
      CommandLine cli = new CommandLine(new BatonCli());
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(out, true));
      cli.execute("serve", "--port", "0", "--rest-port", "0", "--db", db);
    });
    serve.start();
    String gateway = awaitMatch(out, Pattern.compile("listening on (http://\\S+)"));
    awaitMatch(out, Pattern.compile("(Battle-pack workflow deployed)"));

    try {
      // when
      Run started = run("visit", "start", "--demo", "--gateway", gateway);
      String legalPack = awaitMatch(() -> run("review", "list", "--role", "legal", "--db", db)
          .out, Pattern.compile("(BP-\\S+)"));
      awaitMatch(() -> run("review", "list", "--role", "finance", "--db", db).out,
          Pattern.compile("(" + Pattern.quote(legalPack) + ")"));
      Run legal = run("review", "approve", "--pack", legalPack, "--role", "legal",
          "--reviewer", "li.legal", "--db", db, "--gateway", gateway);
      Run twice = run("review", "reject", "--pack", legalPack, "--role", "legal",
          "--reviewer", "li.legal", "--comment", "again", "--db", db, "--gateway", gateway);
      Run finance = run("review", "approve", "--pack", legalPack, "--role", "finance",
          "--reviewer", "wang.finance", "--db", db, "--gateway", gateway);
      Run republished = run("review", "republish", "--pack", legalPack, "--role", "legal",
          "--db", db, "--gateway", gateway);

      // then
      assertThat(started.code).isZero();
      assertThat(started.out).contains("process instance");
      assertThat(legal.code).as(legal.err).isZero();
      assertThat(twice.code).isEqualTo(ExitCodes.INVALID);
      assertThat(twice.err).contains("already");
      assertThat(finance.code).as(finance.err).isZero();
      assertThat(republished.code).as(republished.err).isZero();
      assertThat(republished.out).contains("has " + legalPack + ":legal already",
          "nothing to publish");
      awaitMatch(() -> run("review", "show", "--pack", legalPack, "--db", db).out,
          Pattern.compile("(RELEASED)"));
      assertThat(run("review", "show", "--pack", legalPack, "--db", db).out)
          .contains("legal: APPROVED by li.legal", "finance: APPROVED by wang.finance");
    } finally {
      serve.interrupt();
      serve.join(30_000);
    }
  }

  @Test
  void shouldReportEveryProblemWhenTheVisitRequestIsIncomplete() {
    // when
    Run r = run("visit", "start", "--customer", "C-2002", "--channel", "SMOKE_SIGNAL",
        "--gateway", "http://127.0.0.1:1");

    // then
    assertThat(r.code).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err).contains("repId", "plannedDate", "channel");
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new BatonCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static String awaitMatch(StringWriter out, Pattern p) throws InterruptedException {
    return awaitMatch(out::toString, p);
  }

  static String awaitMatch(java.util.function.Supplier<String> text, Pattern p)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = p.matcher(text.get());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no " + p + " within 60 s in: " + text.get());
  }
}
