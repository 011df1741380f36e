package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Kind;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Process instance modification and start instructions, as Zeebe 8.8 documents them: an element
 * is activated as if its incoming flow were taken, in the one active instance of each of its
 * flow scopes (a missing sub-process instance is created, without its start event or input
 * mappings); terminating an element instance terminates what is below it, and a sub-process or
 * process instance left with nothing active is terminated too. Everything is checked first, so a
 * refused modification changes nothing.
 *
 * <p>While the instructions are applied, every flow scope an activation needs is held open (as
 * Zeebe counts an activation not yet processed), so an element that completes at once does not
 * complete its scope before the other instructions ran; the scopes are released at the end.
 */
final class InstanceModification {
  private final WorkflowEngineCore engine;
  private final EngineState state;

  InstanceModification(WorkflowEngineCore engine) {
    this.engine = engine;
    this.state = engine.state;
  }

  // ====================================================================== the model

  /** The flow scopes of an element, the process first. */
  static List<Node> flowScopes(ProcessModel model, Node n) {
    List<Node> out = new ArrayList<>();
    for (Node s = model.node(n.scopeId); s != null; s = s.kind == Kind.PROCESS ? null
        : model.node(s.scopeId)) {
      out.add(s);
    }
    Collections.reverse(out);
    return out;
  }

  /** The multi-instance sub-process the element is nested in, or null. */
  private static Node multiInstanceScope(ProcessModel model, Node n) {
    for (Node s : flowScopes(model, n)) {
      if (s.kind != Kind.PROCESS && s.loop != null) {
        return s;
      }
    }
    return null;
  }

  private static boolean afterEventBasedGateway(ProcessModel model, Node n) {
    for (String flowId : n.incoming) {
      ProcessModel.Flow f = model.flows.get(flowId);
      Node source = f == null ? null : model.node(f.source());
      if (source != null && source.kind == Kind.EVENT_BASED_GATEWAY) {
        return true;
      }
    }
    return false;
  }

  /** Zeebe's type name of a node that cannot be activated directly, or null. */
  private static String unsupportedType(ProcessModel model, String elementId) {
    Node n = model.node(elementId);
    if (n == null) {
      return model.flows.containsKey(elementId) ? "SEQUENCE_FLOW" : null;
    }
    return switch (n.kind) {
      case START_EVENT -> "START_EVENT";
      case BOUNDARY_EVENT -> "BOUNDARY_EVENT";
      case PROCESS -> "PROCESS";
      default -> null;
    };
  }

  private static final String SUPPORTED = "tasks, sub-processes, call activities, gateways,"
      + " intermediate catch events and end events";

  // ====================================================================== start instructions

  /** Why a process cannot be started at these elements, or null. */
  static Refusal checkStartInstructions(ProcessModel model, List<String> elementIds) {
    for (String id : elementIds) {
      if (model.node(id) == null && !model.flows.containsKey(id)) {
        return Refusal.invalid("Expected to create instance of process with start instructions"
            + " but no element found with id '" + id + "'.");
      }
    }
    for (String id : elementIds) {
      Node n = model.node(id);
      if (n != null && multiInstanceScope(model, n) != null) {
        return Refusal.invalid("Expected to create instance of process with start instructions"
            + " but the element with id '" + id + "' is inside a multi-instance subprocess. The"
            + " creation of elements inside a multi-instance subprocess is not supported.");
      }
    }
    for (String id : elementIds) {
      String type = unsupportedType(model, id);
      if (type != null) {
        return Refusal.invalid("Expected to create instance of process with start instructions"
            + " but the element with id '" + id + "' targets unsupported element type '" + type
            + "'. Start before one of the " + SUPPORTED + " instead.");
      }
    }
    for (String id : elementIds) {
      if (afterEventBasedGateway(model, model.node(id))) {
        return Refusal.invalid("Expected to create instance of process with start instructions"
            + " but the element with id '" + id + "' belongs to an event-based gateway. The"
            + " creation of elements belonging to an event-based gateway is not supported.");
      }
    }
    return null;
  }

  /** Activates the elements of checked start instructions in a new process instance. */
  void start(ElementInstance root, List<String> elementIds) {
    ProcessModel model = state.model(root);
    List<ElementInstance> held = new ArrayList<>();
    hold(root, held);
    for (String id : elementIds) {
      if (root.done) {
        break;
      }
      Node n = model.node(id);
      ElementInstance scope = scopeFor(root, n, 0, null, held);
      activate(n, scope, Map.of());
    }
    release(held);
  }

  // ====================================================================== modification

