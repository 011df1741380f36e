package dev.baton.designer.packs.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code any} / {@code all} group of field tests inside a constraint map (a pattern's
 * constraint or an aggregate's {@code where}): {@code {channel: VOICE, any: [{actor: AI},
 * {dealSize: {gt: 1000}}]}}. Its members are field tests and nested groups, to any depth, as
 * the pack format allows.
 *
 * <p>The format's tree can say one thing several ways; this model reads every form and writes
 * one: a group is {@code {any: [branch, ...]}} or {@code {all: [...]}}, a branch is either one
 * field test ({@code {field: value}} or {@code {field: {op: value}}}) or one nested group. A
 * branch with several tests ({@code {a: 1, b: 2}}, how the engine writes an "all" inside an
 * "any") reads as a nested all-group; a constraint map with both {@code any} and {@code all}
 * reads as one all-group whose first member is the any-group. Both readings mean the same to
 * the engine. Mutable, not thread-safe (one per editor).
 */
public final class TestGroup implements GroupMember {

  private boolean any;
  private final List<GroupMember> members;

  /** A group; {@code any} true for "at least one member holds", false for "every member". */
  public TestGroup(boolean any, List<GroupMember> members) {
    this.any = any;
    this.members = new ArrayList<>(members);
  }

  /** True for an any-group (or), false for an all-group (and). */
  public boolean any() {
    return any;
  }

  /** Switches between any and all. */
  public void setAny(boolean value) {
    any = value;
  }

  /** The members, in order; edits go through this list. */
  public List<GroupMember> members() {
    return members;
  }

  /** Adds a field test at the end. */
  public void addTest(FieldTest test) {
    members.add(new GroupMember.Test(test));
  }

  /**
   * Adds a nested group at the end, of the other kind (an all inside an any, an any inside an
   * all: the only nesting that says something new), holding the given first test.
   */
  public TestGroup addGroup(FieldTest first) {
    TestGroup g = new TestGroup(!any, List.of(new GroupMember.Test(first)));
    members.add(g);
    return g;
  }

  /** The group's depth: 1 for a group of tests, 2 when it holds a group of tests, and so on. */
  public int depth() {
    int inner = 0;
    for (GroupMember m : members) {
      if (m instanceof TestGroup g) {
        inner = Math.max(inner, g.depth());
      }
    }
    return inner + 1;
  }

  // --------------------------------------------------------------------- reading the tree

  /** The group of a constraint map (its {@code any} / {@code all} entries), if it has one. */
  public static Optional<TestGroup> read(Map<String, Object> constraint) {
    Object anyList = constraint.get("any");
    Object allList = constraint.get("all");
    if (anyList == null && allList == null) {
      return Optional.empty();
    }
    if (allList == null) {
      return Optional.of(new TestGroup(true, members(anyList)));
    }
    List<GroupMember> all = new ArrayList<>();
    if (anyList != null) {
      all.add(new TestGroup(true, members(anyList)));
    }
    all.addAll(members(allList));
    return Optional.of(new TestGroup(false, all));
  }

  private static List<GroupMember> members(Object list) {
    List<GroupMember> out = new ArrayList<>();
    if (list instanceof List<?> l) {
      for (Object branch : l) {
        if (branch instanceof Map<?, ?> m) {
          out.add(branch(treeMap(m)));
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> treeMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  private static GroupMember branch(Map<String, Object> branch) {
    List<FieldTest> tests = FieldTest.read(branch);
    Optional<TestGroup> group = read(branch);
    if (tests.size() == 1 && group.isEmpty()) {
      return new GroupMember.Test(tests.get(0));
    }
    if (tests.isEmpty() && group.isPresent()) {
      return group.get();
    }
    List<GroupMember> parts = new ArrayList<>();
    tests.forEach(t -> parts.add(new GroupMember.Test(t)));
    group.ifPresent(g -> {
      if (g.any) {
        parts.add(g);
      } else {
        parts.addAll(g.members);
      }
    });
    return new TestGroup(false, parts);
  }

  // --------------------------------------------------------------------- writing the tree

  /**
   * Writes a group into a constraint map, replacing its {@code any} / {@code all} entries and
   * keeping its field tests; a null group removes them.
   */
  public static void write(Map<String, Object> constraint, TestGroup group) {
    constraint.remove("any");
    constraint.remove("all");
    if (group != null) {
      constraint.put(group.any ? "any" : "all", group.branches());
    }
  }

  /** The group as a branch: {@code {any: [...]}} or {@code {all: [...]}}. */
  public Map<String, Object> toTree() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(any ? "any" : "all", branches());
    return m;
  }

  private List<Object> branches() {
    List<Object> out = new ArrayList<>();
    for (GroupMember m : members) {
      if (m instanceof GroupMember.Test t) {
        Map<String, Object> b = new LinkedHashMap<>();
        FieldTest.write(b, List.of(t.test()));
        out.add(b);
      } else if (m instanceof TestGroup g) {
        out.add(g.toTree());
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TestGroup g && g.any == any && g.members.equals(members);
  }

  @Override
  public int hashCode() {
    return Objects.hash(any, members);
  }

  @Override
  public String toString() {
    return toTree().toString();
  }
}
