package dev.baton.engine.liquid.internal;

import dev.baton.engine.liquid.Campaign;
import dev.baton.engine.liquid.CandidateVerdict;
import dev.baton.engine.liquid.CandidateVerdict.Verdict;
import dev.baton.engine.liquid.DemandRole;
import dev.baton.engine.liquid.Formation;
import dev.baton.engine.liquid.Person;
import dev.baton.engine.liquid.Reason;
import dev.baton.engine.liquid.RoleStaffing;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rules.Decision;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Formation in two halves around the pack's evaluation: {@link #facts} builds one DemandRole fact
 * per demanded role and one Candidate fact per person whose passport holds the role or its
 * required skill; {@link #formation} reads the pack's NOT_ELIGIBLE and RANK actions back and
 * picks, role by role in demand order, the best-ranked eligible people not picked yet.
 */
public final class FormationFacts {
  /** The action the formation pack emits for a missed entry threshold. */
  public static final String NOT_ELIGIBLE = "NOT_ELIGIBLE";
  /** The action the formation pack emits for ranking points. */
  public static final String RANK = "RANK";

  private FormationFacts() {}

  /**
   * The facts, in demand order; names by person id; the candidates' person ids by role, in fact
   * order (what {@link #formation} reads back without going through the facts again).
   */
  public record Pool(List<Fact> facts, Map<String, String> names,
      Map<String, List<String>> candidates) {}

  /** A candidate for a role: the key under which the pack's actions about them are collected. */
  private record Key(String role, String personId) {}

  /**
   * The facts of a formation.
   *
   * @param activeUnits active unit memberships by person id
   * @param liquidPoints contribution points by person id (recent)
   */
  public static Pool facts(Campaign campaign, List<Person> people,
      Map<String, Integer> activeUnits, Map<String, BigDecimal> liquidPoints, Instant now) {
    Map<String, List<Person>> byRole = new HashMap<>();
    Map<String, List<Person>> bySkill = new HashMap<>();
    for (Person p : people) {
      for (String r : p.passport().roles()) {
        byRole.computeIfAbsent(r, k -> new ArrayList<>()).add(p);
      }
      p.passport().skills().forEach((s, level) -> {
        if (level > 0) {
          bySkill.computeIfAbsent(s, k -> new ArrayList<>()).add(p);
        }
      });
    }
    List<Fact> facts = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    Map<String, List<String>> candidates = new LinkedHashMap<>();
    String region = campaign.region() == null ? "" : campaign.region();
    for (DemandRole d : campaign.demand()) {
      Map<String, Object> dv = new LinkedHashMap<>();
      dv.put("campaignId", campaign.id());
      dv.put("role", d.role());
      dv.put("requiredSkill", d.requiredSkill());
      dv.put("minSkillLevel", d.minSkillLevel());
      dv.put("requiredCertification", d.requiredCertification());
      dv.put("count", d.count());
      dv.put("region", region);
      facts.add(new Fact("DemandRole", dv));
      List<Person> holders = byRole.getOrDefault(d.role(), List.of());
      List<Person> skilled = bySkill.getOrDefault(d.requiredSkill(), List.of());
      Set<String> seen = new HashSet<>(2 * (holders.size() + skilled.size()));
      List<Person> pool = new ArrayList<>(holders.size() + skilled.size());
      pool.addAll(holders);
      pool.addAll(skilled);
      List<String> ids = candidates.computeIfAbsent(d.role(), k -> new ArrayList<>());
      boolean certificationRequired = !d.requiredCertification().isEmpty();
      for (Person p : pool) {
        if (!seen.add(p.id())) {
          continue;
        }
        names.put(p.id(), p.name());
        ids.add(p.id());
        Map<String, Object> cv = new LinkedHashMap<>(16);
        cv.put("personId", p.id());
        cv.put("name", p.name());
        cv.put("role", d.role());
        cv.put("holdsRole", p.passport().roles().contains(d.role()));
        cv.put("skillLevel", p.passport().level(d.requiredSkill()));
        cv.put("certified", !certificationRequired
            || p.passport().certified(d.requiredCertification(), now));
        cv.put("activeUnits", activeUnits.getOrDefault(p.id(), 0));
        cv.put("region", p.region() == null ? "" : p.region());
        cv.put("liquidPoints", liquidPoints.getOrDefault(p.id(), BigDecimal.ZERO));
        facts.add(new Fact("Candidate", cv));
      }
    }
    return new Pool(facts, names, candidates);
  }

  /** Reads the decision back into picks and verdicts. */
  public static Formation formation(Campaign campaign, Pool pool, Decision decision,
      String packRef, String decisionId) {
    // per candidate: refusals and ranking reasons, from the pack's actions
    Map<Key, List<Reason>> refusals = new HashMap<>();
    Map<Key, List<Reason>> ranks = new HashMap<>();
    Map<Key, BigDecimal> points = new HashMap<>();
    for (Decision.DecidedAction a : decision.actions()) {
      boolean refusal = a.action().equals(NOT_ELIGIBLE);
      if (!refusal && !a.action().equals(RANK)) {
        continue;
      }
      Map<String, Object> params = a.params();
      Object person = params.get("personId");
      Object role = params.get("role");
      if (person == null || role == null) {
        continue;
      }
      Key key = new Key(role.toString(), person.toString());
      // the values compared: the parameters but the candidate and the code (basis, reason)
      String codeKey = refusal ? "reason" : "basis";
      Map<String, Object> values = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : params.entrySet()) {
        String name = e.getKey();
        if (!name.equals("personId") && !name.equals("role") && !name.equals(codeKey)) {
          values.put(name, e.getValue());
        }
      }
      Object code = params.get(codeKey);
      if (refusal) {
        refusals.computeIfAbsent(key, k -> new ArrayList<>(2)).add(
            new Reason(code == null ? NOT_ELIGIBLE : code.toString(), values, a.rule()));
      } else {
        points.merge(key, number(values.get("points")), BigDecimal::add);
        ranks.computeIfAbsent(key, k -> new ArrayList<>(4)).add(
            new Reason(code == null ? RANK : code.toString(), values, a.rule()));
      }
    }
    Map<String, List<String>> candidates = pool.candidates();
    Set<String> taken = new HashSet<>();
    Map<String, String> takenFor = new HashMap<>();
    List<RoleStaffing> roles = new ArrayList<>();
    List<CandidateVerdict> verdicts = new ArrayList<>();
    for (DemandRole d : campaign.demand()) {
      List<CandidateVerdict> eligible = new ArrayList<>();
      List<CandidateVerdict> refused = new ArrayList<>();
      for (String person : candidates.getOrDefault(d.role(), List.of())) {
        Key key = new Key(d.role(), person);
        BigDecimal p = points.getOrDefault(key, BigDecimal.ZERO);
        List<Reason> no = refusals.get(key);
        if (no != null) {
          refused.add(new CandidateVerdict(person, pool.names().get(person), d.role(),
              Verdict.NOT_ELIGIBLE, p, no));
        } else {
          eligible.add(new CandidateVerdict(person, pool.names().get(person), d.role(),
              Verdict.PICKED, p, ranks.getOrDefault(key, List.of())));
        }
      }
      eligible.sort(Comparator.comparing(CandidateVerdict::points).reversed()
          .thenComparing(CandidateVerdict::personId));
      List<String> picked = new ArrayList<>();
      BigDecimal lastPicked = null;
      for (CandidateVerdict c : eligible) {
        if (taken.contains(c.personId())) {
          List<Reason> rs = new ArrayList<>(c.reasons());
          rs.add(new Reason("PICKED_FOR_OTHER_ROLE", Map.of("otherRole",
              takenFor.get(c.personId())), null));
          verdicts.add(new CandidateVerdict(c.personId(), c.name(), c.role(),
              Verdict.PICKED_FOR_OTHER_ROLE, c.points(), rs));
        } else if (picked.size() < d.count()) {
          picked.add(c.personId());
          taken.add(c.personId());
          takenFor.put(c.personId(), d.role());
          lastPicked = c.points();
          verdicts.add(c);
        } else {
          List<Reason> rs = new ArrayList<>(c.reasons());
          // in this order every time (Map.of's order changes from one JVM to the next)
          Map<String, Object> values = new LinkedHashMap<>();
          values.put("points", c.points());
          values.put("lowestPicked", lastPicked == null ? BigDecimal.ZERO : lastPicked);
          values.put("places", d.count());
          rs.add(new Reason("RANKED_BELOW_PICKS", values, null));
          verdicts.add(new CandidateVerdict(c.personId(), c.name(), c.role(),
              Verdict.RANKED_BELOW_PICKS, c.points(), rs));
        }
      }
      refused.sort(Comparator.comparingInt((CandidateVerdict c) -> c.reasons().size())
          .thenComparing(CandidateVerdict::points, Comparator.reverseOrder())
          .thenComparing(CandidateVerdict::personId));
      verdicts.addAll(refused);
      int shortfall = d.count() - picked.size();
      roles.add(new RoleStaffing(d, picked, shortfall,
          shortfall == 0 ? List.of() : refused.subList(0, Math.min(3, refused.size()))));
    }
    return new Formation(campaign.id(), decision.now(), packRef, decisionId, roles, verdicts);
  }

  static BigDecimal number(Object o) {
    if (o instanceof BigDecimal b) {
      return b;
    }
    if (o instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    return o == null ? BigDecimal.ZERO : new BigDecimal(o.toString());
  }
}
