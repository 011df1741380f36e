package dev.baton.engine.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.baton.engine.audit.DecisionRecord;
import dev.baton.engine.audit.Masking;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Applies a {@link Masking} to the records of one export. The values of masked fields are hidden
 * wherever the field appears; then every other text (request ids, actors, free text,
 * explanations, proofs) that embeds a personal value known anywhere in the export gets the same
 * pseudonym or redaction in its place — a request id {@code DEMO-C-2002} of customer {@code
 * C-2002} becomes {@code DEMO-P-…}, and a rep id that is one record's actor is hidden in another
 * record's reason too. Texts matching the policy's patterns (e-mail, phone) are hidden as well.
 * Call {@link #learn} with every record first (the exporter reads the records twice), then
 * {@link #record}; a record that was not learned (appended between the two reads) is learned
 * when it is masked. Not thread-safe: one per export.
 */
final class Masker {
  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private final Masking masking;
  private final Mac mac;
  private final Set<String> personal = new HashSet<>();
  private final Map<String, String> hidden = new HashMap<>();
  private UnaryOperator<String> scrub;

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

  /** True when the policy hides nothing: records pass unchanged. */
  boolean none() {
    return masking.isNone();
  }

  /** Remembers the personal values of a record, to hide them in every record of the export. */
  void learn(DecisionRecord r) {
    if (none()) {
      return;
    }
    Set<String> found = new HashSet<>();
    collect(RecordJson.tree(r.inputJson()), found);
    collect(RecordJson.tree(r.decisionJson()), found);
    for (String[] column : new String[][] {{"requestId", r.requestId()}, {"actor", r.actor()},
        {"customerId", r.customerId()}}) {
      if (column[1] != null && masks(column[0])) {
        found.add(column[1]);
      }
    }
    found.removeIf(String::isBlank);
    if (personal.addAll(found)) {
      scrub = null;
    }
  }

  /** The record with every personal value hidden, including where other texts embed it. */
  MaskedRecord record(DecisionRecord r) {
    JsonNode input = RecordJson.tree(r.inputJson());
    JsonNode decision = RecordJson.tree(r.decisionJson());
    if (none()) {
      return new MaskedRecord(r.requestId(), r.actor(), r.customerId(), input, decision);
    }
    learn(r);
    if (scrub == null) {
      scrub = scrubber();
    }
    tree(input);
    tree(decision);
    scrubTree(input, scrub);
    scrubTree(decision, scrub);
    return new MaskedRecord(column("requestId", r.requestId()), column("actor", r.actor()),
        column("customerId", r.customerId()), input, decision);
  }

  private String column(String field, String value) {
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
   * Replaces the pattern matches and the personal values inside other texts. Patterns come
   * first (an e-mail address that starts with a name is hidden whole, as itself); an ASCII value
   * is replaced where it stands as a token of its own (not inside a longer word or identifier:
   * {@code AI} never inside {@code MAIL}), a value with other characters (a Chinese name)
   * wherever it occurs, the longest value first; values shorter than 3 characters only where a
   * whole text equals them. Values are looked up by position and length in a hash set rather
   * than by one large regular expression, so an export of many customers stays linear in its
   * text.
   */
  private UnaryOperator<String> scrubber() {
    Set<String> whole = Set.copyOf(personal);
    Set<String> values = new HashSet<>();
    Set<Character> firsts = new HashSet<>();
    java.util.TreeSet<Integer> lengths = new java.util.TreeSet<>(Comparator.reverseOrder());
    for (String v : personal) {
      if (v.length() >= 3) {
        values.add(v);
        firsts.add(v.charAt(0));
        lengths.add(v.length());
      }
    }
    StringBuilder alternation = new StringBuilder();
    for (Pattern p : masking.patterns()) {
      if (!alternation.isEmpty()) {
        alternation.append('|');
      }
      alternation.append("(?:").append(p.pattern()).append(')');
    }
    Pattern shapes = alternation.isEmpty() ? null : Pattern.compile(alternation.toString());
    return s -> {
      if (s == null || s.isEmpty()) {
        return s;
      }
      if (whole.contains(s)) {
        return hide(s);
      }
      String t = shapes == null ? s : replaceShapes(shapes, s);
      return values.isEmpty() ? t : replaceValues(t, values, firsts, lengths);
    };
  }

  private String replaceShapes(Pattern shapes, String s) {
    Matcher m = shapes.matcher(s);
    if (!m.find()) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(hide(m.group())));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }

  private String replaceValues(String s, Set<String> values, Set<Character> firsts,
      java.util.NavigableSet<Integer> lengths) {
    StringBuilder out = null;
    int copied = 0;
    int n = s.length();
    int i = 0;
    while (i < n) {
      int matched = 0;
      if (firsts.contains(s.charAt(i))) {
        for (int len : lengths) {
          int end = i + len;
          if (end <= n && values.contains(s.substring(i, end)) && standsAlone(s, i, end)) {
            matched = len;
            break;
          }
        }
      }
      if (matched == 0) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n + 16);
      }
      out.append(s, copied, i).append(hide(s.substring(i, i + matched)));
      i += matched;
      copied = i;
    }
    if (out == null) {
      return s;
    }
    return out.append(s, copied, n).toString();
  }

  /**
   * An ASCII value counts only as a token of its own; a value with other characters counts
   * anywhere (Chinese text has no spaces between words).
   */
  private static boolean standsAlone(String s, int start, int end) {
    boolean ascii = true;
    for (int k = start; k < end && ascii; k++) {
      ascii = s.charAt(k) < 128;
    }
    return !ascii || ((start == 0 || !word(s.charAt(start - 1)))
        && (end == s.length() || !word(s.charAt(end))));
  }

  private static boolean word(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
  }

  private static void scrubTree(JsonNode node, UnaryOperator<String> scrub) {
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

  /** The pseudonym (or {@code ***}) of a value; the same value always gets the same one. */
  String hide(String value) {
    if (mac == null) {
      return "***";
    }
    return hidden.computeIfAbsent(value, v -> pseudonym(mac.doFinal(
        v.getBytes(StandardCharsets.UTF_8))));
  }

  /** {@code P-} and the first 64 bits of the digest as 13 base-32 digits. */
  private static String pseudonym(byte[] digest) {
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (digest[i] & 0xff);
    }
    char[] out = new char[13];
    // 13 digits of 5 bits cover 65 bits: the first digit carries the top 4
    for (int i = 12; i >= 0; i--) {
      out[i] = BASE32[(int) (bits & 31)];
      bits >>>= 5;
    }
    return "P-" + new String(out);
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