  /** Checks a modification against the instance; null when it can be applied. */
  Refusal check(Modification m) {
    ElementInstance root = state.element(m.processInstanceKey());
    if (root == null || root.parentKey != 0) {
      return Refusal.notFound("Command 'MODIFY' rejected with code 'NOT_FOUND': Expected to"
          + " modify process instance but no process instance found with key '"
          + m.processInstanceKey() + "'");
    }
    ProcessModel model = state.model(root);
    String process = root.bpmnProcessId;
    String prefix = "Command 'MODIFY' rejected with code 'INVALID_ARGUMENT': Expected to modify"
        + " instance of process '" + process + "' but it contains one or more ";
    Set<String> unknown = new TreeSet<>();
    for (Modification.Activate a : m.activate()) {
      if (model.node(a.elementId()) == null && !model.flows.containsKey(a.elementId())) {
        unknown.add(a.elementId());
      }
    }
    if (!unknown.isEmpty()) {
      return Refusal.invalid(prefix + "activate instructions with an element that could not be"
          + " found: '" + String.join("', '", unknown) + "'");
    }
    for (Modification.Activate a : m.activate()) {
      String type = unsupportedType(model, a.elementId());
      if (type != null) {
        return Refusal.invalid(prefix + "activate instructions for elements that are"
            + " unsupported: '" + a.elementId() + "'. The activation of elements with type '"
            + type + "' is not supported; activate one of the " + SUPPORTED + ".");
      }
      Node n = model.node(a.elementId());
      if (afterEventBasedGateway(model, n)) {
        return Refusal.invalid(prefix + "activate instructions for elements that are"
            + " unsupported: '" + a.elementId() + "'. The activation of events belonging to an"
            + " event-based gateway is not supported; activate the gateway instead.");
      }
      Node mi = multiInstanceScope(model, n);
      if (mi != null) {
        return Refusal.invalid(prefix + "activate instructions for elements that are"
            + " unsupported: '" + a.elementId() + "'. The element is inside the multi-instance"
            + " subprocess '" + mi.id + "', and activating elements inside a multi-instance"
            + " subprocess is not supported.");
      }
    }
    Set<String> missing = new TreeSet<>();
    for (Long key : m.terminate()) {
      if (state.element(key) == null) {
        missing.add(String.valueOf(key));
      }
    }
    if (!missing.isEmpty()) {
      return Refusal.invalid(prefix + "terminate instructions with an element instance that"
          + " could not be found: '" + String.join("', '", missing) + "'");
    }
    for (Long key : m.terminate()) {
      ElementInstance ei = state.element(key);
      if (ei.processInstanceKey != root.key) {
        return Refusal.invalid(prefix + "terminate instructions with an element instance that"
            + " belongs to another process instance: '" + key + "' is an instance of '"
            + ei.elementId + "' in process instance '" + ei.processInstanceKey + "'. Modify"
            + " that process instance instead.");
      }
    }
    for (Modification.Activate a : m.activate()) {
      Node n = model.node(a.elementId());
      List<Node> scopes = flowScopes(model, n);
      for (Modification.Variables v : a.variables()) {
        String scopeId = v.scopeId();
        if (scopeId.isEmpty() || scopeId.equals(a.elementId())) {
          continue;
        }
        if (model.node(scopeId) == null) {
          return Refusal.invalid(prefix + "variable instructions with a scope element id that"
              + " could not be found: '" + scopeId + "'");
        }
        if (scopes.stream().noneMatch(s -> s.id.equals(scopeId))) {
          return Refusal.invalid(prefix + "variable instructions with a scope element that"
              + " doesn't belong to the activating element's flow scope ('" + scopeId + "' for"
              + " '" + a.elementId() + "'). These variables should be set before or after the"
              + " modification.");
        }
      }
    }
    for (Modification.Activate a : m.activate()) {
      Refusal r = checkAncestor(root, model, a, prefix);
      if (r == null) {
        r = resolve(root, a, prefix);
      }
      if (r != null) {
        return r;
      }
    }
    Set<Long> terminated = new HashSet<>(m.terminate());
    for (Modification.Activate a : m.activate()) {
      for (ElementInstance c = a.ancestorKey() > 0 ? state.element(a.ancestorKey()) : null;
          c != null; c = state.parent(c)) {
        if (terminated.contains(c.key)) {
          return Refusal.invalid(prefix + "activate instructions for elements whose required"
              + " flow scope instance is also being terminated: element '" + a.elementId()
              + "' requires flow scope instance '" + c.key + "' which is being terminated."
              + " Please provide a valid ancestor scope key for the activation or avoid"
              + " terminating the required flow scope.");
        }
      }
      if (a.ancestorKey() <= 0) {
        List<Node> scopes = flowScopes(model, model.node(a.elementId()));
        ElementInstance current = root;
        for (Node s : scopes) {
          ElementInstance found = s.kind == Kind.PROCESS ? root : single(current, s.id);
          if (found == null) {
            break;
          }
          if (terminated.contains(found.key)) {
            return Refusal.invalid(prefix + "activate instructions for elements whose required"
                + " flow scope instance is also being terminated: element '" + a.elementId()
                + "' requires flow scope instance '" + found.key + "' which is being"
                + " terminated. Please provide a valid ancestor scope key for the activation or"
                + " avoid terminating the required flow scope.");
          }
          current = found;
        }
      }
    }
    if (m.activate().isEmpty() && root.callerElementInstanceKey != 0
        && !survives(root, terminated)) {
      return Refusal.invalid("Command 'MODIFY' rejected with code 'INVALID_ARGUMENT': Expected"
          + " to modify instance of process '" + process + "' but the given instructions would"
          + " terminate the instance. The instance was created by a call activity in the parent"
          + " process. To terminate this instance please modify the parent process instead"
          + " (terminate the call activity '" + callActivityOf(root) + ").");
    }
    return null;
  }

