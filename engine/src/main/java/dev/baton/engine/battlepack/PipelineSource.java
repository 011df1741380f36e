package dev.baton.engine.battlepack;

import dev.baton.engine.repository.PackRepository;
import dev.baton.engine.rulepack.BundledTemplates;
import dev.baton.engine.rulepack.RulePack;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@code baton.evaluate} takes its rule pipeline from (cmi-threshold → ai-trigger →
 * consent-check). Asked once per job, so a newly published pack version applies to the next
 * visit request. Implementations are thread-safe.
 */
@FunctionalInterface
public interface PipelineSource {

  /** The pipeline, in evaluation order. */
  List<RulePack> pipeline();

  /** Always these packs. */
  static PipelineSource fixed(List<RulePack> packs) {
    List<RulePack> copy = List.copyOf(packs);
    return () -> copy;
  }

  /**
   * For each template, the active published version of the pack with the template's id in the
   * repository, or the template itself when none is published: sales ops' published edits win,
   * and the workflow runs out of the box before anything is published.
   */
  static PipelineSource publishedOr(PackRepository repository, List<RulePack> templates) {
    List<RulePack> copy = List.copyOf(templates);
    return () -> {
      List<RulePack> out = new ArrayList<>(copy.size());
      for (RulePack t : copy) {
        out.add(repository.active(t.id()).orElse(t));
      }
      return out;
    };
  }

  /** The template pack ids of the pipeline, in evaluation order. */
  List<String> TEMPLATE_IDS = BundledTemplates.IDS;

  /**
   * The template packs shipped in the rule-packs jar ({@code baton/rule-packs/<id>/pack.yaml}),
   * in pipeline order.
   *
   * @throws dev.baton.engine.BatonException when the rule-packs jar is not on the class path
   */
  static List<RulePack> bundledTemplates() {
    return BundledTemplates.pipeline();
  }
}
