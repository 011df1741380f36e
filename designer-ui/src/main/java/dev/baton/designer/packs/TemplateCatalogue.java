package dev.baton.designer.packs;

import dev.baton.engine.rulepack.BundledTemplates;
import dev.baton.engine.rulepack.RulePack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The template packs shipped in the rule-packs jar (with their examples), loaded at start-up. */
@Component
public class TemplateCatalogue {
  /** The template pack ids, in pipeline order. */
  public static final List<String> PIPELINE = BundledTemplates.IDS;

  /** A template: the pack and its examples text (or null). */
  public record Template(RulePack pack, String examples) {}

  private final Map<String, Template> templates = new LinkedHashMap<>();

  public TemplateCatalogue() {
    for (String id : PIPELINE) {
      templates.put(id, new Template(BundledTemplates.pack(id),
          BundledTemplates.examples(id).orElse(null)));
    }
    // the liquid organisation's packs: in the catalogue (composed and tested like the others),
    // not in the pipeline
    for (String id : BundledTemplates.LIQUID_IDS) {
      templates.put(id, new Template(BundledTemplates.pack(id),
          BundledTemplates.examples(id).orElse(null)));
    }
  }

  /** Every template pack by id. */
  public Map<String, RulePack> packs() {
    Map<String, RulePack> out = new LinkedHashMap<>();
    templates.forEach((k, v) -> out.put(k, v.pack()));
    return out;
  }

  /** Every template with its examples, in catalogue order. */
  public List<Template> templates() {
    return List.copyOf(templates.values());
  }

  /** The template with this id. */
  public Optional<Template> template(String id) {
    return Optional.ofNullable(templates.get(id));
  }

  /** The template pipeline. */
  public List<RulePack> pipeline() {
    return PIPELINE.stream().map(id -> templates.get(id).pack()).toList();
  }
}
