package dev.baton.engine.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The real template packs of ../rule-packs, edited as an analyst would edit their YAML. */
final class Templates {
  static final Path ROOT = Path.of("../rule-packs");

  private Templates() {}

  static Path folder(String id) {
    return ROOT.resolve(id);
  }

  static String yaml(String id) {
    try {
      return Files.readString(folder(id).resolve("pack.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RulePack pack(String id) {
    return RulePacks.read(folder(id));
  }

  /** The pack's YAML with each {@code old} text replaced by its new text, exactly once each. */
  static RulePack edited(String id, String... oldThenNew) {
    String text = yaml(id);
    for (int i = 0; i < oldThenNew.length; i += 2) {
      assertThat(text).as("the template contains %s", oldThenNew[i]).contains(oldThenNew[i]);
      assertThat(text.indexOf(oldThenNew[i])).as("only once: %s", oldThenNew[i])
          .isEqualTo(text.lastIndexOf(oldThenNew[i]));
      text = text.replace(oldThenNew[i], oldThenNew[i + 1]);
    }
    return RulePacks.parse(id + "/pack.yaml", text);
  }

  /** A zip of name → UTF-8 text entries, in order. */
  static byte[] zip(Map<String, String> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A clock that moves only when told to. */
  static final class StepClock extends Clock {
    private Instant now;

    StepClock(Instant start) {
      this.now = start;
    }

    Instant advance(Duration d) {
      now = now.plus(d);
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
