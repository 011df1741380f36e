package dev.baton.designer.packs.model;

import java.util.Objects;

/** A member of a {@link TestGroup}: a field test or a nested group. */
public sealed interface GroupMember permits GroupMember.Test, TestGroup {

  /** A field test as a member of a group. */
  record Test(FieldTest test) implements GroupMember {
    public Test {
      Objects.requireNonNull(test, "test");
    }
  }
}
