package dev.baton.designer.packs.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Texts in English and Chinese ({@code {en: ..., zh-CN: ...}}): the pack's title and
 * description, each parameter's title and each rule's title and description. A missing
 * translation is not a blocker for an analyst who writes one language: {@link #fillMissing}
 * copies the written language into the missing one and names what it filled, so the designer
 * can say so as a warning.
 */
public final class Translations {
  public static final String EN = "en";
  public static final String ZH = "zh-CN";

  private Translations() {}

  /** One filled translation: where, and which language was copied from which. */
  public record Filled(String where, String language, String from) {}

  /** Fills each missing (or blank) translation from the other language; returns what it did. */
  @SuppressWarnings("unchecked")
  public static List<Filled> fillMissing(Map<String, Object> root) {
    List<Filled> out = new ArrayList<>();
    fill(root.get("title"), "pack", out);
    fill(root.get("description"), "pack description", out);
    if (root.get("parameters") instanceof Map<?, ?> params) {
      params.forEach((name, p) -> {
        if (p instanceof Map<?, ?> m) {
          fill(m.get("title"), "parameter " + name, out);
        }
      });
    }
    if (root.get("rules") instanceof List<?> rules) {
      for (Object r : rules) {
        if (r instanceof Map<?, ?> rule) {
          fill(rule.get("title"), "rule " + rule.get("id"), out);
          fill(rule.get("description"), "rule " + rule.get("id") + " description", out);
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void fill(Object text, String where, List<Filled> out) {
    if (!(text instanceof Map<?, ?> raw)) {
      return;
    }
    Map<String, Object> m = (Map<String, Object>) raw;
    boolean en = !blank(m.get(EN));
    boolean zh = !blank(m.get(ZH));
    if (en && !zh) {
      m.put(ZH, m.get(EN));
      out.add(new Filled(where, ZH, EN));
    } else if (zh && !en) {
      m.put(EN, m.get(ZH));
      out.add(new Filled(where, EN, ZH));
    }
  }

  private static boolean blank(Object v) {
    return v == null || String.valueOf(v).isBlank();
  }
}
