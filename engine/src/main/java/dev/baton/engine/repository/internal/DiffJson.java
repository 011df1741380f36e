package dev.baton.engine.repository.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.baton.engine.repository.PackDiff;
import dev.baton.engine.rulepack.LocalizedText;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link PackDiff} as JSON; absent before / after values are left out. */
public final class DiffJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private DiffJson() {}

  /** Pretty-printed JSON. */
  public static String write(PackDiff d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pack", d.packId());
    m.put("from", Map.of("version", d.fromVersion(), "hash", d.fromHash()));
    m.put("to", Map.of("version", d.toVersion(), "hash", d.toHash()));
    m.put("changes", d.size());
    m.put("header", changes(d.header()));
    m.put("parameters", changes(d.parameters()));
    m.put("facts", changes(d.facts()));
    Map<String, Object> rules = new LinkedHashMap<>();
    rules.put("added", d.rulesAdded().stream().map(r -> ref(r.id(), r.title())).toList());
    rules.put("removed", d.rulesRemoved().stream().map(r -> ref(r.id(), r.title())).toList());
    rules.put("changed", d.rulesChanged().stream().map(r -> {
      Map<String, Object> rm = ref(r.id(), r.title());
      rm.put("changes", changes(r.changes()));
      return rm;
    }).toList());
    m.put("rules", rules);
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> ref(String id, LocalizedText title) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("en", title.en());
    t.put("zh-CN", title.zhCN());
    m.put("title", t);
    return m;
  }

  private static List<Map<String, Object>> changes(List<PackDiff.Change> changes) {
    return changes.stream().map(c -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", c.kind().name());
      m.put("path", c.path());
      if (c.before() != null) {
        m.put("before", c.before());
      }
      if (c.after() != null) {
        m.put("after", c.after());
      }
      return m;
    }).toList();
  }
}