  private String callActivityOf(ElementInstance root) {
    ElementInstance call = state.element(root.callerElementInstanceKey);
    return call == null ? "?" : call.elementId + "' (key " + call.key + ")";
  }

  private Refusal checkAncestor(ElementInstance root, ProcessModel model, Modification.Activate a,
      String prefix) {
    if (a.ancestorKey() <= 0) {
      return null;
    }
    ElementInstance anc = state.element(a.ancestorKey());
    if (anc == null) {
      return Refusal.invalid(prefix + "activate instructions with an ancestor scope key that"
          + " does not exist, or is not in an active state: '" + a.ancestorKey() + "'");
    }
    if (anc.processInstanceKey != root.key) {
      return Refusal.invalid(prefix + "activate instructions with an ancestor scope key that"
          + " does not belong to the modified process instance: '" + a.ancestorKey() + "'");
    }
    List<Node> scopes = flowScopes(model, model.node(a.elementId()));
    if (anc.mi == Role.BODY || scopes.stream().noneMatch(s -> s.id.equals(anc.elementId))) {
      return Refusal.invalid(prefix + "activate instructions with an ancestor scope key that is"
          + " not an ancestor of the element to activate: instance '" + anc.key + "' of element"
          + " '" + anc.elementId + "' is not an ancestor of element '" + a.elementId() + "'");
    }
    return null;
  }

  /**
   * Checks that an element's flow scopes resolve to at most one active instance each below the
   * ancestor (or the process instance), and that the boundary events of the sub-process
   * instances to be created can be opened; null when so.
   */
  private Refusal resolve(ElementInstance root, Modification.Activate a, String prefix) {
    ProcessModel model = state.model(root);
    Node n = model.node(a.elementId());
    ElementInstance current = a.ancestorKey() > 0 ? state.element(a.ancestorKey()) : root;
    boolean below = false;
    boolean creating = false;
    for (Node s : flowScopes(model, n)) {
      if (!below) {
        below = s.id.equals(current.elementId);
        continue;
      }
      if (!creating) {
        List<ElementInstance> found = instancesOf(current, s.id);
        if (found.size() > 1) {
          return Refusal.invalid(prefix + "activate instructions for an element that has a"
              + " flow scope with more than one active instance: '" + s.id + "'. Can't decide"
              + " in which instance of the flow scope the element should be activated. Please"
              + " specify an ancestor element instance key for this activate instruction.");
        }
        if (found.size() == 1) {
          current = found.get(0);
          continue;
        }
        creating = true;
      }
      if (!s.boundaries.isEmpty()) {
        Map<String, Object> vars = engine.variables.visible(current);
        a.variables().forEach(v -> vars.putAll(v.values()));
        String bad = engine.events.checkWaits(engine.lifecycle.boundaryEventsOf(current, s),
            vars);
        if (bad != null) {
          return Refusal.invalid(prefix + "activate instructions that would create an instance"
              + " of '" + s.id + "' whose boundary events cannot be opened: " + bad);
        }
      }
    }
    return null;
  }

  private List<ElementInstance> instancesOf(ElementInstance parent, String elementId) {
    List<ElementInstance> out = new ArrayList<>();
    for (ElementInstance c : state.childrenOf(parent)) {
      if (c.elementId.equals(elementId) && !c.done) {
        out.add(c);
      }
    }
    return out;
  }

  private ElementInstance single(ElementInstance parent, String elementId) {
    List<ElementInstance> found = instancesOf(parent, elementId);
    return found.size() == 1 ? found.get(0) : null;
  }

  /** Whether something stays active in an instance once these keys are terminated. */
  private boolean survives(ElementInstance ei, Set<Long> terminated) {
    if (terminated.contains(ei.key)) {
      return false;
    }
    List<ElementInstance> children = state.childrenOf(ei);
    if (children.isEmpty() || !ei.joinTokens.isEmpty()) {
      return true;
    }
    for (ElementInstance c : children) {
      if (survives(c, terminated)) {
        return true;
      }
    }
    return false;
  }

