package dev.baton.spring.boot;

import dev.baton.engine.repository.PackLoader;
import dev.baton.engine.repository.PackRefusedException;
import dev.baton.engine.repository.PackRepository;
import dev.baton.engine.repository.PackSource;
import dev.baton.engine.rulepack.BundledTemplates;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The packs of the default pipeline, as {@code baton.packs.*} asks: the templates, the pack files
 * at the locations (a pack with a template's id replaces it), ordered by {@code
 * baton.packs.pipeline}, and published when {@code baton.packs.publish-missing} asks for it.
 */
final class StarterPacks {
  /** Who published a pack at start-up, in the repository's history. */
  static final String ACTOR = "baton-spring-boot-starter";

  private static final Logger LOG = LoggerFactory.getLogger(StarterPacks.class);

  private StarterPacks() {}

  /**
   * The loader on the repository with the default pipeline the properties describe.
   *
   * @throws InvalidConfigurationPropertyValueException naming the property when a location
   *     holds no pack or an invalid one, or the pipeline names a pack that was not loaded
   */
  static PackLoader loader(PackRepository repository, BatonProperties.Packs props,
      ResourcePatternResolver resources) {
    List<RulePack> pipeline = pipeline(props, resources);
    if (props.publishMissing()) {
      pipeline.forEach(p -> publishIfMissing(repository, p));
    }
    return PackLoader.on(repository).withDefaultPipeline(pipeline);
  }

  static List<RulePack> pipeline(BatonProperties.Packs props, ResourcePatternResolver resources) {
    Map<String, RulePack> loaded = new LinkedHashMap<>();
    if (props.templates()) {
      BundledTemplates.pipeline().forEach(p -> loaded.put(p.id(), p));
    }
    for (int i = 0; i < props.locations().size(); i++) {
      for (RulePack p : read("baton.packs.locations[" + i + "]", props.locations().get(i),
          resources)) {
        loaded.remove(p.id()); // a replaced template moves to where its replacement was found
        loaded.put(p.id(), p);
      }
    }
    if (props.pipeline().isEmpty()) {
      return new ArrayList<>(loaded.values());
    }
    List<RulePack> ordered = new ArrayList<>();
    for (int i = 0; i < props.pipeline().size(); i++) {
      String id = props.pipeline().get(i).strip();
      RulePack p = loaded.get(id);
      if (p == null) {
        throw new InvalidConfigurationPropertyValueException("baton.packs.pipeline[" + i + "]",
            id, "No pack with this id was loaded; the loaded packs are " + loaded.keySet()
                + " (the templates unless baton.packs.templates=false, and the packs at"
                + " baton.packs.locations).");
      }
      ordered.add(p);
    }
    return ordered;
  }

  private static List<RulePack> read(String property, String location,
      ResourcePatternResolver resources) {
    Resource[] found;
    try {
      found = resources.getResources(location.strip());
    } catch (IOException e) {
      throw new InvalidConfigurationPropertyValueException(property, location,
          "Cannot list the pack files there: " + e.getMessage());
    }
    List<Resource> files = Arrays.stream(found).filter(Resource::isReadable)
        .sorted(Comparator.comparing(StarterPacks::name)).toList();
    if (files.isEmpty()) {
      throw new InvalidConfigurationPropertyValueException(property, location,
          "No pack file there. Give a YAML or JSON pack file as a Spring resource location,"
              + " e.g. classpath:packs/my-pack.yaml or file:/etc/baton/packs/*.yaml.");
    }
    List<RulePack> packs = new ArrayList<>();
    for (Resource r : files) {
      String text;
      try (InputStream in = r.getInputStream()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new InvalidConfigurationPropertyValueException(property, location,
            "Cannot read " + name(r) + ": " + e.getMessage());
      }
      try {
        packs.add(RulePacks.parse(name(r), text));
      } catch (RuntimeException e) {
        throw new InvalidConfigurationPropertyValueException(property, location,
            "The pack " + name(r) + " is not valid: " + e.getMessage());
      }
    }
    return packs;
  }

  private static String name(Resource r) {
    try {
      return r.getURL().toString();
    } catch (IOException e) {
      return r.getDescription();
    }
  }

  private static void publishIfMissing(PackRepository repository, RulePack pack) {
    if (repository.activeVersion(pack.id()).isPresent()) {
      return;
    }
    try {
      repository.importDraft(PackSource.bytes(pack.id() + ".yaml",
          RulePacks.toYaml(pack).getBytes(StandardCharsets.UTF_8)), ACTOR,
          "imported at start-up (baton.packs.publish-missing)");
      var published = repository.publish(pack.id(), ACTOR,
          "published at start-up (baton.packs.publish-missing)");
      LOG.info("Published rule pack {}@{} (baton.packs.publish-missing)", pack.id(),
          published.version());
    } catch (PackRefusedException e) {
      if (repository.activeVersion(pack.id()).isEmpty()) {
        throw new IllegalStateException("baton.packs.publish-missing: the pack '" + pack.id()
            + "' could not be published: " + e.getMessage() + " Publish a version yourself"
            + " ('baton pack publish " + pack.id() + "') or set baton.packs.publish-missing"
            + "=false.", e);
      }
      // another instance published it meanwhile
    }
  }
}
