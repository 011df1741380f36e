package dev.baton.engine.repository.internal;

import dev.baton.engine.Problem;
import dev.baton.engine.ValidationException;
import dev.baton.engine.repository.ConcurrentEditException;
import dev.baton.engine.repository.Draft;
import dev.baton.engine.repository.DraftRef;
import dev.baton.engine.repository.MergeResult;
import dev.baton.engine.repository.PackDiff;
import dev.baton.engine.repository.PackEvent;
import dev.baton.engine.repository.PackRefusedException;
import dev.baton.engine.repository.PackRefusedException.Reason;
import dev.baton.engine.repository.PackRepository;
import dev.baton.engine.repository.PackSource;
import dev.baton.engine.repository.PackSummary;
import dev.baton.engine.repository.PublishedVersion;
import dev.baton.engine.repository.RepositoryOptions;
import dev.baton.engine.repository.UnknownPackException;
import dev.baton.engine.rulepack.LocalizedText;
import dev.baton.engine.rulepack.PackKind;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The pack repository on JDBC. Every change to a pack runs in one transaction that first locks
 * the pack's row in {@code baton_pack_artifact} ({@code select ... for update}, on H2 and
 * PostgreSQL alike), so that changes to one pack are serialised across threads and processes.
 * Published content goes to the content store before that transaction (content-addressed, so a
 * failed publish leaves at most an unused copy of valid content, never a version without it).
 */
public final class JdbcPackRepository implements PackRepository {
  private static final int MAX_TEXT = 2000;
  private static final int MAX_ACTOR = 200;
  private static final int MAX_VERSION = 64;
  private static final String PUBLISHED = PublishedVersion.State.PUBLISHED.name();
  private static final String RETIRED = PublishedVersion.State.RETIRED.name();

  private final BatonStore store;
  private final RepositoryOptions options;

  /** A repository on a migrated store. */
  public JdbcPackRepository(BatonStore store, RepositoryOptions options) {
    this.store = store;
    this.options = options;
  }

  // ============================================================================ drafts

  @Override
  public DraftRef importDraft(PackSource source, String actor, String note) {
    String who = actor(actor);
    String why = optional(note, "note");
    PackImporter.Imported in = PackImporter.read(source, options);
    RulePack pack = canonical(in.pack());
    return writeDraft(pack, new Examples(in.examplesName(), in.examples()), null, false, who,
        why == null ? "from " + in.source() : why, PackEvent.Type.DRAFT_IMPORTED, c -> { });
  }

  @Override
  public DraftRef saveDraft(RulePack pack, long expectedRevision, String actor) {
    String who = actor(actor);
    RulePack canonical = canonical(pack);
    return writeDraft(canonical, null, expectedRevision, false, who, null,
        PackEvent.Type.DRAFT_SAVED, c -> { });
  }

  @Override
  public Optional<Draft> draft(String packId) {
    return store.inTransaction(c -> Optional.ofNullable(latestDraft(c, packId)))
        .map(this::toDraft);
  }

  /** The examples to store with a draft revision; null for the previous revision's. */
  private record Examples(String name, String text) {}

  /** Work done in a draft-writing transaction, after the draft row is written. */
  @FunctionalInterface
  private interface Step {
    void run(Connection c) throws SQLException;
  }

