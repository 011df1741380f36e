package dev.baton.designer.audit;

import static dev.baton.designer.security.Role.ADMIN_;
import static dev.baton.designer.security.Role.AUDITOR_;

import dev.baton.engine.audit.Cancellation;
import dev.baton.engine.audit.DecisionRecord;
import dev.baton.engine.audit.ExportFormat;
import dev.baton.engine.audit.Masking;
import dev.baton.engine.audit.ProgressListener;
import dev.baton.engine.audit.ReplayReport;
import dev.baton.engine.audit.ReplayScope;
import dev.baton.engine.audit.VerifyReport;
import dev.baton.engine.battlepack.BattlePackRuntime;
import dev.baton.engine.battlepack.BattlePackStore;
import dev.baton.engine.runtime.Baton;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import dev.baton.engine.rulepack.LocalizedText;
import dev.baton.engine.rules.Decision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The auditor's access to the decision log: search, a decision with the workflow steps it
 * caused, replay, verify and export. Read only; for auditors and administrators.
 */
@Service
public class AuditService {
  /** The most decisions one search shows. */
  public static final int PAGE = 200;
  private final Baton baton;
  private final BattlePackStore packs;
  private final String maskSecret;

  /**
   * @param maskSecret the key of export pseudonyms ({@code baton.mask.secret}, environment
   *     {@code BATON_MASK_SECRET}); empty: the database's own masking key
   */
  public AuditService(Baton baton, BattlePackRuntime runtime,
      @Value("${baton.mask.secret:}") String maskSecret) {
    this.baton = baton;
    this.packs = runtime.services().packs();
    this.maskSecret = maskSecret;
  }

  /** The latest {@link #PAGE} decisions that match, newest first. */
  @RolesAllowed({AUDITOR_, ADMIN_})
  public List<DecisionRecord> search(AuditFilter filter) {
    var query = filter.toQuery(PAGE);
    long total = baton.decisions().count(query);
    List<DecisionRecord> page = new java.util.ArrayList<>(baton.decisions().find(
        query.page(Math.max(0, total - PAGE), PAGE)));
    java.util.Collections.reverse(page);
    return page;
  }

  /** How many decisions match. */
  @RolesAllowed({AUDITOR_, ADMIN_})
  public long count(AuditFilter filter) {
    return baton.decisions().count(filter.toQuery(PAGE));
  }

  /** A decision with its workflow steps, battle packs and outbox. */
  @RolesAllowed({AUDITOR_, ADMIN_})
  public Optional<AuditDetail> detail(String decisionId) {
    return baton.decisions().get(decisionId).map(r -> new AuditDetail(r,
        packs.timeline(decisionId), packs.packsForDecision(decisionId),
        packs.outbox(decisionId), ruleTitles(r)));
  }

  /** The rule titles of the exact pack versions a decision used (a deleted one is skipped). */
  private Map<String, LocalizedText> ruleTitles(DecisionRecord r) {
    Map<String, LocalizedText> titles = new HashMap<>();
    for (Decision.PackRef ref : r.packs()) {
      baton.packs().get(ref.id(), ref.version()).ifPresent(p -> p.rules().forEach(rule ->
          titles.put(AuditDetail.key(p.id(), rule.id()), rule.title())));
    }
    titles.values().removeIf(java.util.Objects::isNull);
    return titles;
  }

  /**
   * The personal-data policy with keyed pseudonyms: under the configured key, else under the
   * database's own masking key (generated once, stored in the database), so pseudonyms stay the
   * same across exports and auditors can join records without seeing the values.
   */
  @RolesAllowed({AUDITOR_, ADMIN_})
  public Masking personalDataMasking() {
    return baton.decisions().personalDataMasking(maskSecret);
  }

  /** Re-evaluates one decision with the pack versions it used and compares. */
  @RolesAllowed({AUDITOR_, ADMIN_})
  public ReplayReport replay(String decisionId) {
    return baton.decisions().replayer().replay(ReplayScope.decision(decisionId));
  }

  /** Re-evaluates the decisions recorded in a range of UTC days, reporting progress. */
  @RolesAllowed({AUDITOR_, ADMIN_})
  public ReplayReport replayRange(LocalDate from, LocalDate to, ProgressListener progress,
      Cancellation cancellation) {
    return baton.decisions().replayer().replay(ReplayScope.between(
        from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
        to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)),
        progress, cancellation);
  }

  /** Checks the hash chain of the whole log. */
  @RolesAllowed({AUDITOR_, ADMIN_})
  public VerifyReport verify() {
    return baton.decisions().verify();
  }

  /** The matching decisions as CSV or JSON, with the given fields masked. */
  @RolesAllowed({AUDITOR_, ADMIN_})
  public byte[] export(AuditFilter filter, ExportFormat format, Masking masking) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    baton.decisions().export(filter.toQuery(0), format, masking, out);
    return out.toByteArray();
  }
}
