package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Mapping;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.Role;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Variable scopes as Zeebe has them: reading, local and propagated writes, input/output mappings. */
final class Variables {
  private final EngineState state;
  private final Feel feel;

  Variables(EngineState state, Feel feel) {
    this.state = state;
    this.feel = feel;
  }

  /** The variables visible in a scope: its own over its ancestors'. */
  Map<String, Object> visible(ElementInstance ei) {
    Deque<ElementInstance> chain = new ArrayDeque<>();
    for (ElementInstance c = ei; c != null; c = state.parent(c)) {
      chain.push(c);
    }
    Map<String, Object> vars = new HashMap<>();
    for (ElementInstance c : chain) {
      vars.putAll(c.variables);
    }
    return vars;
  }

  void setLocal(ElementInstance ei, String name, Object value) {
    ei.variables.put(name, value);
    state.save(ei);
  }

  /** Zeebe's merge: update the nearest scope that has the variable, else the process instance. */
  void propagate(ElementInstance from, String name, Object value) {
    ElementInstance top = from;
    for (ElementInstance c = from; c != null; c = state.parent(c)) {
      if (c.variables.containsKey(name)) {
        setLocal(c, name, value);
        return;
      }
      top = c;
    }
    setLocal(top, name, value);
  }

  /** Input mappings, evaluated in the parent scope, written to the element's own scope. */
  void applyInputs(ElementInstance ei, Node n) {
    if (n.inputs.isEmpty()) {
      return;
    }
    ElementInstance scope = state.parent(ei);
    Map<String, Object> vars = scope == null ? new HashMap<>() : visible(scope);
    vars.putAll(ei.variables);
    List<Object> values = new ArrayList<>();
    for (Mapping m : n.inputs) {
      values.add(feel.evaluate(m.source(), vars));
    }
    for (int i = 0; i < n.inputs.size(); i++) {
      assign(ei, n.inputs.get(i).target(), values.get(i), true);
    }
  }

  /** Output mappings, evaluated in the element's scope, propagated from its scope. */
  void applyOutputs(ElementInstance ei, Node n, ElementInstance scope) {
    if (n.outputs.isEmpty()) {
      return;
    }
    Map<String, Object> vars = visible(ei);
    List<Object> values = new ArrayList<>();
    for (Mapping m : n.outputs) {
      values.add(feel.evaluate(m.source(), vars));
    }
    for (int i = 0; i < n.outputs.size(); i++) {
      assign(scope, n.outputs.get(i).target(), values.get(i), false);
    }
  }

  /** Variables from outside (job, message, child process): merged as Zeebe does. */
  void applyPayload(ElementInstance ei, Map<String, Object> payload) {
    if (payload == null || payload.isEmpty()) {
      return;
    }
    Node n = state.node(ei);
    if (n.outputs.isEmpty() || ei.mi == Role.BODY) {
      payload.forEach((k, v) -> propagate(ei, k, v));
    } else {
      payload.forEach((k, v) -> setLocal(ei, k, v));
    }
  }

  /** Sets a possibly nested target ({@code a.b}) to a value, merging into existing contexts. */
  @SuppressWarnings("unchecked")
  private void assign(ElementInstance scope, String target, Object value, boolean local) {
    String[] path = target.split("\\.");
    Object v = value;
    if (path.length > 1) {
      Map<String, Object> vars = local ? scope.variables : visible(scope);
      Object existing = vars.get(path[0]);
      Map<String, Object> root = existing instanceof Map<?, ?> m
          ? deepCopy((Map<String, Object>) m) : new LinkedHashMap<>();
      Map<String, Object> cur = root;
      for (int i = 1; i < path.length - 1; i++) {
        Object next = cur.get(path[i]);
        Map<String, Object> nm = next instanceof Map<?, ?> x
            ? (Map<String, Object>) x : new LinkedHashMap<>();
        cur.put(path[i], nm);
        cur = nm;
      }
      cur.put(path[path.length - 1], value);
      v = root;
    }
    if (local) {
      setLocal(scope, path[0], v);
    } else {
      propagate(scope, path[0], v);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> x
        ? deepCopy((Map<String, Object>) x) : v));
    return out;
  }
}