  /** Applies a checked modification: activations first, then terminations. */
  void apply(Modification m) {
    ElementInstance root = state.element(m.processInstanceKey());
    ProcessModel model = state.model(root);
    List<ElementInstance> held = new ArrayList<>(); // the root only when an activation needs it
    for (Modification.Activate a : m.activate()) {
      if (root.done) {
        break;
      }
      Node n = model.node(a.elementId());
      Map<String, Map<String, Object>> byScope = new LinkedHashMap<>();
      for (Modification.Variables v : a.variables()) {
        String scopeId = v.scopeId().isEmpty() ? root.elementId : v.scopeId();
        byScope.computeIfAbsent(scopeId, k -> new LinkedHashMap<>()).putAll(v.values());
      }
      ElementInstance scope = scopeFor(root, n, a.ancestorKey(), byScope, held);
      if (scope.done) {
        continue;
      }
      activate(n, scope, byScope.getOrDefault(n.id, Map.of()));
    }
    for (Long key : m.terminate()) {
      ElementInstance ei = state.element(key);
      if (ei == null || ei.done) {
        continue; // already terminated with an instance above it
      }
      ElementInstance scope = state.parent(ei);
      engine.lifecycle.terminate(ei);
      while (scope != null && !scope.done && scope.activeChildren == 0
          && scope.joinTokens.isEmpty()) {
        ElementInstance next = state.parent(scope);
        engine.lifecycle.terminate(scope);
        scope = next;
      }
    }
    release(held);
  }

  // ====================================================================== activation

  /**
   * The instance of the element's direct flow scope: the one active instance of each flow scope
   * below the ancestor (or the process instance), created where there is none. Each flow scope
   * used is held open and gets its variables.
   */
  private ElementInstance scopeFor(ElementInstance root, Node n, long ancestorKey,
      Map<String, Map<String, Object>> variables, List<ElementInstance> held) {
    ProcessModel model = state.model(root);
    ElementInstance current = ancestorKey > 0 ? state.element(ancestorKey) : root;
    hold(root, held);
    setVariables(root, variables == null ? null : variables.get(root.elementId));
    boolean below = false;
    for (Node s : flowScopes(model, n)) {
      if (!below) {
        below = s.id.equals(current.elementId);
        if (below && current != root) {
          for (ElementInstance c = current; c != root; c = state.parent(c)) {
            hold(c, held);
            setVariables(c, variables == null ? null : variables.get(c.elementId));
          }
        }
        continue;
      }
      ElementInstance next = single(current, s.id);
      if (next == null) {
        next = createScope(s, current);
      }
      hold(next, held);
      setVariables(next, variables == null ? null : variables.get(s.id));
      current = next;
    }
    return current;
  }

  private void setVariables(ElementInstance scope, Map<String, Object> values) {
    if (values != null) {
      values.forEach((k, v) -> engine.variables.setLocal(scope, k, v));
    }
  }

  /** A sub-process instance created for an activation inside it: no start event, no inputs. */
  private ElementInstance createScope(Node s, ElementInstance parent) {
    ElementInstance ei = engine.lifecycle.create(s, parent, Role.PLAIN);
    if (!s.boundaries.isEmpty()) {
      engine.events.open(ei, engine.lifecycle.boundaryEventsOf(ei, s)); // checked beforehand
    }
    return ei;
  }

  /** Activates an element in a scope as if a flow reached it, its local variables set first. */
  private void activate(Node n, ElementInstance scope, Map<String, Object> local) {
    ElementInstance ei = engine.lifecycle.create(n, scope, n.loop != null ? Role.BODY
        : Role.PLAIN);
    setVariables(ei, local);
    engine.lifecycle.start(ei);
  }

  /** Holds a scope open: counted as if an activation in it were pending. */
  private void hold(ElementInstance scope, List<ElementInstance> held) {
    if (!held.contains(scope)) {
      scope.activeChildren++;
      state.save(scope);
      held.add(scope);
    }
  }

  /** Releases the held scopes, innermost first; a scope left empty completes. */
  private void release(List<ElementInstance> held) {
    Set<ElementInstance> seen = new LinkedHashSet<>();
    for (int i = held.size() - 1; i >= 0; i--) {
      ElementInstance scope = held.get(i);
      if (!seen.add(scope) || scope.done) {
        continue;
      }
      scope.activeChildren--;
      state.save(scope);
    }
    for (int i = held.size() - 1; i >= 0; i--) {
      ElementInstance scope = held.get(i);
      if (!scope.done) {
        engine.lifecycle.scopeMayBeDone(scope);
      }
    }
  }
}
