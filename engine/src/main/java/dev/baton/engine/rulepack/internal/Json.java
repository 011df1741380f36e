package dev.baton.engine.rulepack.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;

/** Writes trees of maps, lists and scalars as compact JSON, pretty JSON or YAML. */
public final class Json {
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(SerializationFeature.WRITE_BIGDECIMAL_AS_PLAIN);
  private static final ObjectMapper PRETTY = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build());

  private Json() {}

  /** Compact JSON, keys in tree order. */
  public static String compact(Object tree) {
    return write(JSON, tree);
  }

  /** Indented JSON. */
  public static String pretty(Object tree) {
    return write(PRETTY, tree);
  }

  /** YAML. */
  public static String yaml(Object tree) {
    return write(YAML, tree);
  }

  private static String write(ObjectMapper mapper, Object tree) {
    try {
      return mapper.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
