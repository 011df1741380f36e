package dev.baton.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** A fresh H2 file database in a test's temporary folder, and what tests need around it. */
final class TestDb {
  /** The decision id in {@code baton evaluate --record}'s stderr line. */
  private static final Pattern RECORDED = Pattern.compile("recorded decision ([0-9a-f-]{36})");

  /** The template packs, from the cli module folder (where Maven runs the tests). */
  static final Path TEMPLATES = Path.of("..", "rule-packs");

  /** Two customers of the demo facts. */
  static final String CUSTOMERS_CSV = """
      customerId,name,region,owner
      C-1001,华东示例医疗器械有限公司,华东,REP-07
      C-2002,苏州示例医学影像有限公司,华东,
      """;

  /**
   * C-1001 granted every consent the default policy requires (green); C-2002 withdrew WeChat
   * marketing (red).
   */
  static final String CONSENTS_CSV = """
      customerId,channel,purpose,status,source,evidenceId,recordedAt,expiresAt
      C-1001,WECHAT,MARKETING,GRANTED,WECHAT_AUTHORIZATION,EV-WX-1001,2026-08-18T11:00:00Z,
      C-1001,EMAIL,MARKETING,GRANTED,WEBSITE_OPT_IN,EV-EM-1001,2026-09-15T10:00:00Z,2027-09-15T10:00:00Z
      C-1001,SMS,SALES_FOLLOW_UP,GRANTED,EVENT_QR_CODE,EV-SMS-1001,2026-03-12T09:00:00Z,
      C-2002,WECHAT,MARKETING,WITHDRAWN,WECHAT_AUTHORIZATION,EV-WX-2002,2026-10-20T14:30:00Z,
      """;

  private TestDb() {}

  /** Imports {@link #CUSTOMERS_CSV} and {@link #CONSENTS_CSV} into the database. */
  static void importConsent(Path dir, String url) throws IOException {
    Path customers = Files.writeString(dir.resolve("customers.csv"), CUSTOMERS_CSV);
    Path consents = Files.writeString(dir.resolve("consents.csv"), CONSENTS_CSV);
    for (String[] args : new String[][] {
        {"consent", "import", "--customers", customers.toString(), "--db", url},
        {"consent", "import", "--consents", consents.toString(), "--db", url}}) {
      Baton.Run run = Baton.run(args);
      if (run.exitCode() != 0) {
        throw new AssertionError("Consent import failed: " + run.err());
      }
    }
  }

  /**
   * Records the decision of the template pipeline (from the pack folders) on a demo facts file
   * of rule-packs/demo, under a request id; returns the run.
   */
  static Baton.Run recordDemo(String url, String demoFacts, String requestId) {
    String pipeline = String.join(",", TEMPLATES.resolve("cmi-threshold").toString(),
        TEMPLATES.resolve("ai-trigger").toString(), TEMPLATES.resolve("consent-check").toString());
    Baton.Run run = Baton.run("evaluate", "--pack", pipeline, "--facts",
        TEMPLATES.resolve("demo").resolve(demoFacts).toString(), "--request-id", requestId,
        "--actor", "rep-07@example.com", "--record", "--db", url);
    if (run.exitCode() != 0) {
      throw new AssertionError("evaluate --record failed: " + run.err());
    }
    return run;
  }

  /** The JDBC URL of a new database file in {@code dir}. */
  static String url(Path dir) {
    return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("baton");
  }

  /** Copies the (closed) database of {@code from} into {@code to}. */
  static void copy(Path from, Path to) throws IOException {
    Files.copy(from.resolve("baton.mv.db"), to.resolve("baton.mv.db"));
  }

  /** Runs plain SQL on the database, as someone tampering with it would. */
  static int execute(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  /**
   * Changes the stored decision document of one record as someone with database access could:
   * reads it, edits the JSON text, writes it back in the stored form (plain text, or zlib bytes
   * as the decision log stores documents now), so that only the content changed.
   */
  static void rewriteDecision(String url, String decisionId, UnaryOperator<String> edit)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      String json;
      boolean binary;
      try (PreparedStatement q = c.prepareStatement(
          "select decision from baton_decision where decision_id = ?")) {
        q.setString(1, decisionId);
        try (ResultSet r = q.executeQuery()) {
          if (!r.next()) {
            throw new AssertionError("No record " + decisionId);
          }
          int type = r.getMetaData().getColumnType(1);
          binary = type == Types.VARBINARY || type == Types.BINARY
              || type == Types.LONGVARBINARY || type == Types.BLOB;
          json = binary ? inflate(r.getBytes(1)) : r.getString(1);
        }
      }
      String changed = edit.apply(json);
      if (changed.equals(json)) {
        throw new AssertionError("The edit changed nothing in " + json);
      }
      try (PreparedStatement u = c.prepareStatement(
          "update baton_decision set decision = ? where decision_id = ?")) {
        if (binary) {
          u.setBytes(1, deflate(changed));
        } else {
          u.setString(1, changed);
        }
        u.setString(2, decisionId);
        u.executeUpdate();
      }
    }
  }

  private static String inflate(byte[] bytes) {
    Inflater inflater = new Inflater();
    inflater.setInput(bytes);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && inflater.needsInput()) {
          throw new AssertionError("Truncated zlib document");
        }
        out.write(buf, 0, n);
      }
    } catch (DataFormatException e) {
      throw new AssertionError("Not a zlib document", e);
    } finally {
      inflater.end();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static byte[] deflate(String text) {
    Deflater deflater = new Deflater();
    deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    while (!deflater.finished()) {
      out.write(buf, 0, deflater.deflate(buf));
    }
    deflater.end();
    return out.toByteArray();
  }

  /** The decision id that {@code evaluate --record} reported. */
  static String recordedDecisionId(Baton.Run run) {
    Matcher m = RECORDED.matcher(run.err());
    if (!m.find()) {
      throw new AssertionError("No recorded decision id in: " + run.err() + run.out());
    }
    return m.group(1);
  }

  /**
   * A copy of the cmi-threshold template as version 1.1.0 with the CMI threshold lowered from
   * 70 to 50, in {@code dir/cmi-threshold-1.1.0}.
   */
  static Path lowerCmiThreshold(Path dir) throws IOException {
    String pack = Files.readString(TEMPLATES.resolve("cmi-threshold/pack.yaml"));
    String changed = pack.replaceFirst("(?m)^version: 1\\.0\\.0$", "version: 1.1.0")
        .replaceFirst("(cmiThreshold:\\s*\\n\\s*type: number\\s*\\n\\s*value: )70", "$150");
    if (changed.equals(pack) || !changed.contains("version: 1.1.0")
        || !changed.contains("value: 50")) {
      throw new AssertionError("The cmi-threshold template changed shape; update this helper.");
    }
    Path folder = Files.createDirectories(dir.resolve("cmi-threshold-1.1.0"));
    Files.writeString(folder.resolve("pack.yaml"), changed);
    return folder;
  }
}
