package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.RuleDecisionRef;
import dev.baton.engine.workflow.internal.Commands.DeployedDecision;
import dev.baton.engine.workflow.internal.Commands.DeployedDecisionRequirements;
import dev.baton.engine.workflow.internal.ProcessModel.Kind;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DMN part of one deployment, on the engine thread: checks the resources against what is
 * deployed, then stores new versions (Zeebe's versioning, see {@link Decisions}) and lists what
 * the deployment holds. Also checks the business rule tasks of the deployment's processes.
 */
final class DecisionDeployment {
  private final WorkflowEngineCore engine;
  private final List<DeployedDecisionRequirements> requirements = new ArrayList<>();
  private final List<DeployedDecision> decisions = new ArrayList<>();

  DecisionDeployment(WorkflowEngineCore engine) {
    this.engine = engine;
  }

  /** Two resources of one deployment with the same DRG or decision id: why, or null. */
  static String duplicates(List<DmnResource> resources) {
    Map<String, String> drgs = new HashMap<>();
    Map<String, String> ids = new HashMap<>();
    for (DmnResource r : resources) {
      String other = drgs.putIfAbsent(r.drgId, r.resourceName);
      if (other != null) {
        return "the decision requirements id '" + r.drgId + "' is in both '" + other
            + "' and '" + r.resourceName + "'; deploy one of them";
      }
      for (DmnResource.DecisionInfo d : r.decisions) {
        other = ids.putIfAbsent(d.id(), r.resourceName);
        if (other != null) {
          return "the decision id '" + d.id() + "' is in both '" + other + "' and '"
              + r.resourceName + "'; decision ids must be unique";
        }
      }
    }
    return null;
  }

  /**
   * A decision id deployed before in another decision requirements graph (so "the latest
   * version of a decision" would mix two graphs): why, or null.
   */
  String check(List<DmnResource> resources) {
    Decisions deployed = engine.state.decisions;
    for (DmnResource r : resources) {
      for (DmnResource.DecisionInfo d : r.decisions) {
        Decisions.Decision latest = deployed.latest(d.id());
        if (latest != null) {
          String owner = deployed.drgOf(latest).drgId;
          if (!owner.equals(r.drgId)) {
            return "'" + r.resourceName + "': the decision id '" + d.id() + "' is already"
                + " deployed in the decision requirements graph '" + owner + "', not '"
                + r.drgId + "'; rename the decision or deploy it in '" + owner + "'";
          }
        }
      }
    }
    return null;
  }

  /**
   * The business rule tasks of a process: a Baton rule pack reference needs the rule decisions
   * configured, and must be well formed. Why not, or null.
   */
  String checkBusinessRuleTasks(ProcessModel model) {
    for (Node n : model.nodes.values()) {
      if (n.kind != Kind.BUSINESS_RULE_TASK
          || !RuleDecisionRef.isRuleDecision(n.calledDecisionId)) {
        continue;
      }
      try {
        RuleDecisionRef.parse(n.calledDecisionId);
      } catch (IllegalArgumentException e) {
        return "business rule task '" + n.id + "': " + e.getMessage();
      }
      if (engine.ruleDecisions == null) {
        return "business rule task '" + n.id + "' calls the Baton rule packs '"
            + n.calledDecisionId + "', but this engine evaluates no rule packs: start it with"
            + " WorkflowEngineOptions.withRuleDecisions (Baton's runtime does), or call a"
            + " deployed DMN decision";
      }
    }
    return null;
  }

  /** Stores the new DRG versions; the same content as the latest version keeps it. */
  void deploy(List<DmnResource> resources, long deploymentKey) {
    EngineState state = engine.state;
    for (DmnResource r : resources) {
      Decisions.Drg previous = state.decisions.latestDrg(r.drgId);
      Decisions.Drg g;
      if (previous != null && previous.xml.equals(r.xml)) {
        g = previous;
      } else {
        g = new Decisions.Drg();
        g.key = state.newKey();
        g.drgId = r.drgId;
        g.name = r.drgName;
        g.version = previous == null ? 1 : previous.version + 1;
        g.resourceName = r.resourceName;
        g.xml = r.xml;
        g.deploymentKey = deploymentKey;
        g.deployedAt = state.now();
        g.resource = r;
        for (DmnResource.DecisionInfo info : r.decisions) {
          Decisions.Decision before = state.decisions.latest(info.id());
          Decisions.Decision d = new Decisions.Decision();
          d.key = state.newKey();
          d.decisionId = info.id();
          d.name = info.name();
          d.version = before == null ? 1 : before.version + 1;
          g.decisions.add(d);
        }
        state.addDecisionRequirements(g);
      }
      requirements.add(new DeployedDecisionRequirements(g.drgId, g.name, g.version, g.key,
          g.resourceName));
      for (Decisions.Decision d : g.decisions) {
        decisions.add(new DeployedDecision(d.decisionId, d.name, d.version, d.key, g.drgId,
            g.key));
      }
    }
  }

  List<DeployedDecisionRequirements> deployedRequirements() {
    return List.copyOf(requirements);
  }

  List<DeployedDecision> deployedDecisions() {
    return List.copyOf(decisions);
  }
}
