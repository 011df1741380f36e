package dev.baton.engine.battlepack.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.baton.engine.BatonException;
import dev.baton.engine.battlepack.BattlePack;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON for the battle pack: canonical form and hash, process variables, stored documents. */
public final class PackJson {
  /** Records, ISO times, big decimals for every JSON number with a fraction, nulls left out. */
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private PackJson() {}

  /**
   * Canonical JSON: object keys sorted by code point, no white space, numbers without exponent
   * and without trailing fraction zeros ({@code 12.50} is {@code 12.5}, {@code 3.0} is {@code 3}).
   */
  public static String canonical(Object value) {
    JsonNode tree = canonicalTree(MAPPER.valueToTree(value));
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode canonicalTree(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      ObjectNode out = NODES.objectNode();
      for (String n : names) {
        JsonNode v = node.get(n);
        if (!v.isNull()) {
          out.set(n, canonicalTree(v));
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        out.add(canonicalTree(it.next()));
      }
      return out;
    }
    if (node.isNumber()) {
      java.math.BigDecimal d = node.decimalValue().stripTrailingZeros();
      if (d.scale() < 0) {
        d = d.setScale(0);
      }
      return d.scale() == 0 ? NODES.numberNode(d.toBigIntegerExact()) : NODES.numberNode(d);
    }
    return node;
  }

  /** SHA-256 of the UTF-8 bytes, lower-case hex. */
  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A pack from JSON. */
  public static BattlePack read(String json) {
    return fromJson(json, BattlePack.class, "battle pack");
  }

  /** A value from JSON, or a {@link BatonException} saying what could not be read. */
  static <T> T fromJson(String json, Class<T> type, String what) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new BatonException("Cannot read the " + what + " from JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /** A value from a JSON tree. */
  static <T> T fromTree(JsonNode node, Class<T> type, String what) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new dev.baton.engine.ValidationException("The " + what + " is not valid",
          List.of(new dev.baton.engine.Problem(what, 0, 0, null, "", e.getMessage(),
              "it is written by the previous workflow step; do not change it by hand")));
    }
  }

  /** Compact JSON of a value. */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A value as a JSON-like map (BigDecimal numbers, ISO-text times), for process variables. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> toMap(Object value) {
    return MAPPER.convertValue(value, Map.class);
  }

  /** The JSON object of a job's variables. */
  static JsonNode tree(String json) {
    try {
      JsonNode node = MAPPER.readTree(json == null || json.isBlank() ? "{}" : json);
      return node == null ? NODES.objectNode() : node;
    } catch (JsonProcessingException e) {
      throw new BatonException("The job's variables are not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A JSON-like map of a JSON object text. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> mapOf(String json) {
    return MAPPER.convertValue(tree(json), Map.class);
  }
}
