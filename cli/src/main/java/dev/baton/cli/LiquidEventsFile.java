package dev.baton.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.liquid.CollaborationEvent;
import dev.baton.engine.liquid.LiquidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file of collaboration events for {@code baton liquid import}: a JSON array of event objects,
 * or JSON Lines (one event object per line, blank lines skipped), each with the fields of the REST
 * API's event body. Reading checks every event and keeps its line, so that a problem names where
 * it is ({@code events.jsonl:12: [11].occurredAt: ...}).
 */
final class LiquidEventsFile {
  /** The fields of an event (as {@code POST /api/v1/liquid/events} takes them). */
  static final List<String> FIELDS = List.of("eventId", "occurredAt", "personId", "campaignId",
      "customerId", "kind", "inputs", "outputs", "counterpartDepartment");
  private static final Set<String> REQUIRED = Set.of("eventId", "occurredAt", "personId", "kind");
  private static final Set<String> LISTS = Set.of("inputs", "outputs");
  private static final Pattern INDEX = Pattern.compile("^\\[(\\d+)]");
  private static final Pattern LOCATED = Pattern.compile("^(?::\\d+)?: \\[(\\d+)]");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path file;
  private final List<CollaborationEvent> events = new ArrayList<>();
  private final List<Integer> lines = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  private LiquidEventsFile(Path file) {
    this.file = file;
  }

  /** Reads and checks the file; {@link #problems()} says what is wrong, if anything. */
  static LiquidEventsFile read(Path file) {
    LiquidEventsFile f = new LiquidEventsFile(file);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + " as UTF-8 text: " + e.getMessage(),
          e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.strip().startsWith("[")) {
      f.readArray(text);
    } else {
      f.readLines(text);
    }
    if (f.lines.isEmpty() && f.problems.isEmpty()) {
      f.problems.add(file + ": has no event. Give a JSON array of events, or one event object"
          + " per line (JSON Lines).");
    }
    return f;
  }

  private void readArray(String text) {
    try (JsonParser p = MAPPER.createParser(text)) {
      p.nextToken();
      int index = 0;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t == null) {
          problems.add(file + ": the JSON array is not closed. End it with ']'.");
          return;
        }
        int line = p.currentTokenLocation().getLineNr();
        add(index++, line, MAPPER.readTree(p));
      }
      if (p.nextToken() != null) {
        problems.add(where(p.currentTokenLocation().getLineNr()) + "there is more after the"
            + " array's ']'. Give one JSON array, or JSON Lines.");
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      problems.add(where(at == null ? 0 : at.getLineNr()) + "not valid JSON: "
          + e.getOriginalMessage() + ". Give a JSON array of event objects.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void readLines(String text) {
    String[] all = text.split("\r?\n", -1);
    int index = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i].isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = MAPPER.readTree(all[i]);
      } catch (JsonProcessingException e) {
        lines.add(i + 1);
        events.add(null);
        problems.add(where(i + 1) + "[" + index++ + "]: not valid JSON: " + e.getOriginalMessage()
            + ". In JSON Lines each line is one whole event object; or give a JSON array.");
        continue;
      }
      add(index++, i + 1, node);
    }
  }

  private void add(int index, int line, JsonNode node) {
    String at = where(line) + "[" + index + "]";
    lines.add(line);
    if (node == null || !node.isObject()) {
      problems.add(at + ": is not an event object. Give {\"eventId\": ..., \"occurredAt\": ...,"
          + " \"personId\": ..., \"kind\": ...}.");
      events.add(null);
      return;
    }
    int before = problems.size();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        problems.add(at + "." + name + ": is not a field of an event. Use " + FIELDS + ".");
      }
    }
    for (String name : FIELDS) {
      JsonNode v = node.get(name);
      boolean missing = v == null || v.isNull() || v.isTextual() && v.asText().isBlank();
      if (missing) {
        if (REQUIRED.contains(name)) {
          problems.add(at + "." + name + ": is missing" + (name.equals("occurredAt")
              ? ". Give an ISO-8601 instant, e.g. 2026-12-07T02:00:00Z." : "."));
        }
      } else if (LISTS.contains(name)) {
        if (!v.isArray() || !allText(v)) {
          problems.add(at + "." + name + ": is not a list of texts. Give e.g. [\"招标文件\"].");
        }
      } else if (!v.isTextual()) {
        problems.add(at + "." + name + ": is not a text. Give it in quotes.");
      }
    }
    Instant occurredAt = null;
    if (problems.size() == before) {
      try {
        occurredAt = Instant.parse(node.get("occurredAt").asText());
      } catch (DateTimeParseException e) {
        problems.add(at + ".occurredAt: '" + node.get("occurredAt").asText() + "' is not an"
            + " ISO-8601 instant. Give e.g. 2026-12-07T02:00:00Z.");
      }
    }
    if (problems.size() > before) {
      events.add(null);
      return;
    }
    try {
      events.add(new CollaborationEvent(text(node, "eventId"), occurredAt,
          text(node, "personId"), text(node, "campaignId"), text(node, "customerId"),
          text(node, "kind"), texts(node, "inputs"), texts(node, "outputs"),
          text(node, "counterpartDepartment")));
    } catch (LiquidInputException e) {
      problems.add(at + ": " + e.getMessage());
      events.add(null);
    }
  }

  private static boolean allText(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  private static List<String> texts(JsonNode node, String field) {
    JsonNode v = node.get(field);
    List<String> out = new ArrayList<>();
    if (v != null && v.isArray()) {
      v.forEach(item -> out.add(item.asText()));
    }
    return out;
  }

  private String where(int line) {
    return file + (line > 0 ? ":" + line : "") + ": ";
  }

  /** The events in file order (valid only when there is no problem). */
  List<CollaborationEvent> events() {
    return events;
  }

  /** What is wrong, one line per problem with file, line and index; empty when all is well. */
  List<String> problems() {
    return problems;
  }

  /**
   * The problems of the file and then those the engine found ({@code [index].field: ...}) with
   * events the file's own checks passed, in the order of the events.
   */
  List<String> problems(List<String> engineProblems) {
    List<String> all = new ArrayList<>(problems);
    for (String p : engineProblems) {
      int index = index(p);
      if (index < 0 || index >= events.size() || events.get(index) != null) {
        all.add(locate(p));
      }
    }
    all.sort(Comparator.comparingInt(this::order));
    return all;
  }

  private int order(String located) {
    String rest = located.startsWith(file.toString()) ? located.substring(
        file.toString().length()) : located;
    Matcher m = LOCATED.matcher(rest);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static int index(String problem) {
    Matcher m = INDEX.matcher(problem);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /**
   * A problem the engine found with an event of this file ({@code [index].field: ...}), with the
   * file and line of the event in front.
   */
  String locate(String problem) {
    int index = index(problem);
    return index >= 0 && index < lines.size() ? where(lines.get(index)) + problem
        : file + ": " + problem;
  }
}
