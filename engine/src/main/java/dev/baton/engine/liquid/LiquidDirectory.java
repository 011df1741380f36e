package dev.baton.engine.liquid;

import dev.baton.engine.liquid.internal.JdbcLiquidDirectory;
import dev.baton.engine.store.BatonStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * People with their passports, campaigns with their demand lists, and battle units with their
 * members, in the Baton database. Every write is durable when the call returns (it commits
 * through the store's durable data source) and changes nothing when it throws. Thread-safe.
 */
public interface LiquidDirectory {

  /** The directory on a migrated store. */
  static LiquidDirectory on(BatonStore store) {
    return new JdbcLiquidDirectory(store);
  }

  /** Adds or replaces a person and their passport. */
  void savePerson(Person person);

  /** Adds or replaces many people in one transaction. */
  void savePeople(List<Person> people);

  /** The person with this id. */
  Optional<Person> person(String id);

  /** Everyone, by id. */
  List<Person> people();

  /**
   * Adds a campaign, or replaces it while it has no unit.
   *
   * @throws LiquidInputException when it is staffed or closed (its demand is settled)
   */
  void saveCampaign(Campaign campaign);

  /** The campaign with this id. */
  Optional<Campaign> campaign(String id);

  /** Every campaign, the latest demand first. */
  List<Campaign> campaigns();

  /**
   * Stores a newly formed unit with its members and marks its campaign staffed.
   *
   * @throws LiquidInputException when the campaign is unknown or already has a unit that is not
   *     dissolved
   */
  void saveUnit(Unit unit);

  /** The unit with this id. */
  Optional<Unit> unit(String id);

  /** The units of a campaign, the latest first. */
  List<Unit> unitsOf(String campaignId);

  /** Every unit, the latest first. */
  List<Unit> units();

  /** Sets the unit's status (ACTIVE after confirmation, ESCALATED after its SLA). */
  Unit setStatus(String unitId, UnitStatus status);

  /** Records the workflow instance that runs the unit. */
  void setProcessInstance(String unitId, long processInstanceKey);

  /**
   * Replaces the proposed members of a unit that a lead is confirming, and activates it.
   *
   * @throws LiquidInputException when the unit is not proposed, or a person is unknown
   */
  Unit confirm(String unitId, List<UnitMember> members, String lead, Instant at);

  /**
   * Dissolves the unit: every active member leaves at {@code at}, the campaign is closed.
   * Dissolving a dissolved unit returns it unchanged.
   */
  Unit dissolve(String unitId, Instant at);

  /** Adds or replaces a customer's long-term outcome. */
  void saveOutcome(CustomerOutcome outcome);

  /** Every customer's outcome, by customer id. */
  Map<String, CustomerOutcome> outcomes();

  /** How many active (not dissolved) units each person is an active member of. */
  Map<String, Integer> activeUnitCounts();
}
