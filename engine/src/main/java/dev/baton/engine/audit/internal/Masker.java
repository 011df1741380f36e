package dev.baton.engine.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.baton.engine.audit.Masking;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Applies a {@link Masking} to a record: the values of masked fields are hidden wherever the
 * field appears, and then every other text of the record (request ids, free text, explanations)
 * that embeds one of those values gets the same pseudonym or redaction in its place — a request
 * id {@code DEMO-C-2002} of customer {@code C-2002} becomes {@code DEMO-<pseudonym>}. Not
 * thread-safe: one per export.
 */
final class Masker {
  private final Masking masking;
  private final Mac mac;

  Masker(Masking masking) {
    this.masking = masking;
    if (masking.mode() == Masking.Mode.PSEUDONYM) {
      try {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(masking.secret().getBytes(StandardCharsets.UTF_8),
            "HmacSHA256"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    } else {
      mac = null;
    }
  }

  /** One record's columns and trees, masked. */
  record MaskedRecord(String requestId, String actor, String customerId, JsonNode input,
      JsonNode decision) {}

  /** The record with every personal value hidden, including where other texts embed it. */
  MaskedRecord record(dev.baton.engine.audit.DecisionRecord r) {
    JsonNode input = RecordJson.tree(r.inputJson());
    JsonNode decision = RecordJson.tree(r.decisionJson());
    if (masking.fields().isEmpty()) {
      return new MaskedRecord(r.requestId(), r.actor(), r.customerId(), input, decision);
    }
    Set<String> personal = new HashSet<>();
    collect(input, personal);
    collect(decision, personal);
    for (String[] column : new String[][] {{"requestId", r.requestId()}, {"actor", r.actor()},
        {"customerId", r.customerId()}}) {
      if (column[1] != null && masks(column[0])) {
        personal.add(column[1]);
      }
    }
    java.util.function.UnaryOperator<String> scrub = scrubber(personal);
    tree(input);
    tree(decision);
    scrubTree(input, scrub);
    scrubTree(decision, scrub);
    return new MaskedRecord(column("requestId", r.requestId(), scrub),
        column("actor", r.actor(), scrub), column("customerId", r.customerId(), scrub),
        input, decision);
  }

  private String column(String field, String value,
      java.util.function.UnaryOperator<String> scrub) {
    return value == null ? null : masks(field) ? hide(value) : scrub.apply(value);
  }

  /** Every value of a masked field in the tree (and the values a miss on one compared). */
  private void collect(JsonNode node, Set<String> out) {
    if (node.isArray()) {
      node.forEach(n -> collect(n, out));
      return;
    }
    if (!(node instanceof ObjectNode object) || isScore(object)) {
      return;
    }
    JsonNode tested = object.get("field");
    boolean missOnMasked = tested != null && tested.isTextual() && masks(tested.textValue());
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      JsonNode v = e.getValue();
      boolean comparedValue = missOnMasked
          && (e.getKey().equals("expected") || e.getKey().equals("actual"));
      if ((masks(e.getKey()) || comparedValue) && !v.isNull() && !v.isContainerNode()) {
        out.add(text(v));
      } else {
        collect(v, out);
      }
    }
  }

  /**
   * Replaces the personal values inside other texts. An ASCII value is replaced where it stands
   * as a token of its own (not inside a longer word or identifier: {@code AI} never inside
   * {@code MAIL}), a value with other characters (a Chinese name) wherever it occurs; values
   * shorter than 3 characters only where a whole text equals them.
   */
  private java.util.function.UnaryOperator<String> scrubber(Set<String> personal) {
    List<String> values = personal.stream().filter(v -> !v.isBlank())
        .sorted(java.util.Comparator.comparingInt(String::length).reversed()
            .thenComparing(java.util.Comparator.naturalOrder())).toList();
    if (values.isEmpty()) {
      return s -> s;
    }
    StringBuilder alternation = new StringBuilder();
    for (String v : values) {
      if (v.length() < 3) {
        continue;
      }
      if (!alternation.isEmpty()) {
        alternation.append('|');
      }
      boolean ascii = v.chars().allMatch(ch -> ch < 128);
      alternation.append(ascii
          ? "(?<![A-Za-z0-9_])" + Pattern.quote(v) + "(?![A-Za-z0-9_])"
          : Pattern.quote(v));
    }
    Pattern pattern = alternation.isEmpty() ? null : Pattern.compile(alternation.toString());
    Set<String> whole = Set.copyOf(values);
    Map<String, String> hidden = new HashMap<>();
    return s -> {
      if (s == null || s.isEmpty()) {
        return s;
      }
      if (whole.contains(s)) {
        return hidden.computeIfAbsent(s, this::hide);
      }
      if (pattern == null) {
        return s;
      }
      Matcher m = pattern.matcher(s);
      if (!m.find()) {
        return s;
      }
      StringBuilder out = new StringBuilder();
      do {
        m.appendReplacement(out, Matcher.quoteReplacement(
            hidden.computeIfAbsent(m.group(), this::hide)));
      } while (m.find());
      m.appendTail(out);
      return out.toString();
    };
  }

  private static void scrubTree(JsonNode node, java.util.function.UnaryOperator<String> scrub) {
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode array =
          (com.fasterxml.jackson.databind.node.ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        JsonNode v = array.get(i);
        if (v.isTextual()) {
          array.set(i, new TextNode(scrub.apply(v.textValue())));
        } else {
          scrubTree(v, scrub);
        }
      }
      return;
    }
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> e : new ArrayList<>(object.properties())) {
        if (e.getValue().isTextual()) {
          object.set(e.getKey(), new TextNode(scrub.apply(e.getValue().textValue())));
        } else {
          scrubTree(e.getValue(), scrub);
        }
      }
    }
  }

  /**
   * A built-in {@code Score} fact: its {@code name} is the score's (CMI), nobody's; it holds no
   * personal value.
   */
  private static boolean isScore(ObjectNode object) {
    JsonNode type = object.get("type");
    return type != null && "Score".equals(type.asText()) && object.has("values");
  }

  boolean masks(String field) {
    return masking.fields().contains(field);
  }

  String hide(String value) {
    if (mac == null) {
      return "***";
    }
    byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 8);
  }

  /** The tree with every masked field's value hidden, at any depth. Changes the tree. */
  JsonNode tree(JsonNode node) {
    if (masking.fields().isEmpty()) {
      return node;
    }
    walk(node);
    return node;
  }

  private void walk(JsonNode node) {
    if (node.isArray()) {
      node.forEach(this::walk);
      return;
    }
    if (!(node instanceof ObjectNode object) || isScore(object)) {
      return;
    }
    JsonNode tested = object.get("field");
    if (tested != null && tested.isTextual() && masks(tested.textValue())) {
      nearestMiss(object);
    }
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
    for (Map.Entry<String, JsonNode> e : fields) {
      JsonNode v = e.getValue();
      if (masks(e.getKey()) && !v.isNull()) {
        object.set(e.getKey(), new TextNode(hide(text(v))));
      } else {
        walk(v);
      }
    }
  }

  /** A nearest miss on a masked field shows its values three times: hide them all. */
  private void nearestMiss(ObjectNode miss) {
    JsonNode explanation = miss.get("explanation");
    String text = explanation != null && explanation.isTextual() ? explanation.textValue() : null;
    for (String key : List.of("expected", "actual")) {
      JsonNode v = miss.get(key);
      if (v == null || v.isNull()) {
        continue;
      }
      String raw = text(v);
      String hidden = hide(raw);
      miss.set(key, new TextNode(hidden));
      if (text != null && !raw.isEmpty()) {
        text = text.replace(raw, hidden);
      }
    }
    if (text != null) {
      miss.set("explanation", new TextNode(text));
    }
  }

  private static String text(JsonNode v) {
    return v.isTextual() ? v.textValue() : RecordJson.write(v);
  }
}
