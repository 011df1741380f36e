package dev.baton.engine.rules.internal;

/** The {@code ProposedAction} fact: an action proposed earlier in the pipeline. */
public final class BatonProposedAction {
  private final String id;
  private final String action;
  private final String customerId;
  private final String channel;
  private final String actor;
  private final String pack;
  private final String rule;

  public BatonProposedAction(String id, String action, String customerId, String channel,
      String actor, String pack, String rule) {
    this.id = id;
    this.action = action;
    this.customerId = customerId;
    this.channel = channel;
    this.actor = actor;
    this.pack = pack;
    this.rule = rule;
  }

  public String getId() {
    return id;
  }

  public String getAction() {
    return action;
  }

  public String getCustomerId() {
    return customerId;
  }

  public String getChannel() {
    return channel;
  }

  public String getActor() {
    return actor;
  }

  public String getPack() {
    return pack;
  }

  public String getRule() {
    return rule;
  }
}
