package dev.baton.engine.rulepack;

import dev.baton.engine.BatonException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The template packs shipped in the {@code baton-rule-packs} jar, read from the class path: each
 * at {@code baton/rule-packs/<id>/pack.yaml}, with its examples in {@code examples.yaml} next to
 * it. The CLI's {@code serve}, the designer's catalogue and the battle-pack workflow's default
 * pipeline all start from them.
 */
public final class BundledTemplates {

  /** The template pack ids, in pipeline (evaluation) order. */
  public static final List<String> IDS = List.of("cmi-threshold", "ai-trigger", "consent-check");

  /**
   * The liquid organisation's template packs (unit formation, contribution points): not part of
   * the pipeline, evaluated on their own by {@code dev.baton.engine.liquid}.
   */
  public static final List<String> LIQUID_IDS = List.of("unit-formation", "contribution-points");

  /** Where the jar keeps the templates. */
  public static final String ROOT = "baton/rule-packs/";

  private BundledTemplates() {}

  /**
   * The template pack with this id, parsed and validated.
   *
   * @throws BatonException when it is not on the class path (the rule-packs jar is missing)
   */
  public static RulePack pack(String id) {
    String name = ROOT + id + "/pack.yaml";
    return RulePacks.parse(name, read(name).orElseThrow(() -> new BatonException(
        "The template pack " + name + " is not on the class path: add the baton-rule-packs"
            + " jar.")));
  }

  /** The examples text of the template with this id, when it ships examples. */
  public static Optional<String> examples(String id) {
    return read(ROOT + id + "/examples.yaml");
  }

  /**
   * Every template pack, in pipeline order.
   *
   * @throws BatonException when the rule-packs jar is not on the class path
   */
  public static List<RulePack> pipeline() {
    return IDS.stream().map(BundledTemplates::pack).toList();
  }

  private static Optional<String> read(String name) {
    try (InputStream in = BundledTemplates.class.getClassLoader().getResourceAsStream(name)) {
      return in == null ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name + " from the class path", e);
    }
  }
}
