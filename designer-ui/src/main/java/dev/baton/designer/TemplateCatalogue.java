package dev.baton.designer;

import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The template packs shipped in the rule-packs jar, loaded at start-up. */
@Component
public class TemplateCatalogue {
  /** The template pack ids, in pipeline order. */
  public static final List<String> PIPELINE = List.of("cmi-threshold", "ai-trigger",
      "consent-check");

  private final Map<String, RulePack> packs = new LinkedHashMap<>();

  public TemplateCatalogue() {
    for (String id : PIPELINE) {
      String name = "baton/rule-packs/" + id + "/pack.yaml";
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("Template pack missing from the classpath: " + name);
        }
        packs.put(id, RulePacks.parse(name, new String(in.readAllBytes(),
            StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Every template pack by id. */
  public Map<String, RulePack> packs() {
    return Map.copyOf(packs);
  }

  /** The template pipeline. */
  public List<RulePack> pipeline() {
    return PIPELINE.stream().map(packs::get).toList();
  }
}
