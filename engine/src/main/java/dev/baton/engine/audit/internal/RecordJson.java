package dev.baton.engine.audit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

  /**
   * Reads a canonical input back, streaming (no tree): the same values as {@link #tree} would
   * give — String, BigDecimal (integers with scale 0, decimals exactly as written), Boolean,
   * List, Map in document order, null.
   */
  public static Input input(String inputJson) {
    try (JsonParser p = MAPPER.createParser(inputJson)) {
      return input(p);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Stored JSON is not valid: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@link #input(String)} of the first {@code length} bytes of {@code utf8}, the text's UTF-8
   * encoding, without making the text first. Bytes that are not UTF-8 throw here, while the
   * text of them (with replacement characters) may parse: a caller that must treat a changed
   * row as before falls back to the text on any exception.
   */
  static Input input(byte[] utf8, int length) {
    try (JsonParser p = MAPPER.createParser(utf8, 0, length)) {
      return input(p);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Stored JSON is not valid: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Input input(JsonParser p) throws IOException {
    expect(p, p.nextToken(), JsonToken.START_OBJECT);
    String requestId = null;
    String actor = null;
    String now = null;
    List<Fact> facts = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "requestId" -> requestId = value == JsonToken.VALUE_NULL ? null : p.getText();
        case "actor" -> actor = value == JsonToken.VALUE_NULL ? null : p.getText();
        case "now" -> now = value == JsonToken.VALUE_NULL ? null : p.getText();
        case "facts" -> facts = facts(p);
        default -> p.skipChildren();
      }
    }
    if (now == null || facts == null) {
      throw new UncheckedIOException(new IOException("Stored input has no "
          + (now == null ? "\"now\"" : "\"facts\"") + " field"));
    }
    return new Input(requestId, actor, Instant.parse(now), facts);
  }

  /** The facts of a canonical input. */
  public static List<Fact> facts(String inputJson) {
    return input(inputJson).facts();
  }

  /** The facts array at the parser's current START_ARRAY. */
  private static List<Fact> facts(JsonParser p) throws IOException {
    expect(p, p.currentToken(), JsonToken.START_ARRAY);
    List<Fact> out = new ArrayList<>();
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String type = null;
      Map<String, Object> values = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("type")) {
          type = p.currentToken() == JsonToken.VALUE_NULL ? "null" : p.getText();
        } else if (field.equals("values")) {
          @SuppressWarnings("unchecked")
          Map<String, Object> read = (Map<String, Object>) plain(p);
          values = read;
        } else {
          p.skipChildren();
        }
      }
      out.add(new Fact(type, values));
    }
    expect(p, p.currentToken(), JsonToken.END_ARRAY);
    return out;
  }

  /** The value at the parser's current token, as the plain values facts hold. */
  private static Object plain(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case VALUE_NULL:
        return null;
      case VALUE_STRING:
        return p.getText();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getDecimalValue();
      case START_ARRAY: {
        List<Object> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          out.add(plain(p));
        }
        return out;
      }
      case START_OBJECT: {
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          out.put(key, plain(p));
        }
        return out;
      }
      default:
        throw new JsonParseException(p, "Unexpected " + t + " in stored input");
    }
  }

  private static void expect(JsonParser p, JsonToken actual, JsonToken expected)
      throws JsonParseException {
    if (actual != expected) {
      throw new JsonParseException(p, "Expected " + expected + " but found " + actual
          + " in stored input");
    }
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
