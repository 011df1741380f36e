package dev.baton.engine.audit.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.baton.engine.audit.DecisionRecord;
import dev.baton.engine.audit.ExportFormat;
import dev.baton.engine.audit.Masking;
import dev.baton.engine.rules.Decision;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes records as CSV or a JSON array, streaming, masked. A masked export reads the records
 * twice: first to learn every personal value of the export, then to write, so that a value known
 * from one record is hidden in every other record's texts too.
 */
final class Exporter {
  static final String[] CSV_HEADER = {"sequence", "decision_id", "request_id", "recorded_at",
      "evaluated_at", "actor", "customer_id", "packs", "actions", "hash", "input", "decision"};

  private final Masker masker;

  Exporter(Masking masking) {
    this.masker = new Masker(masking);
  }

  /** Writes what {@code source} feeds; {@code out} is flushed, not closed. */
  void export(ExportFormat format, OutputStream out,
      Consumer<Consumer<DecisionRecord>> source) {
    if (!masker.none()) {
      source.accept(masker::learn);
    }
    try {
      if (format == ExportFormat.CSV) {
        csv(out, source);
      } else {
        json(out, source);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the decision export: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw e;
    }
  }

  private void csv(OutputStream out, Consumer<Consumer<DecisionRecord>> source)
      throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter printer = new CSVPrinter(writer,
        CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get());
    source.accept(r -> {
      try {
        Masker.MaskedRecord m = masker.record(r);
        printer.printRecord(r.sequence(), r.decisionId(), m.requestId(), r.recordedAt(),
            r.evaluatedAt(), m.actor(), m.customerId(), packs(r), String.join(" ", r.actions()),
            r.hash(), RecordJson.write(m.input()), RecordJson.write(m.decision()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    printer.flush(); // not close: the caller owns the stream
  }

  private static String packs(DecisionRecord r) {
    return String.join(" ", r.packs().stream().map(p -> p.id() + "@" + p.version()).toList());
  }

  private void json(OutputStream out, Consumer<Consumer<DecisionRecord>> source)
      throws IOException {
    JsonGenerator g = RecordJson.MAPPER.getFactory().createGenerator(out)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.writeStartArray();
    source.accept(r -> {
      try {
        Masker.MaskedRecord m = masker.record(r);
        g.writeStartObject();
        g.writeNumberField("sequence", r.sequence());
        g.writeStringField("decisionId", r.decisionId());
        g.writeStringField("requestId", m.requestId());
        g.writeStringField("recordedAt", r.recordedAt().toString());
        g.writeStringField("evaluatedAt", r.evaluatedAt().toString());
        g.writeStringField("actor", m.actor());
        g.writeStringField("customerId", m.customerId());
        g.writeArrayFieldStart("packs");
        for (Decision.PackRef p : r.packs()) {
          g.writeStartObject();
          g.writeStringField("id", p.id());
          g.writeStringField("version", p.version());
          g.writeStringField("hash", p.hash());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("actions");
        for (String a : r.actions()) {
          g.writeString(a);
        }
        g.writeEndArray();
        g.writeStringField("hash", r.hash());
        g.writeFieldName("input");
        g.writeTree(m.input());
        g.writeFieldName("decision");
        g.writeTree(m.decision());
        g.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    g.writeEndArray();
    g.flush();
  }
}
