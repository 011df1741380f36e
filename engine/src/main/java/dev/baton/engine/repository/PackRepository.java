package dev.baton.engine.repository;

import dev.baton.engine.repository.internal.JdbcPackRepository;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.store.BatonStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule packs as versioned artifacts, in a {@link BatonStore}. A pack has an editable draft (with
 * revisions, for optimistic concurrency) and published versions identified by {@code (id,
 * semver)}: publishing canonicalises the draft, hashes it (SHA-256) and stores it immutably,
 * also in {@link BatonStore#contents()} so that decision replay finds it by hash. One published
 * version is active; callers pin a version ({@link #get}) or take the active one ({@link
 * #active}). Every change is recorded as a {@link PackEvent}.
 *
 * <p>Thread-safe, and safe to use from several processes on one database: changes to one pack
 * are serialised by the database. Every failed operation changes nothing: invalid input throws
 * {@link dev.baton.engine.ValidationException} (a pack with every problem: {@link
 * dev.baton.engine.rulepack.RulePackInvalidException}), a stale draft revision {@link
 * ConcurrentEditException}, a missing pack or version {@link UnknownPackException}, a refusal
 * because of the pack's state {@link PackRefusedException}, a database failure {@link
 * dev.baton.engine.store.StoreException}. {@code actor} is required everywhere (who did it).
 */
public interface PackRepository {

  /** The name that {@link #diff} accepts for the current draft instead of a version. */
  String DRAFT = "draft";

  /** A repository on a store, with default options. */
  static PackRepository on(BatonStore store) {
    return on(store, RepositoryOptions.defaults());
  }

  /** A repository on a store. */
  static PackRepository on(BatonStore store, RepositoryOptions options) {
    return new JdbcPackRepository(store, options);
  }

  // ------------------------------------------------------------------------------ drafts

  /**
   * Imports a pack (with its examples, when the source has {@code examples.yaml}) as the new
   * draft revision of the pack's id, creating the pack if it is new; earlier revisions stay
   * stored. The pack and its examples are validated. A zip holds one pack, at its root or in one
   * top-level folder; a zip whose entries leave its root (zip slip), are too large or too many
   * ({@link RepositoryOptions}) is refused with every offending entry named.
   *
   * @param note why it was imported, or null
   */
  DraftRef importDraft(PackSource source, String actor, String note);

  /**
   * Saves an edited pack as the next draft revision of {@code pack.id()}; the examples of the
   * previous revision are kept. The pack is validated first.
   *
   * @param expectedRevision the revision the edit is based on, 0 to create a new pack's draft
   * @throws ConcurrentEditException when the draft is no longer at {@code expectedRevision}
   */
  DraftRef saveDraft(RulePack pack, long expectedRevision, String actor);

  /** The latest draft of a pack. */
  Optional<Draft> draft(String packId);

  // ------------------------------------------------------------------- versions

  /**
   * Publishes the current draft as a new version, which becomes active. Refused when the draft
   * is invalid, its version is not greater than every published version (semantic-version order,
   * a pre-release below its release), or its content equals a published version's apart from the
   * version number.
   *
   * @param note what changed and why, or null
   */
  PublishedVersion publish(String packId, String actor, String note);

  /**
   * Retires a published version: it is never active again, and stays readable. When it was the
   * active version, the highest remaining published version becomes active (none if none is).
   *
   * @param why the reason, required
   */
  PublishedVersion retire(String packId, String version, String actor, String why);

  /**
   * Makes an earlier (or any other) published, not retired version active again, recorded as a
   * {@link PackEvent.Type#ROLLED_BACK} event with the version that was active before.
   *
   * @param why the reason, required
   */
  PublishedVersion rollback(String packId, String version, String actor, String why);

  /** The active version of a pack: what callers get when they do not pin a version. */
  Optional<RulePack> active(String packId);

  /** A pinned version (published or retired). */
  Optional<RulePack> get(String packId, String version);

  /** The active version's metadata. */
  Optional<PublishedVersion> activeVersion(String packId);

  /** Every published version of a pack, lowest first. */
  List<PublishedVersion> versions(String packId);

  /** Every pack, by id. */
  List<PackSummary> list();

  /** A pack's history, oldest first. */
  List<PackEvent> history(String packId);

  /**
   * The semantic difference between two versions of a pack; either may be {@link #DRAFT}.
   *
   * @throws UnknownPackException when a version does not exist
   */
  PackDiff diff(String packId, String fromVersion, String toVersion);

  /**
   * A published version as a zip: {@code pack.yaml} in the canonical YAML, and the examples
   * file when the version has one. Importing the zip gives the same content hash. The bytes are
   * the same every time for the same version.
   */
  byte[] exportZip(String packId, String version);

  // ------------------------------------------------------------------ templates

  /**
   * Creates a pack's draft from a template, with the template's parameters set to the given
   * values (the template's knobs, e.g. {@code cmiThreshold: 60}); unnamed parameters keep their
   * default. The template is stored as the base for later upgrades. Values are Java values of
   * the parameter's type: numbers, strings, booleans, ISO-8601 strings or {@code java.time}
   * values for dates, times and durations, lists for list parameters.
   *
   * @throws PackRefusedException when a pack with the template's id exists already
   * @throws dev.baton.engine.ValidationException when a parameter is unknown or a value does not
   *     fit its type (every problem at once)
   */
  DraftRef importTemplate(RulePack template, Map<String, Object> parameterValues, String actor);

  /**
   * Upgrades a pack imported from a template to a newer template version with a three-way merge
   * at the model level of the base template (the one imported or last upgraded to), the new
   * template, and the local draft: parameters (type, value, title), fact types and fields,
   * rules by id (title, priority, conditions, actions) and the header. Local edits are kept,
   * template changes taken; where both changed the same element differently, or the merged pack
   * is not valid, the result lists the conflicts and nothing changes. The merged draft's version
   * is the higher of the local draft's and the new template's.
   *
   * @param resolutions how to settle conflicts found by an earlier attempt, by conflict path
   */
  MergeResult upgradeTemplate(String packId, RulePack newTemplate, String actor,
      Map<String, MergeResult.Resolution> resolutions);

  /** {@link #upgradeTemplate(String, RulePack, String, Map)} with no resolutions. */
  default MergeResult upgradeTemplate(String packId, RulePack newTemplate, String actor) {
    return upgradeTemplate(packId, newTemplate, actor, Map.of());
  }
}
