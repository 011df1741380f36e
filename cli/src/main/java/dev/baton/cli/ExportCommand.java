package dev.baton.cli;

import dev.baton.engine.BatonException;
import dev.baton.engine.audit.DecisionQuery;
import dev.baton.engine.audit.ExportFormat;
import dev.baton.engine.audit.Masking;
import dev.baton.engine.runtime.Baton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code baton decisions export}: writes recorded decisions as CSV or JSON, with the values of
 * personal fields hidden wherever they appear (input facts, decision, columns).
 */
@Command(name = "export",
    description = {"Writes recorded decisions as CSV or JSON, personal fields masked.",
        "--mask names fields (e.g. customerId,name,phone) whose every value is hidden wherever"
            + " it appears: input facts, actions, matched facts, near misses, and the customer,"
            + " actor and request columns, and inside any other text of the record that embeds"
            + " such a value (a request id made from a customer id). --mask personal names the"
            + " documented personal-data policy (customerId, repId, actor, reviewer, name,"
            + " contactName, phone, mobile, email, wechatId, address, and e-mail addresses and"
            + " phone numbers in any text)."})
final class ExportCommand extends StoreCommand {

  @Option(names = "--format", required = true, paramLabel = "csv|json",
      description = "csv: one row per decision, input and decision as JSON text in columns;"
          + " json: an array of records.")
  String format;

  @Option(names = "--mask", split = ",", paramLabel = "<field>",
      description = "Fields to hide, comma-separated or repeated, e.g. customerId,name;"
          + " 'personal' for the personal-data policy.")
  List<String> mask;

  @Option(names = "--mask-mode", paramLabel = "redact|pseudonym", defaultValue = "redact",
      description = "redact: ***; pseudonym: a stable pseudonym (HMAC-SHA-256 under"
          + " --mask-secret), the same customer the same pseudonym (default: ${DEFAULT-VALUE}).")
  String maskMode;

  @Option(names = "--mask-secret", paramLabel = "<secret>",
      defaultValue = "${env:BATON_MASK_SECRET}",
      description = "The key of the pseudonyms (default: $BATON_MASK_SECRET); keep it secret.")
  String maskSecret;

  @Option(names = {"-o", "--output"}, paramLabel = "<file>",
      description = "The file to write (default: standard output).")
  Path output;

  @Mixin
  DecisionFilters filters;

  private ExportFormat exportFormat;
  private Masking masking;

  @Override
  protected void checkInputs() {
    exportFormat = switch (format.toLowerCase(Locale.ROOT)) {
      case "csv" -> ExportFormat.CSV;
      case "json" -> ExportFormat.JSON;
      default -> throw new BatonException("Unknown format '" + format
          + "' for --format: use csv or json.");
    };
    masking = masking();
    filters.query();
  }

  private Masking masking() {
    Set<String> fields = new LinkedHashSet<>();
    List<java.util.regex.Pattern> shapes = new java.util.ArrayList<>();
    if (mask != null) {
      mask.stream().map(String::strip).filter(f -> !f.isEmpty()).forEach(f -> {
        if (f.equals("personal")) {
          fields.addAll(Masking.PERSONAL_FIELDS);
          shapes.addAll(Masking.personalData(null).patterns()); // e-mail, phone in any text
        } else {
          fields.add(f);
        }
      });
    }
    switch (maskMode.toLowerCase(Locale.ROOT)) {
      case "redact":
        return new Masking(fields, Masking.Mode.REDACT, null, shapes);
      case "pseudonym":
        if (maskSecret == null || maskSecret.isEmpty()) {
          throw new BatonException("--mask-mode pseudonym needs a secret: set"
              + " BATON_MASK_SECRET (or --mask-secret). Without one anyone could recompute"
              + " the pseudonym of a known customer id.");
        }
        return new Masking(fields, Masking.Mode.PSEUDONYM, maskSecret, shapes);
      default:
        throw new BatonException("Unknown mask mode '" + maskMode
            + "' for --mask-mode: use redact or pseudonym.");
    }
  }

  @Override
  protected int run(Baton baton) {
    DecisionQuery query = filters.query();
    long count = baton.decisions().count(query);
    if (output == null) {
      try (WriterOutputStream stdout = new WriterOutputStream(out())) {
        baton.decisions().export(query, exportFormat, masking, stdout);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write the export: " + e.getMessage(), e);
      }
      if (exportFormat == ExportFormat.JSON) {
        out().println(); // the array ends without one; the prompt would follow it on the line
      }
    } else {
      OutputFiles.write(output, out -> baton.decisions().export(query, exportFormat, masking,
          out));
    }
    err().printf("%s: %d %s exported as %s%s%s.%n", spec.qualifiedName(), count,
        count == 1 ? "decision" : "decisions", exportFormat.name(),
        output == null ? "" : " to " + output,
        masking.fields().isEmpty() ? ", nothing masked"
            : ", masked (" + masking.mode().name().toLowerCase(Locale.ROOT) + "): "
                + String.join(", ", masking.fields().stream().sorted().toList()));
    return ExitCodes.OK;
  }
}
