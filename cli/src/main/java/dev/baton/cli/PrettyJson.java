package dev.baton.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Pretty-prints the compact JSON documents of the decision log, as {@code evaluate} prints. */
final class PrettyJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private PrettyJson() {}

  /** The document indented; the text itself when it is not JSON (shown, never lost). */
  static String of(String json) {
    try {
      return MAPPER.writeValueAsString(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      return json;
    }
  }

  /** A new JSON object, for {@code --json} outputs. */
  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The tree of a JSON document; a text node when it is not JSON. */
  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return MAPPER.getNodeFactory().textNode(json);
    }
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
