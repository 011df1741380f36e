package dev.baton.engine.repository;

import dev.baton.engine.rulepack.PackRef;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads rule packs by reference: {@code id} (the active published version), {@code id@version}
 * (that published version) or, where the caller allows files, a pack file or folder. Also the
 * default pipeline: for each template, the active published version of the pack with its id, or
 * the template itself when none is published (sales ops' published edits win, and a fresh
 * installation runs on the templates). Asked again per evaluation, so a newly published version
 * applies to the next one.
 *
 * <p>Thread-safe and immutable. A reference that names nothing throws {@link
 * UnknownPackException} (what is missing and how to list or publish it); a malformed one
 * {@link dev.baton.engine.ValidationException}.
 */
public final class PackLoader {
  private final PackRepository repository;
  private final List<RulePack> templates;

  private PackLoader(PackRepository repository, List<RulePack> templates) {
    this.repository = repository;
    this.templates = List.copyOf(templates);
  }

  /** Loads from the repository (and from files through {@link #load(String)}). */
  public static PackLoader on(PackRepository repository) {
    return new PackLoader(java.util.Objects.requireNonNull(repository, "repository"),
        List.of());
  }

  /** Loads from files only; the default pipeline is always the given packs. */
  public static PackLoader fixed(List<RulePack> pipeline) {
    return new PackLoader(null, pipeline);
  }

  /** The same loader whose default pipeline is built on these templates, in order. */
  public PackLoader withDefaultPipeline(List<RulePack> newTemplates) {
    return new PackLoader(repository, newTemplates);
  }

  /** The default pipeline: each template's active published version, or the template. */
  public List<RulePack> defaultPipeline() {
    if (repository == null) {
      return templates;
    }
    List<RulePack> out = new ArrayList<>(templates.size());
    for (RulePack t : templates) {
      out.add(repository.active(t.id()).orElse(t));
    }
    return out;
  }

  /** The pack a reference names in the repository. */
  public RulePack load(PackRef ref) {
    if (repository == null) {
      throw new UnknownPackException(ref.id().value(), ref.version(), "No pack repository to"
          + " load " + ref + " from: give a pack file or folder instead.");
    }
    String id = ref.id().value();
    if (ref.version() == null) {
      return repository.active(id).orElseThrow(() -> new UnknownPackException(id, null,
          "The pack '" + id + "' has no active published version: publish it, or name a"
              + " version as " + id + "@<version>."));
    }
    return repository.get(id, ref.version()).orElseThrow(() -> new UnknownPackException(id,
        ref.version(), "The pack '" + id + "' has no version " + ref.version()
            + ": list its versions ('baton pack list', GET /api/v1/packs/" + id + ")."));
  }

  /** The packs the references name, in order (repository references only, no files). */
  public List<RulePack> load(List<PackRef> refs) {
    List<RulePack> out = new ArrayList<>(refs.size());
    refs.forEach(r -> out.add(load(r)));
    return out;
  }

  /** A pack file or folder. */
  public RulePack load(Path path) {
    return RulePacks.read(path);
  }

  /**
   * A pack file or folder when the text is a path that exists or cannot be a pack reference
   * (so that a mistyped path is reported as a missing file), else the repository's pack.
   */
  public RulePack load(String reference) {
    if (isPath(reference)) {
      return load(Path.of(reference));
    }
    PackRef ref = PackRef.parse(reference);
    try {
      return load(ref);
    } catch (UnknownPackException e) {
      String id = ref.id().value();
      throw new UnknownPackException(id, ref.version(), ref.version() == null
          ? "No pack file or folder " + reference + ", and the repository has no active"
              + " version of a pack '" + id + "'. Give a path, or import and publish it: baton"
              + " pack import <folder>; baton pack publish " + id + "."
          : "No pack file or folder " + reference + ", and the repository has no " + id + " "
              + ref.version() + ". List the packs with 'baton pack list'.");
    }
  }

  /** True when {@link #load(String)} reads the text as a path. */
  public static boolean isPath(String reference) {
    if (PackRef.tryParse(reference).isEmpty()) {
      return true;
    }
    try {
      return Files.exists(Path.of(reference));
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
