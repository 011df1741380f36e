package dev.baton.engine.liquid.internal;


import dev.baton.engine.liquid.ContributionSummary;
import dev.baton.engine.liquid.FormationMode;
import dev.baton.engine.liquid.FormedUnit;
import dev.baton.engine.liquid.LiquidInputException;
import dev.baton.engine.liquid.LiquidServices;
import dev.baton.engine.liquid.Unit;
import dev.baton.engine.liquid.UnitMember;
import dev.baton.engine.liquid.UnitStatus;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The battle-unit workflow's job handlers. Each is idempotent by the state it changes: forming
 * reuses the unit already formed for the job's process instance (or named by {@code unitId}),
 * confirming a unit that is no longer proposed, escalating an escalated unit and dissolving a
 * dissolved one change nothing and complete with the same variables. Wrong input (an unknown
 * campaign or unit, a bad member list) fails the job without retries: an incident that says what
 * to fix.
 */
public final class LiquidHandlers {
  /** Job types. */
  public static final String FORM = "baton.liquid.form-unit";
  public static final String CONFIRM = "baton.liquid.confirm-unit";
  public static final String ESCALATE = "baton.liquid.escalate";
  public static final String DISSOLVE = "baton.liquid.dissolve";

  private LiquidHandlers() {}

  /** The handler of each job type. */
  public static Map<String, JobHandler> all(LiquidServices liquid) {
    Map<String, JobHandler> out = new LinkedHashMap<>();
    out.put(FORM, handler(job -> form(liquid, job)));
    out.put(CONFIRM, handler(job -> confirm(liquid, job)));
    out.put(ESCALATE, handler(job -> escalate(liquid, job)));
    out.put(DISSOLVE, handler(job -> dissolve(liquid, job)));
    return out;
  }

  private interface Step {
    Map<String, Object> run(ActivatedJob job);
  }

  private static JobHandler handler(Step step) {
    return (JobClient client, ActivatedJob job) -> {
      Map<String, Object> out;
      try {
        out = step.run(job);
      } catch (LiquidInputException e) {
        client.newFailCommand(job.getKey()).retries(0).errorMessage(e.getMessage()).send().join();
        return;
      }
      client.newCompleteCommand(job.getKey()).variables(out).send().join();
    };
  }

  private static String text(ActivatedJob job, String name, boolean required) {
    Object v = job.getVariablesAsMap().get(name);
    if (v == null || v.toString().isBlank()) {
      if (required) {
        throw new LiquidInputException("The battle-unit workflow needs the variable '" + name
            + "' (instance " + job.getProcessInstanceKey() + "): start it with it.");
      }
      return null;
    }
    return v.toString();
  }

  static Map<String, Object> form(LiquidServices liquid, ActivatedJob job) {
    String campaignId = text(job, "campaignId", true);
    String unitId = text(job, "unitId", false);
    String modeText = text(job, "mode", false);
    FormationMode mode;
    try {
      mode = modeText == null ? FormationMode.AUTOMATIC : FormationMode.valueOf(modeText);
    } catch (IllegalArgumentException e) {
      throw new LiquidInputException("The variable 'mode' is '" + modeText + "': use AUTOMATIC"
          + " or LEAD_CONFIRMS.");
    }
    Optional<Unit> existing = unitId != null ? liquid.directory().unit(unitId)
        : liquid.directory().unitsOf(campaignId).stream()
            .filter(u -> u.processInstanceKey() == job.getProcessInstanceKey()).findFirst();
    Unit unit;
    String decisionId;
    if (existing.isPresent()) {
      unit = existing.get();
      decisionId = unit.decisionId();
    } else {
      FormedUnit formed = liquid.formUnit(campaignId, mode, "battle-unit-workflow");
      unit = formed.unit();
      decisionId = formed.formation().decisionId();
    }
    liquid.directory().setProcessInstance(unit.id(), job.getProcessInstanceKey());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("unitId", unit.id());
    out.put("mode", unit.mode().name());
    out.put("members", members(unit.members()));
    out.put("formationDecisionId", decisionId);
    return out;
  }

  static Map<String, Object> confirm(LiquidServices liquid, ActivatedJob job) {
    String unitId = text(job, "unitId", true);
    Unit unit = liquid.directory().unit(unitId).orElseThrow(() -> new LiquidInputException(
        "No unit " + unitId + "."));
    if (unit.status() == UnitStatus.PROPOSED) {
      Object confirmed = job.getVariablesAsMap().get("confirmedMembers");
      List<UnitMember> members = confirmed == null ? unit.members() : parse(confirmed, unit);
      String lead = text(job, "lead", false);
      unit = liquid.confirm(unitId, members, lead == null ? "lead" : lead);
    }
    return Map.of("members", members(unit.activeMembers()), "unitStatus", unit.status().name());
  }

  private static List<UnitMember> parse(Object confirmed, Unit unit) {
    if (!(confirmed instanceof List<?> list)) {
      throw new LiquidInputException("confirmedMembers must be a list of {personId, role}.");
    }
    List<UnitMember> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> m) || m.get("personId") == null || m.get("role") == null) {
        throw new LiquidInputException("Each of confirmedMembers needs personId and role, e.g."
            + " {\"personId\": \"P-0001\", \"role\": \"RISK_EXPERT\"}; got " + o + ".");
      }
      out.add(new UnitMember(m.get("personId").toString(), m.get("role").toString(),
          unit.formedAt(), null));
    }
    return out;
  }

  static Map<String, Object> escalate(LiquidServices liquid, ActivatedJob job) {
    String unitId = text(job, "unitId", true);
    Unit unit = liquid.directory().unit(unitId).orElseThrow(() -> new LiquidInputException(
        "No unit " + unitId + "."));
    if (unit.status() == UnitStatus.ACTIVE) {
      unit = liquid.directory().setStatus(unitId, UnitStatus.ESCALATED);
    }
    return Map.of("unitStatus", unit.status().name());
  }

  static Map<String, Object> dissolve(LiquidServices liquid, ActivatedJob job) {
    String unitId = text(job, "unitId", true);
    if (liquid.directory().unit(unitId).isEmpty()) {
      throw new LiquidInputException("No unit " + unitId + ".");
    }
    LiquidServices.Dissolution d = liquid.dissolve(unitId);
    ContributionSummary s = d.contributions();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("unitStatus", d.unit().status().name());
    out.put("contributionTotal", s.total());
    out.put("contributionsByPerson", plain(s.byPerson()));
    out.put("contributionsByRole", plain(s.byRole()));
    out.put("attributableShare", s.attributableShare());
    return out;
  }

  private static Map<String, Object> plain(Map<String, BigDecimal> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v));
    return out;
  }

  private static List<Map<String, Object>> members(List<UnitMember> members) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (UnitMember m : members) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("personId", m.personId());
      v.put("role", m.role());
      out.add(v);
    }
    return out;
  }

}
