package dev.baton.engine.workflow.internal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON request body read property by property: each accessor checks the type and names the
 * property when it is wrong, as Camunda's request validation does. Like Camunda 8.8's server,
 * nothing is coerced ({@code "1"} is no number, {@code 1} no string) and a property the request
 * does not have is refused ({@link #only}), so a misspelt name is not silently dropped.
 */
final class Body {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private final JsonNode node;
  private final String where;

  private Body(JsonNode node, String where) {
    this.node = node;
    this.where = where;
  }

  /** The body of a request; an empty body reads as {@code {}} when {@code optional}. */
  static Body parse(byte[] bytes, boolean optional) {
    if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
      if (optional) {
        return new Body(MAPPER.createObjectNode(), "");
      }
      throw new BadRequest(400, "Bad Request", "Required request body is missing");
    }
    JsonNode n;
    try {
      n = MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new BadRequest(400, "Bad Request", "Failed to read request: the body is not valid"
          + " JSON (" + e.getOriginalMessage() + ")");
    } catch (java.io.IOException e) {
      throw new BadRequest(400, "Bad Request", "Failed to read request: " + e.getMessage());
    }
    if (n == null || !n.isObject()) {
      throw new BadRequest(400, "Bad Request", "Failed to read request: expected a JSON object,"
          + " but the body was " + (n == null ? "empty" : n.getNodeType().name()));
    }
    return new Body(n, "");
  }

  private JsonNode get(String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v;
  }

  private String name(String property) {
    return where + property;
  }

  private BadRequest wrongType(String property, String expected, JsonNode v) {
    return new BadRequest("The value for " + name(property) + " is '" + v + "' but must be "
        + expected + ".");
  }

  /**
   * Refuses any property but these (the request's properties in Camunda's API), naming it and
   * the properties there are.
   *
   * @return this body
   */
  Body only(String... properties) {
    java.util.Set<String> known = java.util.Set.of(properties);
    for (java.util.Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String n = it.next();
      if (!known.contains(n)) {
        throw new BadRequest(400, "Bad Request", "Request property [" + name(n) + "] cannot be"
            + " parsed: this request has no property '" + n + "'. Remove it, or use one of "
            + new java.util.TreeSet<>(known) + (where.isEmpty() ? "" : " in " + where
            .substring(0, where.length() - 1)) + ".");
      }
    }
    return this;
  }

  boolean has(String property) {
    return get(property) != null;
  }

  String string(String property) {
    JsonNode v = get(property);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw wrongType(property, "a string", v);
    }
    return v.textValue();
  }

  String requiredString(String property) {
    String s = string(property);
    if (s == null || s.isBlank()) {
      throw new BadRequest("No " + name(property) + " provided.");
    }
    return s;
  }

  Long longValue(String property) {
    JsonNode v = get(property);
    if (v == null) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw wrongType(property, "an integer", v);
    }
    return v.longValue();
  }

  Integer intValue(String property) {
    JsonNode v = get(property);
    if (v == null) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw wrongType(property, "a 32-bit integer", v);
    }
    return v.intValue();
  }

  Boolean bool(String property) {
    JsonNode v = get(property);
    if (v == null) {
      return null;
    }
    if (!v.isBoolean()) {
      throw wrongType(property, "a boolean", v);
    }
    return v.booleanValue();
  }

  /** A key: a string of digits (Camunda 8.8 sends keys as strings) or a number. */
  Long key(String property) {
    JsonNode v = get(property);
    if (v == null) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isTextual()) {
      return Keys.parse(name(property), v.textValue());
    }
    throw wrongType(property, "a key (a string of digits)", v);
  }

  /** A JSON object as its document text for the gateway (empty when absent). */
  String variables(String property) {
    JsonNode v = get(property);
    if (v == null) {
      return "";
    }
    if (!v.isObject()) {
      throw wrongType(property, "a JSON object", v);
    }
    return v.toString();
  }

  List<String> strings(String property) {
    JsonNode v = get(property);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      throw wrongType(property, "an array of strings", v);
    }
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        throw wrongType(property, "an array of strings", v);
      }
      out.add(e.textValue());
    }
    return out;
  }

  /** A nested object ({@code {}} when absent). */
  Body object(String property) {
    JsonNode v = get(property);
    if (v == null) {
      return new Body(MAPPER.createObjectNode(), name(property) + ".");
    }
    if (!v.isObject()) {
      throw wrongType(property, "an object", v);
    }
    return new Body(v, name(property) + ".");
  }

  /** The elements of an array of objects (none when absent). */
  List<Body> objects(String property) {
    JsonNode v = get(property);
    List<Body> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      throw wrongType(property, "an array", v);
    }
    for (JsonNode e : v) {
      if (!e.isObject()) {
        throw wrongType(property, "an array of objects", v);
      }
      out.add(new Body(e, name(property) + "[]."));
    }
    return out;
  }

  /** The raw value (null node when absent), for filter properties. */
  JsonNode raw(String property) {
    JsonNode v = get(property);
    return v == null ? NullNode.getInstance() : v;
  }

  String where(String property) {
    return name(property);
  }

  java.util.Iterator<String> names() {
    return node.fieldNames();
  }
}
