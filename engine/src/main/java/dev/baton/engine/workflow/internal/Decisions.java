package dev.baton.engine.workflow.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deployed DMN decision requirements graphs (DRGs) and their decisions, with Zeebe's
 * versioning: a DRG id's version grows when its resource changes (the same content again keeps
 * its version and keys), and every decision of a new DRG version gets the next version of its
 * decision id. Engine thread only; {@link EngineState} records new DRGs for the batch commit.
 */
final class Decisions {

  /** A deployed DRG version, stored as one row. */
  static final class Drg {
    long key;
    String drgId;
    String name;
    int version;
    String resourceName;
    String xml;
    long deploymentKey;
    long deployedAt;
    List<Decision> decisions = new ArrayList<>();
    transient DmnResource resource;
  }

  /** A deployed decision version. */
  static final class Decision {
    long key;
    String decisionId;
    String name;
    int version;
  }

  private final Map<Long, Drg> drgs = new HashMap<>();
  private final Map<String, TreeMap<Integer, Drg>> drgVersions = new HashMap<>();
  private final Map<Long, Decision> decisions = new HashMap<>();
  private final Map<Long, Drg> drgOfDecision = new HashMap<>();
  private final Map<String, TreeMap<Integer, Decision>> decisionVersions = new HashMap<>();

  void clear() {
    drgs.clear();
    drgVersions.clear();
    decisions.clear();
    drgOfDecision.clear();
    decisionVersions.clear();
  }

  void index(Drg d) {
    drgs.put(d.key, d);
    drgVersions.computeIfAbsent(d.drgId, k -> new TreeMap<>()).put(d.version, d);
    for (Decision x : d.decisions) {
      decisions.put(x.key, x);
      drgOfDecision.put(x.key, d);
      decisionVersions.computeIfAbsent(x.decisionId, k -> new TreeMap<>()).put(x.version, x);
    }
  }

  Drg latestDrg(String drgId) {
    TreeMap<Integer, Drg> v = drgVersions.get(drgId);
    return v == null || v.isEmpty() ? null : v.lastEntry().getValue();
  }

  Decision latest(String decisionId) {
    TreeMap<Integer, Decision> v = decisionVersions.get(decisionId);
    return v == null || v.isEmpty() ? null : v.lastEntry().getValue();
  }

  Decision byKey(long key) {
    return decisions.get(key);
  }

  /** The DRG a decision version belongs to; its resource is read again after a restart. */
  Drg drgOf(Decision d) {
    Drg g = drgOfDecision.get(d.key);
    if (g.resource == null) {
      g.resource = DmnResource.stored(g.resourceName, g.xml);
    }
    return g;
  }
}
