package dev.baton.engine.workflow.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON documents: variables in, variables out, state rows. */
public final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
      .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, false)
      .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

  private Json() {}

  /**
   * A variables document: empty means none; otherwise a JSON object, or an
   * IllegalArgumentException naming the property and what it was.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> variables(String property, String document) {
    if (document == null || document.isBlank()) {
      return new LinkedHashMap<>();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(document);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Property '" + property + "' is invalid: expected a"
          + " JSON object, but the document could not be parsed: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("Property '" + property + "' is invalid: expected"
          + " document to be a root level object, but was '"
          + (node == null ? "EMPTY" : node.getNodeType().name()) + "'");
    }
    return MAPPER.convertValue(node, LinkedHashMap.class);
  }

  /** Writes a value (variables, headers, state rows) as JSON. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable workflow state row: " + e.getMessage(), e);
    }
  }
}
