package dev.baton.engine.liquid.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.liquid.CapabilityPassport;
import dev.baton.engine.liquid.Certification;
import dev.baton.engine.liquid.DemandRole;
import dev.baton.engine.liquid.ExitRule;
import dev.baton.engine.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON columns of the liquid tables (passports, demand lists, exit rules, event items). */
final class LiquidJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final TypeReference<List<Map<String, Object>>> LIST_OF_MAPS =
      new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private LiquidJson() {}

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

  /**
   * A list of strings as JSON, character for character what {@link #write} (Jackson's default
   * generator) gives: only {@code "}, {@code \\} and control characters are escaped ({@code \\b
   * \\t \\n \\f \\r} short, the others as {@code \\u00XX}). The ledger hashes this text, so it
   * must never differ from Jackson's; a property test holds the two together. Written by hand
   * because the ledger writes two such lists per event and Jackson's set-up per call was a
   * seventh of its writer's time.
   */
  static String strings(List<String> items) {
    if (items.isEmpty()) {
      return "[]";
    }
    StringBuilder out = new StringBuilder(16 * items.size() + 8);
    out.append('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String item = items.get(i);
      if (item == null) {
        out.append("null");
        continue;
      }
      out.append('"');
      for (int k = 0; k < item.length(); k++) {
        char c = item.charAt(k);
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c >= 0x20) {
          out.append(c);
        } else {
          switch (c) {
            case '\b' -> out.append("\\b");
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case '\f' -> out.append("\\f");
            case '\r' -> out.append("\\r");
            default -> out.append("\\u00").append(HEX_DIGITS[c >> 4]).append(HEX_DIGITS[c & 0xF]);
          }
        }
      }
      out.append('"');
    }
    return out.append(']').toString();
  }

  static String passport(CapabilityPassport p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("roles", List.copyOf(p.roles()));
    m.put("skills", p.skills());
    List<Map<String, Object>> certs = new ArrayList<>();
    for (Certification c : p.certifications()) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("name", c.name());
      cm.put("validFrom", c.validFrom().toString());
      cm.put("validUntil", c.validUntil() == null ? null : c.validUntil().toString());
      certs.add(cm);
    }
    m.put("certifications", certs);
    return write(m);
  }

  @SuppressWarnings("unchecked")
  static CapabilityPassport passport(String json) {
    Map<String, Object> m = read(json, MAP);
    List<String> roles = (List<String>) m.getOrDefault("roles", List.of());
    Map<String, Integer> skills = new LinkedHashMap<>();
    ((Map<String, Object>) m.getOrDefault("skills", Map.of())).forEach(
        (k, v) -> skills.put(k, ((Number) v).intValue()));
    List<Certification> certs = new ArrayList<>();
    for (Map<String, Object> c : (List<Map<String, Object>>) m.getOrDefault("certifications",
        List.of())) {
      Object until = c.get("validUntil");
      certs.add(new Certification((String) c.get("name"),
          Instant.parse((String) c.get("validFrom")),
          until == null ? null : Instant.parse((String) until)));
    }
    return new CapabilityPassport(new java.util.LinkedHashSet<>(roles), skills, certs);
  }

  static String demand(List<DemandRole> demand) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (DemandRole d : demand) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("role", d.role());
      m.put("count", d.count());
      m.put("requiredSkill", d.requiredSkill());
      m.put("minSkillLevel", d.minSkillLevel());
      m.put("requiredCertification", d.requiredCertification());
      out.add(m);
    }
    return write(out);
  }

  static List<DemandRole> demand(String json) {
    List<DemandRole> out = new ArrayList<>();
    for (Map<String, Object> m : read(json, LIST_OF_MAPS)) {
      out.add(new DemandRole((String) m.get("role"), ((Number) m.get("count")).intValue(),
          (String) m.get("requiredSkill"), ((Number) m.get("minSkillLevel")).intValue(),
          (String) m.get("requiredCertification")));
    }
    return out;
  }

  static String exitRules(List<ExitRule> rules) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ExitRule r : rules) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", r.kind().name());
      m.put("after", r.after() == null ? null : r.after().toString());
      out.add(m);
    }
    return write(out);
  }

  static List<ExitRule> exitRules(String json) {
    List<ExitRule> out = new ArrayList<>();
    for (Map<String, Object> m : read(json, LIST_OF_MAPS)) {
      Object after = m.get("after");
      out.add(new ExitRule(ExitRule.Kind.valueOf((String) m.get("kind")),
          after == null ? null : Duration.parse((String) after)));
    }
    return out;
  }

  static List<String> strings(String json) {
    return read(json, STRINGS);
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new StoreException("A stored liquid-organisation document is not valid JSON: "
          + e.getOriginalMessage(), e);
    }
  }
}
