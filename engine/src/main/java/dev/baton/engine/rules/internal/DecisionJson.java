package dev.baton.engine.rules.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.baton.engine.rules.Decision;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes decisions as JSON (times in ISO-8601). */
public final class DecisionJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT);
  /** The same mapper without indentation: the indented text without its whitespace. */
  private static final com.fasterxml.jackson.databind.ObjectWriter COMPACT =
      MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  private DecisionJson() {}

  /** The decision as indented JSON. */
  public static String write(Decision decision) {
    try {
      return MAPPER.writeValueAsString(decision);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The decision as compact JSON: {@link #write} without the whitespace between tokens (the
   * form the decision log stores), written directly instead of indented and then stripped.
   */
  public static String writeCompact(Decision decision) {
    try {
      return COMPACT.writeValueAsString(decision);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@link #writeCompact} as UTF-8 onto {@code out} (closed at the end), without making the
   * text: the same bytes as the text's UTF-8 encoding.
   */
  public static void writeCompact(Decision decision, OutputStream out) {
    try {
      COMPACT.writeValue(out, decision);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
