package dev.baton.designer.workflow;

import java.util.List;

/** The job types Baton's workers serve, offered in the workflow designer's Baton panel. */
public final class TaskTypes {
  /** Every Baton task type, in the order of the battle-pack workflow. */
  public static final List<String> ALL = List.of("baton.evaluate", "baton.gather-context",
      "baton.generate-battle-pack", "baton.queue-review", "baton.escalate-review",
      "baton.release-pack", "baton.return-to-rep", "baton.carry-out-alternatives");

  private TaskTypes() {}
}
