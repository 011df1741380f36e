package dev.baton.engine.rulepack.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.baton.engine.Problem;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses YAML or JSON text into a {@link Node} tree with positions; reports syntax errors. */
public final class TreeParser {

  /** Inputs above this size are refused before parsing. */
  public static final int MAX_CHARS = 5_000_000;

  private static final int MAX_DEPTH = 64;
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();
  private static final YAMLFactory YAML =
      YAMLFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();

  private TreeParser() {}

  /** The syntax of a source. */
  public enum Syntax {
    YAML,
    JSON;

    /** JSON for {@code .json} names or text starting with '{' or '[', else YAML. */
    public static Syntax guess(String sourceName, String text) {
      if (sourceName != null && sourceName.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
        return JSON;
      }
      if (sourceName != null
          && (sourceName.toLowerCase(java.util.Locale.ROOT).endsWith(".yaml")
              || sourceName.toLowerCase(java.util.Locale.ROOT).endsWith(".yml"))) {
        return YAML;
      }
      String t = text.stripLeading();
      return t.startsWith("{") || t.startsWith("[") ? JSON : YAML;
    }
  }

  /**
   * Parses the text. On a syntax error adds one problem and returns null. Duplicate keys are
   * reported (and the later value ignored) but do not stop parsing.
   */
  public static Node parse(String source, String text, Syntax syntax, List<Problem> problems) {
    if (text.length() > MAX_CHARS) {
      problems.add(new Problem(source, 0, 0, null, "", "The input is " + text.length()
          + " characters long; at most " + MAX_CHARS + " are accepted.",
          "Split it into several packs."));
      return null;
    }
    try (JsonParser p = (syntax == Syntax.JSON ? JSON : YAML).createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        problems.add(new Problem(source, 1, 1, null, "", "The input is empty.",
            "Write a " + syntax.name() + " document."));
        return null;
      }
      Node root = read(p, source, problems);
      if (p.nextToken() != null) {
        JsonLocation at = p.currentTokenLocation();
        problems.add(new Problem(source, line(at), column(at), null, "",
            "Unexpected content after the end of the document.", "Keep one document per file."));
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      problems.add(new Problem(source, at == null ? 0 : line(at), at == null ? 0 : column(at),
          null, "", "Not valid " + syntax.name() + ": " + oneLine(e.getOriginalMessage()),
          "Fix the syntax at this place (indentation, quotes, brackets)."));
      return null;
    } catch (IOException | RuntimeException e) {
      problems.add(new Problem(source, 0, 0, null, "", "Not valid " + syntax.name() + ": "
          + e.getMessage(), "Fix the syntax."));
      return null;
    }
  }

  private static Node read(JsonParser p, String source, List<Problem> problems)
      throws IOException {
    JsonLocation at = p.currentTokenLocation();
    int line = line(at);
    int col = column(at);
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, int[]> keys = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonLocation kat = p.currentTokenLocation();
          p.nextToken();
          Node value = read(p, source, problems);
          if (entries.containsKey(key)) {
            problems.add(new Problem(source, line(kat), column(kat), null, key,
                "The key '" + key + "' appears twice in the same map.",
                "Remove one of them; keys must be unique."));
          } else {
            entries.put(key, value);
            keys.put(key, new int[] {line(kat), column(kat)});
          }
        }
        return new Node.MapNode(line, col, entries, keys);
      }
      case START_ARRAY: {
        List<Node> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p, source, problems));
        }
        return new Node.ListNode(line, col, items);
      }
      case VALUE_STRING:
        return new Node.Scalar(line, col, p.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        try {
          BigDecimal number = new BigDecimal(p.getText().trim());
          if (!Double.isFinite(number.doubleValue())) { // rules compare and add as doubles too
            problems.add(new Problem(source, line, col, null, "", "'" + p.getText()
                + "' is beyond the range of a number.", "Write a number between -1.7E308 and"
                + " 1.7E308."));
            return new Node.Scalar(line, col, null);
          }
          return new Node.Scalar(line, col, number);
        } catch (NumberFormatException e) {
          problems.add(new Problem(source, line, col, null, "",
              "'" + p.getText() + "' is not a finite number.", "Write a decimal number."));
          return new Node.Scalar(line, col, null);
        }
      case VALUE_TRUE:
        return new Node.Scalar(line, col, Boolean.TRUE);
      case VALUE_FALSE:
        return new Node.Scalar(line, col, Boolean.FALSE);
      case VALUE_NULL:
        return new Node.Scalar(line, col, null);
      default:
        problems.add(new Problem(source, line, col, null, "", "Unsupported content: " + t + ".",
            "Use maps, lists, strings, numbers and booleans only."));
        return new Node.Scalar(line, col, null);
    }
  }

  /** Parser messages span lines with a code snippet; keep the lines that say something. */
  private static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (String l : message.split("\\R")) {
      if (!l.isBlank() && !Character.isWhitespace(l.charAt(0))) {
        b.append(b.length() == 0 ? "" : "; ").append(l.trim());
      }
    }
    return b.toString();
  }

  private static int line(JsonLocation at) {
    return Math.max(at.getLineNr(), 0);
  }

  private static int column(JsonLocation at) {
    return Math.max(at.getColumnNr(), 0);
  }
}
