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
    String rest = awaitMatch(out, Pattern.compile(
        "REST API \\(Orchestration Cluster API v2\\) on (http://\\S+)/v2"));
    awaitMatch(out, Pattern.compile("(Battle-pack workflow deployed)"));

    try {
      // when
      Run started = run("visit", "start", "--demo", "--gateway", gateway);
      String legalPack = awaitMatch(() -> run("review", "list", "--role", "legal", "--db", db)
          .out, Pattern.compile("(BP-\\S+)"));
      awaitMatch(() -> run("review", "list", "--role", "finance", "--db", db).out,
          Pattern.compile("(" + Pattern.quote(legalPack) + ")"));
      Run legal = run("review", "approve", "--pack", legalPack, "--role", "legal",
          "--reviewer", "li.legal", "--db", db, "--gateway", gateway, "--rest", rest);
      Run twice = run("review", "reject", "--pack", legalPack, "--role", "legal",
          "--reviewer", "li.legal", "--comment", "again", "--db", db, "--gateway", gateway, "--rest", rest);
      Run sameReviewer = run("review", "approve", "--pack", legalPack, "--role", "finance",
          "--reviewer", "LI.legal", "--db", db, "--gateway", gateway, "--rest", rest);
      Run finance = run("review", "approve", "--pack", legalPack, "--role", "finance",
          "--reviewer", "wang.finance", "--db", db, "--gateway", gateway, "--rest", rest);
      Run republished = run("review", "republish", "--pack", legalPack, "--role", "legal",
          "--db", db, "--gateway", gateway, "--rest", rest);

      // then
      assertThat(started.code).isZero();
      assertThat(started.out).contains("process instance");
      assertThat(legal.code).as(legal.err).isZero();
      assertThat(twice.code).isEqualTo(ExitCodes.INVALID);
      assertThat(twice.err).contains("already");
      assertThat(sameReviewer.code).isEqualTo(ExitCodes.INVALID);
      assertThat(sameReviewer.err).contains("already decided the legal review", "four eyes");
      assertThat(finance.code).as(finance.err).isZero();
      assertThat(republished.code).as(republished.err).isZero();
      assertThat(republished.out).contains("has " + legalPack + ":legal already",
          "its review task was completed", "nothing to publish");
      assertThat(legal.out).contains("the legal review of " + legalPack + " task was completed");
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
  void shouldAcceptOnlyAuthenticatedClientsWhenAGatewayPasswordIsSet() throws Exception {
    // given
    Path dir = Files.createTempDirectory("baton-serve-");
    String db = "jdbc:h2:file:" + dir.resolve("baton") + ";DB_CLOSE_ON_EXIT=FALSE";
    StringWriter out = new StringWriter();
    Thread serve = new Thread(() -> {
      CommandLine cli = new CommandLine(new BatonCli());
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(out, true));
      cli.execute("serve", "--port", "0", "--rest-port", "0", "--db", db,
          "--gateway-password", "s3cret-Pass");
    });
    serve.start();
    String gateway = awaitMatch(out, Pattern.compile("listening on (http://\\S+)"));
    String rest = awaitMatch(out, Pattern.compile("REST API \\S+ \\S+ \\S+ \\S+ on (http://\\S+)/v2"));
    awaitMatch(out, Pattern.compile("(Battle-pack workflow deployed)"));

    try {
      // when
      var http = java.net.http.HttpClient.newHttpClient();
      var topology = java.net.http.HttpRequest.newBuilder(URI.create(rest + "/v2/topology"));
      int restAnonymous = http.send(topology.build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
      int restAuthenticated = http.send(topology.header("Authorization", "Basic "
          + java.util.Base64.getEncoder().encodeToString("baton:s3cret-Pass".getBytes()))
          .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
      Run anonymous = run("visit", "start", "--demo", "--gateway", gateway);
      Run wrong = run("visit", "start", "--demo", "--gateway", gateway,
          "--gateway-password", "guess");
      Run authenticated = run("visit", "start", "--demo", "--gateway", gateway,
          "--gateway-user", "baton", "--gateway-password", "s3cret-Pass");

      // then
      assertThat(anonymous.code).isNotZero();
      assertThat(anonymous.err).contains("needs credentials", "BATON_GATEWAY_PASSWORD");
      assertThat(wrong.code).isNotZero();
      assertThat(wrong.err).contains("refused these credentials");
      assertThat(authenticated.code).as(authenticated.err).isZero();
      assertThat(out.toString()).contains("basic auth as 'baton'");
      assertThat(restAnonymous).isEqualTo(401);
      assertThat(restAuthenticated).isEqualTo(200);
      // the workers in the serving process still run the workflow with their own token
      awaitMatch(() -> run("review", "list", "--role", "legal", "--db", db).out,
          Pattern.compile("(BP-\\S+)"));
    } finally {
      serve.interrupt();
      serve.join(30_000);
    }
  }

  @Test
  void shouldRefuseToServeOnAllInterfacesWithoutAGatewayPassword() throws Exception {
    // given
    Path dir = Files.createTempDirectory("baton-serve-");

    // when
    Run r = run("serve", "--port", "0", "--rest-port", "0", "--host", "0.0.0.0",
        "--gateway-password", "",
        "--db", "jdbc:h2:file:" + dir.resolve("baton") + ";DB_CLOSE_ON_EXIT=FALSE");

    // then
    assertThat(r.code).isNotZero();
    assertThat(r.err).contains("would accept every client", "BATON_GATEWAY_PASSWORD");
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
