package dev.baton.engine.audit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.baton.engine.rulepack.Fact;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON of decision records: the canonical input, compact decisions, parsing back. */
public final class RecordJson {
  /** Exact numbers both ways: what was recorded is what is compared and replayed. */
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private RecordJson() {}

  /** The input as recorded and replayed: what an evaluation needs besides its packs. */
  public record Input(String requestId, String actor, Instant now, List<Fact> facts) {
    public Input {
      facts = List.copyOf(facts);
    }
  }

  /**
   * The canonical input: {@code {"actor", "facts": [{"type", "values"}], "now", "requestId"}},
   * compact, keys sorted at every level, facts in input order (their order is part of the
   * decision: a matched fact names its index), numbers without trailing zeros.
   */
  public static String canonicalInput(String requestId, String actor, Instant now,
      List<Fact> facts) {
    StringWriter out = new StringWriter(256 + facts.size() * 128);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("actor", actor);
      g.writeArrayFieldStart("facts");
      for (Fact f : facts) {
        g.writeStartObject();
        g.writeStringField("type", f.type());
        g.writeFieldName("values");
        writeValue(g, f.values());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("now", now.toString());
      g.writeStringField("requestId", requestId);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeValue(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Number n) {
      BigDecimal d = toBigDecimal(n);
      if (d == null) {
        g.writeString(n.toString());
      } else {
        g.writeNumber(d);
      }
    } else if (v instanceof Map<?, ?> m) {
      Map<String, Object> sorted = new TreeMap<>();
      m.forEach((k, x) -> sorted.put(String.valueOf(k), x));
      g.writeStartObject();
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        g.writeFieldName(e.getKey());
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Iterable<?> l) {
      g.writeStartArray();
      for (Object x : l) {
        writeValue(g, x);
      }
      g.writeEndArray();
    } else {
      // times and other values that facts may carry as objects: their ISO / text form, which
      // is how the engine reads them too
      g.writeString(v.toString());
    }
  }

  /** The number without trailing zeros, or null when it has no decimal form (NaN, infinite). */
  private static BigDecimal toBigDecimal(Number n) {
    try {
      BigDecimal d = n instanceof BigDecimal b ? b
          : n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
              ? BigDecimal.valueOf(n.longValue())
              : new BigDecimal(n.toString());
      BigDecimal s = d.stripTrailingZeros();
      return s.scale() < 0 ? s.setScale(0) : s;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Reads a canonical input back. */
  public static Input input(String inputJson) {
    JsonNode root = tree(inputJson);
    return new Input(text(root.get("requestId")), text(root.get("actor")),
        Instant.parse(root.get("now").asText()), facts(root.get("facts")));
  }

  /** The facts of a canonical input. */
  public static List<Fact> facts(String inputJson) {
    return facts(tree(inputJson).get("facts"));
  }

  private static List<Fact> facts(JsonNode array) {
    List<Fact> out = new ArrayList<>(array.size());
    for (JsonNode f : array) {
      @SuppressWarnings("unchecked")
      Map<String, Object> values = (Map<String, Object>) plain(f.get("values"));
      out.add(new Fact(f.get("type").asText(), values));
    }
    return out;
  }

  /** A JSON node as the plain values facts hold: String, BigDecimal, Boolean, List, Map, null. */
  private static Object plain(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNumber()) {
      return n.decimalValue();
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>(n.size());
      n.forEach(x -> out.add(plain(x)));
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      out.put(e.getKey(), plain(e.getValue()));
    }
    return out;
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  /**
   * The JSON without the whitespace between tokens: the indented JSON of {@code
   * Decision.toJson()} made compact without parsing it, byte for byte the same values.
   */
  public static String compact(String json) {
    char[] in = json.toCharArray();
    char[] out = new char[in.length];
    int n = 0;
    boolean inString = false;
    for (int i = 0; i < in.length; i++) {
      char c = in[i];
      if (inString) {
        out[n++] = c;
        if (c == '\\') {
          out[n++] = in[++i]; // the escaped character, whatever it is
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        out[n++] = c;
      } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        out[n++] = c;
      }
    }
    return new String(out, 0, n);
  }

  /** Parses JSON text into a tree with exact numbers. */
  public static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Stored JSON is not valid: " + e.getOriginalMessage(), e);
    }
  }

  /** A tree as compact JSON text. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of a decision's final actions, with repeats, in order. */
  public static List<String> actionNames(JsonNode decision) {
    List<String> out = new ArrayList<>();
    JsonNode actions = decision.get("actions");
    if (actions != null) {
      actions.forEach(a -> out.add(a.path("action").asText()));
    }
    return out;
  }
}