  private DraftRef writeDraft(RulePack pack, Examples examples, Long expectedRevision,
      boolean mustBeNew, String actor, String why, PackEvent.Type type, Step extra) {
    checkVersionLength(pack);
    Instant now = now();
    // a first write of a new pack may race another one creating the same row: retry once, then
    // the row exists and the revision check below decides
    for (int attempt = 1; ; attempt++) {
      try {
        return store.inTransaction(c -> {
          Artifact a = lock(c, pack.id());
          if (a != null && mustBeNew) {
            throw new PackRefusedException(pack.id(), Reason.ALREADY_EXISTS, "A pack '"
                + pack.id() + "' exists already" + (a.active == null ? "" : " (active version "
                + a.active + ")") + ". To move it to a newer template version use"
                + " upgradeTemplate, which keeps local edits.");
          }
          if (a == null) {
            insertArtifact(c, pack, actor, now);
          }
          DraftRow current = latestDraft(c, pack.id());
          long currentRevision = current == null ? 0 : current.revision;
          if (expectedRevision != null && expectedRevision != currentRevision) {
            if (current == null) {
              throw new UnknownPackException(pack.id(), null, "'" + pack.id()
                  + "' has no draft, so revision " + expectedRevision + " cannot be saved."
                  + " Save with revision 0 to create it.");
            }
            throw new ConcurrentEditException(pack.id(), expectedRevision, currentRevision,
                current.savedBy, current.savedAt);
          }
          Examples ex = examples != null ? examples : current == null ? new Examples(null, null)
              : new Examples(current.examplesName, current.examples);
          long revision = currentRevision + 1;
          try (PreparedStatement s = c.prepareStatement("insert into baton_pack_draft"
              + " (pack_id, revision, version, content, examples_name, examples, saved_at,"
              + " saved_by) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, pack.id());
            s.setLong(2, revision);
            s.setString(3, pack.version());
            s.setString(4, RulePacks.canonicalJson(pack));
            setNullable(s, 5, ex.name());
            setNullable(s, 6, ex.text());
            s.setObject(7, time(now));
            s.setString(8, actor);
            s.executeUpdate();
          }
          try (PreparedStatement s = c.prepareStatement("update baton_pack_artifact set kind = ?,"
              + " title_en = ?, title_zh = ? where pack_id = ?")) {
            s.setString(1, pack.kind().label());
            s.setString(2, clip(pack.title().en()));
            s.setString(3, clip(pack.title().zhCN()));
            s.setString(4, pack.id());
            s.executeUpdate();
          }
          extra.run(c);
          String active = a == null ? null : a.active;
          event(c, pack.id(), type, pack.version(), revision, active, active, actor, now, why);
          return new DraftRef(pack.id(), revision, pack.version(), RulePacks.contentHash(pack));
        });
      } catch (StoreException e) {
        if (attempt >= 2 || !isConstraintViolation(e)) {
          throw e;
        }
      }
    }
  }

  // =========================================================================== versions

  @Override
  public PublishedVersion publish(String packId, String actor, String note) {
    String who = actor(actor);
    String why = optional(note, "note");
    Draft d = draft(packId).orElseThrow(() -> new UnknownPackException(packId, null,
        "There is no draft of '" + packId + "' to publish. Import the pack or save a draft"
            + " first."));
    RulePack pack = d.pack();
    checkVersionLength(pack);
    String bodyHash = bodyHash(pack);
    store.inTransaction(c -> {
      checkPublishable(c, pack, bodyHash);
      return null;
    });
    String hash = store.contents().put(pack);
    Instant now = now();
    return store.inTransaction(c -> {
      Artifact a = lockExisting(c, packId);
      DraftRow current = latestDraft(c, packId);
      if (current.revision != d.revision()) {
        throw new ConcurrentEditException(packId, d.revision(), current.revision,
            current.savedBy, current.savedAt);
      }
      checkPublishable(c, pack, bodyHash);
      try (PreparedStatement s = c.prepareStatement("insert into baton_pack_version (pack_id,"
          + " version, hash, body_hash, examples_name, examples, state, published_at,"
          + " published_by, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        s.setString(1, packId);
        s.setString(2, pack.version());
        s.setString(3, hash);
        s.setString(4, bodyHash);
        setNullable(s, 5, d.examplesName());
        setNullable(s, 6, d.examples());
        s.setString(7, PUBLISHED);
        s.setObject(8, time(now));
        s.setString(9, who);
        setNullable(s, 10, why);
        s.executeUpdate();
      }
      setActive(c, packId, pack.version());
      event(c, packId, PackEvent.Type.PUBLISHED, pack.version(), d.revision(), a.active,
          pack.version(), who, now, why);
      return new PublishedVersion(packId, pack.version(), hash, now, who, why,
          PublishedVersion.State.PUBLISHED);
    });
  }

  /** Refuses content equal to a published version's, and versions not above the last. */
  private void checkPublishable(Connection c, RulePack pack, String bodyHash)
      throws SQLException {
    List<VersionRow> versions = versionRows(c, pack.id());
    for (VersionRow v : versions) {
      if (v.bodyHash.equals(bodyHash)) {
        throw new PackRefusedException(pack.id(), Reason.IDENTICAL_CONTENT, "The draft of '"
            + pack.id() + "' (version " + pack.version() + ") has the same content as the"
            + " published version " + v.meta.version() + (v.meta.version().equals(pack.version())
            ? "" : ", apart from the version number") + ": there is nothing new to publish."
            + " Change the draft, or keep using " + v.meta.version()
            + (v.meta.state() == PublishedVersion.State.RETIRED ? " (retired)."
            : " (roll back to it if it is not active)."));
      }
    }
    Optional<String> last = versions.stream().map(v -> v.meta.version()).max(SemVer.ORDER);
    if (last.isPresent() && SemVer.compare(pack.version(), last.get()) <= 0) {
      throw new PackRefusedException(pack.id(), Reason.VERSION_NOT_GREATER, "The draft of '"
          + pack.id() + "' has version " + pack.version() + ", which is not greater than the"
          + " last published version " + last.get() + "; a published version never changes."
          + " Set the draft's version higher, e.g. " + next(last.get()) + ", and publish"
          + " again.");
    }
  }

  @Override
  public PublishedVersion retire(String packId, String version, String actor, String why) {
    String who = actor(actor);
    String reason = required(why, "why", "Say why " + packId + " " + version
        + " is retired, e.g. 'threshold too low for Q4'; it goes in the history.");
    Instant now = now();
    return store.inTransaction(c -> {
      Artifact a = lockExisting(c, packId);
      VersionRow v = existingVersion(c, packId, version);
      if (v.meta.state() == PublishedVersion.State.RETIRED) {
        throw new PackRefusedException(packId, Reason.RETIRED, packId + " " + version
            + " is already retired; nothing was changed.");
      }
      try (PreparedStatement s = c.prepareStatement("update baton_pack_version set state = ?"
          + " where pack_id = ? and version = ?")) {
        s.setString(1, RETIRED);
        s.setString(2, packId);
        s.setString(3, version);
        s.executeUpdate();
      }
      String activeAfter = a.active;
      if (version.equals(a.active)) {
        activeAfter = versionRows(c, packId).stream()
            .filter(r -> r.meta.state() == PublishedVersion.State.PUBLISHED)
            .map(r -> r.meta.version()).filter(x -> !x.equals(version))
            .max(SemVer.ORDER).orElse(null);
        setActive(c, packId, activeAfter);
      }
      event(c, packId, PackEvent.Type.RETIRED, version, 0, a.active, activeAfter, who, now,
          reason);
      return withState(v.meta, PublishedVersion.State.RETIRED);
    });
  }

  @Override
  public PublishedVersion rollback(String packId, String version, String actor, String why) {
    String who = actor(actor);
    String reason = required(why, "why", "Say why " + packId + " goes back to " + version
        + ", e.g. 'new threshold sends too many customers to sales'; it goes in the history.");
    Instant now = now();
    return store.inTransaction(c -> {
      Artifact a = lockExisting(c, packId);
      VersionRow v = existingVersion(c, packId, version);
      if (v.meta.state() == PublishedVersion.State.RETIRED) {
        List<String> usable = versionRows(c, packId).stream()
            .filter(r -> r.meta.state() == PublishedVersion.State.PUBLISHED)
            .map(r -> r.meta.version()).toList();
        throw new PackRefusedException(packId, Reason.RETIRED, packId + " " + version
            + " is retired, and a retired version is never active again. Roll back to one of "
            + usable + " instead, or publish a new version.");
      }
      if (version.equals(a.active)) {
        throw new PackRefusedException(packId, Reason.ALREADY_ACTIVE, packId + " " + version
            + " is already the active version; nothing was changed.");
      }
      setActive(c, packId, version);
      event(c, packId, PackEvent.Type.ROLLED_BACK, version, 0, a.active, version, who, now,
          reason);
      return v.meta;
    });
  }

  @Override
  public Optional<RulePack> active(String packId) {
    return activeVersion(packId).flatMap(v -> store.contents().get(v.hash()));
  }

  @Override
  public Optional<RulePack> get(String packId, String version) {
    return store.inTransaction(c -> Optional.ofNullable(versionRow(c, packId, version)))
        .flatMap(v -> store.contents().get(v.meta.hash()));
  }

  @Override
  public Optional<PublishedVersion> activeVersion(String packId) {
    return store.inTransaction(c -> {
      Artifact a = artifact(c, packId, false);
      if (a == null || a.active == null) {
        return Optional.<PublishedVersion>empty();
      }
      VersionRow v = versionRow(c, packId, a.active);
      return Optional.ofNullable(v).map(r -> r.meta);
    });
  }

  @Override
  public List<PublishedVersion> versions(String packId) {
    return store.inTransaction(c -> versionRows(c, packId)).stream().map(v -> v.meta).toList();
  }

  @Override
  public List<PackSummary> list() {
    return store.inTransaction(c -> {
      Map<String, List<VersionRow>> versions = new HashMap<>();
      try (PreparedStatement q = c.prepareStatement(VERSION_SELECT + " order by pack_id");
          ResultSet r = q.executeQuery()) {
        while (r.next()) {
          VersionRow v = versionRow(r);
          versions.computeIfAbsent(v.meta.packId(), k -> new ArrayList<>()).add(v);
        }
      }
      Map<String, Long> drafts = new HashMap<>();
      try (PreparedStatement q = c.prepareStatement("select pack_id, max(revision) from"
          + " baton_pack_draft group by pack_id");
          ResultSet r = q.executeQuery()) {
        while (r.next()) {
          drafts.put(r.getString(1), r.getLong(2));
        }
      }
      List<PackSummary> out = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement("select pack_id, kind, title_en, title_zh,"
          + " active_version from baton_pack_artifact order by pack_id");
          ResultSet r = q.executeQuery()) {
        while (r.next()) {
          String id = r.getString(1);
          List<VersionRow> vs = versions.getOrDefault(id, List.of());
          String active = r.getString(5);
          PackSummary.Lifecycle state = vs.isEmpty() ? PackSummary.Lifecycle.DRAFT
              : active != null ? PackSummary.Lifecycle.PUBLISHED : PackSummary.Lifecycle.RETIRED;
          out.add(new PackSummary(id, PackKind.fromLabel(r.getString(2)).orElse(PackKind.CUSTOM),
              new LocalizedText(r.getString(3), r.getString(4)), state, active,
              vs.stream().map(v -> v.meta.version()).max(SemVer.ORDER).orElse(null),
              drafts.getOrDefault(id, 0L)));
        }
      }
      return out;
    });
  }

  @Override
  public List<PackEvent> history(String packId) {
    return store.inTransaction(c -> {
      List<PackEvent> out = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement("select event_type, version, revision,"
          + " active_before, active_after, actor, occurred_at, why from baton_pack_event"
          + " where pack_id = ? order by event_id")) {
        q.setString(1, packId);
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            out.add(new PackEvent(packId, PackEvent.Type.valueOf(r.getString(1)),
                r.getString(2), r.getLong(3), r.getString(4), r.getString(5), r.getString(6),
                instant(r, 7), r.getString(8)));
          }
        }
      }
      return out;
    });
  }

  @Override
  public PackDiff diff(String packId, String fromVersion, String toVersion) {
    return PackDiff.between(resolve(packId, fromVersion), resolve(packId, toVersion));
  }

  private RulePack resolve(String packId, String version) {
    if (DRAFT.equals(version)) {
      return draft(packId).map(Draft::pack).orElseThrow(() -> new UnknownPackException(packId,
          version, "'" + packId + "' has no draft."));
    }
    return get(packId, version).orElseThrow(() -> unknownVersion(packId, version));
  }

  @Override
  public byte[] exportZip(String packId, String version) {
    VersionRow v = store.inTransaction(c -> versionRow(c, packId, version));
    if (v == null) {
      throw unknownVersion(packId, version);
    }
    RulePack pack = store.contents().get(v.meta.hash()).orElseThrow(() -> new StoreException(
        "The content " + v.meta.hash() + " of " + packId + " " + version + " is missing from"
            + " the content store."));
    Map<String, String> files = new LinkedHashMap<>();
    files.put(packId + "/pack.yaml", RulePacks.toYaml(pack));
    if (v.examplesName != null) {
      files.put(packId + "/" + v.examplesName, v.examples);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        ZipEntry e = new ZipEntry(f.getKey());
        // a fixed local time (not a zone-dependent instant): the same version, the same bytes
        e.setTimeLocal(LocalDateTime.of(1980, 1, 1, 0, 0));
        zip.putNextEntry(e);
        zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  // ========================================================================== templates

  @Override
  public DraftRef importTemplate(RulePack template, Map<String, Object> parameterValues,
      String actor) {
    String who = actor(actor);
    RulePack base = canonical(template);
    List<Problem> problems = new ArrayList<>();
    Map<String, Object> values = parameterValues == null ? Map.of() : parameterValues;
    RulePack local = ParameterValues.apply(base, values, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException("The parameter values for the template "
          + base.coordinates() + " are not valid; nothing was imported", problems);
    }
    RulePack draft = canonical(local);
    if (store.inTransaction(c -> artifact(c, base.id(), false)) != null) {
      throw new PackRefusedException(base.id(), Reason.ALREADY_EXISTS, "A pack '" + base.id()
          + "' exists already. To move it to a newer template version use upgradeTemplate,"
          + " which keeps local edits.");
    }
    String baseHash = store.contents().put(base);
    Instant now = now();
    String why = "template " + base.coordinates() + (values.isEmpty() ? ""
        : " with " + new TreeMap<>(values).entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
    return writeDraft(draft, new Examples(null, null), 0L, true, who, clip(why),
        PackEvent.Type.TEMPLATE_IMPORTED, c -> {
          try (PreparedStatement s = c.prepareStatement("insert into baton_pack_template"
              + " (pack_id, template_version, template_hash, updated_at, updated_by)"
              + " values (?, ?, ?, ?, ?)")) {
            s.setString(1, base.id());
            s.setString(2, base.version());
            s.setString(3, baseHash);
            s.setObject(4, time(now));
            s.setString(5, who);
            s.executeUpdate();
          }
        });
  }

  @Override
  public MergeResult upgradeTemplate(String packId, RulePack newTemplate, String actor,
      Map<String, MergeResult.Resolution> resolutions) {
    String who = actor(actor);
    Map<String, MergeResult.Resolution> settled = resolutions == null ? Map.of() : resolutions;
    String[] baseRow = store.inTransaction(c -> {
      if (artifact(c, packId, false) == null) {
        throw new UnknownPackException(packId, null, "There is no pack '" + packId + "'.");
      }
      try (PreparedStatement q = c.prepareStatement("select template_version, template_hash"
          + " from baton_pack_template where pack_id = ?")) {
        q.setString(1, packId);
        try (ResultSet r = q.executeQuery()) {
          return r.next() ? new String[] {r.getString(1), r.getString(2)} : null;
        }
      }
    });
    if (baseRow == null) {
      throw new PackRefusedException(packId, Reason.NOT_FROM_TEMPLATE, "'" + packId
          + "' was not imported from a template, so there is no base to merge against."
          + " Import templates with importTemplate.");
    }
    RulePack theirs = canonical(newTemplate);
    if (!theirs.id().equals(packId)) {
      throw new PackRefusedException(packId, Reason.NOT_FROM_TEMPLATE, "The template given is '"
          + theirs.id() + "', but '" + packId + "' was imported from the template '" + packId
          + "'. Pass a newer version of that template.");
    }
    if (SemVer.compare(theirs.version(), baseRow[0]) <= 0) {
      throw new PackRefusedException(packId, Reason.TEMPLATE_NOT_NEWER, "The template "
          + theirs.coordinates() + " is not newer than " + baseRow[0] + ", which '" + packId
          + "' is based on. Pass a template with a higher version.");
    }
    RulePack base = store.contents().get(baseRow[1]).orElseThrow(() -> new StoreException(
        "The base template " + packId + "@" + baseRow[0] + " is missing from the content"
            + " store."));
    Draft local = draft(packId).orElseThrow(() -> new UnknownPackException(packId, null,
        "'" + packId + "' has no draft to upgrade."));
    String version = SemVer.compare(local.pack().version(), theirs.version()) >= 0
        ? local.pack().version() : theirs.version();
    Merger.Outcome o = Merger.merge(base, local.pack(), theirs, version, settled);
    if (!o.conflicts().isEmpty()) {
      return new MergeResult(packId, base.version(), theirs.version(), null, null,
          o.conflicts(), o.keptLocal(), o.takenFromTemplate());
    }
    RulePack merged;
    try {
      merged = canonical(o.merged());
    } catch (ValidationException e) {
      List<MergeResult.Conflict> invalid = e.problems().stream().map(p ->
          new MergeResult.Conflict(p.path(), null, null, null, "The merged pack is not valid: "
              + p.message() + (p.hint() == null ? "" : " " + p.hint()) + " Edit the draft so"
              + " that it fits the template " + theirs.version() + ", then upgrade again."))
          .toList();
      return new MergeResult(packId, base.version(), theirs.version(), null, null, invalid,
          o.keptLocal(), o.takenFromTemplate());
    }
    String theirsHash = store.contents().put(theirs);
    Instant now = now();
    DraftRef ref = writeDraft(merged, null, local.revision(), false, who,
        "template " + base.version() + " → " + theirs.version(),
        PackEvent.Type.TEMPLATE_UPGRADED, c -> {
          try (PreparedStatement s = c.prepareStatement("update baton_pack_template set"
              + " template_version = ?, template_hash = ?, updated_at = ?, updated_by = ?"
              + " where pack_id = ?")) {
            s.setString(1, theirs.version());
            s.setString(2, theirsHash);
            s.setObject(3, time(now));
            s.setString(4, who);
            s.setString(5, packId);
            s.executeUpdate();
          }
        });
    return new MergeResult(packId, base.version(), theirs.version(), merged, ref, List.of(),
        o.keptLocal(), o.takenFromTemplate());
  }

  // ============================================================================== rows

  private record Artifact(String id, String active) {}

  private record DraftRow(long revision, String content, String examplesName, String examples,
      Instant savedAt, String savedBy, String packId) {}

  private record VersionRow(PublishedVersion meta, String bodyHash, String examplesName,
      String examples) {}

  private static final String VERSION_SELECT = "select pack_id, version, hash, body_hash,"
      + " examples_name, examples, state, published_at, published_by, note"
      + " from baton_pack_version";

  private Artifact lock(Connection c, String packId) throws SQLException {
    return artifact(c, packId, true);
  }

  private Artifact lockExisting(Connection c, String packId) throws SQLException {
    Artifact a = lock(c, packId);
    if (a == null) {
      throw new UnknownPackException(packId, null, "There is no pack '" + packId + "'.");
    }
    return a;
  }

  private Artifact artifact(Connection c, String packId, boolean forUpdate) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("select pack_id, active_version from"
        + " baton_pack_artifact where pack_id = ?" + (forUpdate ? " for update" : ""))) {
      q.setString(1, packId);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? new Artifact(r.getString(1), r.getString(2)) : null;
      }
    }
  }

  private void insertArtifact(Connection c, RulePack pack, String actor, Instant now)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("insert into baton_pack_artifact (pack_id,"
        + " kind, title_en, title_zh, active_version, created_at, created_by)"
        + " values (?, ?, ?, ?, null, ?, ?)")) {
      s.setString(1, pack.id());
      s.setString(2, pack.kind().label());
      s.setString(3, clip(pack.title().en()));
      s.setString(4, clip(pack.title().zhCN()));
      s.setObject(5, time(now));
      s.setString(6, actor);
      s.executeUpdate();
    }
  }

  private void setActive(Connection c, String packId, String version) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("update baton_pack_artifact set"
        + " active_version = ? where pack_id = ?")) {
      setNullable(s, 1, version);
      s.setString(2, packId);
      s.executeUpdate();
    }
  }

  private DraftRow latestDraft(Connection c, String packId) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("select revision, content, examples_name,"
        + " examples, saved_at, saved_by from baton_pack_draft where pack_id = ?"
        + " order by revision desc")) {
      q.setMaxRows(1);
      q.setString(1, packId);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? new DraftRow(r.getLong(1), r.getString(2), r.getString(3),
            r.getString(4), instant(r, 5), r.getString(6), packId) : null;
      }
    }
  }

  private Draft toDraft(DraftRow row) {
    RulePack pack = RulePacks.parse(row.packId + " (draft revision " + row.revision + ").json",
        row.content);
    return new Draft(row.packId, row.revision, pack, row.examplesName, row.examples,
        row.savedAt, row.savedBy);
  }

  private List<VersionRow> versionRows(Connection c, String packId) throws SQLException {
    List<VersionRow> out = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement(VERSION_SELECT + " where pack_id = ?")) {
      q.setString(1, packId);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          out.add(versionRow(r));
        }
      }
    }
    out.sort((a, b) -> SemVer.compare(a.meta.version(), b.meta.version()));
    return out;
  }

  private VersionRow versionRow(Connection c, String packId, String version)
      throws SQLException {
    try (PreparedStatement q = c.prepareStatement(VERSION_SELECT
        + " where pack_id = ? and version = ?")) {
      q.setString(1, packId);
      q.setString(2, version);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? versionRow(r) : null;
      }
    }
  }

  private VersionRow existingVersion(Connection c, String packId, String version)
      throws SQLException {
    VersionRow v = versionRow(c, packId, version);
    if (v == null) {
      throw unknownVersion(c, packId, version);
    }
    return v;
  }

  private VersionRow versionRow(ResultSet r) throws SQLException {
    PublishedVersion meta = new PublishedVersion(r.getString(1), r.getString(2), r.getString(3),
        instant(r, 8), r.getString(9), r.getString(10),
        PublishedVersion.State.valueOf(r.getString(7)));
    return new VersionRow(meta, r.getString(4), r.getString(5), r.getString(6));
  }

  private UnknownPackException unknownVersion(String packId, String version) {
    return store.inTransaction(c -> unknownVersion(c, packId, version));
  }

  private UnknownPackException unknownVersion(Connection c, String packId, String version)
      throws SQLException {
    List<String> published = versionRows(c, packId).stream().map(v -> v.meta.version())
        .toList();
    return new UnknownPackException(packId, version, published.isEmpty()
        ? "'" + packId + "' has no published version " + version + ": nothing of it is"
            + " published yet."
        : "'" + packId + "' has no published version " + version + ". Published versions: "
            + published + ".");
  }

  private void event(Connection c, String packId, PackEvent.Type type, String version,
      long revision, String activeBefore, String activeAfter, String actor, Instant at,
      String why) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("insert into baton_pack_event (pack_id,"
        + " event_type, version, revision, active_before, active_after, actor, occurred_at, why)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, packId);
      s.setString(2, type.name());
      setNullable(s, 3, version);
      s.setLong(4, revision);
      setNullable(s, 5, activeBefore);
      setNullable(s, 6, activeAfter);
      s.setString(7, actor);
      s.setObject(8, time(at));
      setNullable(s, 9, why);
      s.executeUpdate();
    }
  }

  // =========================================================================== helpers

  /** The pack as it will be stored: written canonically and read back, which validates it. */
  private static RulePack canonical(RulePack pack) {
    return RulePacks.parse(pack.coordinates() + ".json", RulePacks.canonicalJson(pack));
  }

  /** The hash of the content apart from the version: equal for "the same pack, renumbered". */
  static String bodyHash(RulePack pack) {
    return RulePacks.contentHash(new RulePack(pack.id(), "0.0.0", pack.kind(), pack.title(),
        pack.description(), pack.parameters(), pack.scores(), pack.factTypes(), pack.rules(),
        pack.hitPolicy()));
  }

  /** The next patch version, or the release of a pre-release. */
  static String next(String version) {
    int dash = version.indexOf('-');
    if (dash > 0) {
      return version.substring(0, dash);
    }
    String[] p = version.split("\\.");
    return p[0] + "." + p[1] + "." + new BigInteger(p[2]).add(BigInteger.ONE);
  }

  private static void checkVersionLength(RulePack pack) {
    if (pack.version().length() > MAX_VERSION) {
      throw new ValidationException("The version of " + pack.id() + " is too long",
          List.of(new Problem(pack.id(), 0, 0, null, "version", "The version has "
              + pack.version().length() + " characters; at most " + MAX_VERSION
              + " are stored.", "Use a shorter pre-release label.")));
    }
  }

  private static String actor(String actor) {
    String a = required(actor, "actor", "Pass who does this (a user name or service id); it"
        + " goes in the history.");
    if (a.length() > MAX_ACTOR) {
      throw new ValidationException("The actor is too long", List.of(new Problem(null, 0, 0,
          null, "actor", "The actor has " + a.length() + " characters; at most " + MAX_ACTOR
          + " are stored.", "Pass a user name or id.")));
    }
    return a;
  }

  private static String required(String value, String name, String hint) {
    if (value == null || value.isBlank()) {
      throw new ValidationException("The " + name + " is missing", List.of(new Problem(null, 0,
          0, null, name, "The " + name + " is missing.", hint)));
    }
    return optional(value, name);
  }

  private static String optional(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > MAX_TEXT) {
      throw new ValidationException("The " + name + " is too long", List.of(new Problem(null,
          0, 0, null, name, "The " + name + " has " + v.length() + " characters; at most "
          + MAX_TEXT + " are stored.", "Shorten it.")));
    }
    return v;
  }

  private static String clip(String s) {
    return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
  }

  private Instant now() {
    // databases store microseconds: truncate so that what is returned is what is read back
    return options.clock().instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static OffsetDateTime time(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet r, int column) throws SQLException {
    OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static void setNullable(PreparedStatement s, int i, String v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.VARCHAR);
    } else {
      s.setString(i, v);
    }
  }

  private static PublishedVersion withState(PublishedVersion v, PublishedVersion.State state) {
    return new PublishedVersion(v.packId(), v.version(), v.hash(), v.publishedAt(),
        v.publishedBy(), v.note(), state);
  }

  private static boolean isConstraintViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null
          && s.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }
}
