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
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The template packs shipped in the rule-packs jar (with their examples), loaded at start-up. */
@Component
public class TemplateCatalogue {
  /** The template pack ids, in pipeline order. */
  public static final List<String> PIPELINE =
      dev.baton.engine.battlepack.PipelineSource.TEMPLATE_IDS;

  /** Where the rule-packs jar keeps each template: {@code baton/rule-packs/<id>/}. */
  public static final String ROOT = "baton/rule-packs/";

  /** A template: the pack and its examples text (or null). */
  public record Template(RulePack pack, String examples) {}

  private final Map<String, Template> templates = new LinkedHashMap<>();

  public TemplateCatalogue() {
    for (String id : PIPELINE) {
      String name = ROOT + id + "/pack.yaml";
      String text = read(name).orElseThrow(() ->
          new IllegalStateException("Template pack missing from the classpath: " + name));
      templates.put(id, new Template(RulePacks.parse(name, text),
          read(ROOT + id + "/examples.yaml").orElse(null)));
    }
  }

  private Optional<String> read(String name) {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
      return in == null ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
