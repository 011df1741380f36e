package dev.baton.engine.battlepack;

/**
 * Produces the content of a battle pack from the gathered context: the SPI behind {@code
 * baton.generate-battle-pack}.
 *
 * <p>Baton ships a deterministic generator over the history data ({@link
 * BattlePackGenerators#deterministic()}, name {@value BattlePackGenerators#DETERMINISTIC}). A
 * deployment plugs in another one — typically a client of a model endpoint — either by passing
 * it to {@link BattlePackServices#withGenerator}, or by listing its class in {@code
 * META-INF/services/dev.baton.engine.battlepack.BattlePackGenerator} and selecting it by name
 * with {@link BattlePackGenerators#named(String)}.
 *
 * <p><b>Contract.</b> Implementations MUST be thread-safe: the job worker calls {@link
 * #generate} from several threads at once. A generator must return exactly {@value
 * BattlePackContent#STRATEGIES} pricing strategies and {@value BattlePackContent#RISK_HINTS} risk
 * hints, each citing evidence that is in the context; the worker {@linkplain
 * BattlePackContent#check checks} that and fails the job with every problem otherwise, so
 * nothing a model invents without evidence reaches a reviewer. A generator may be
 * non-deterministic (a model), because the pack is generated once per job and stored with its
 * hash; a redelivered job reuses the stored pack. Throwing fails the job, which the workflow
 * engine retries with back-off and raises as an incident when retries run out.
 */
public interface BattlePackGenerator {

  /** A stable name, recorded with every pack, e.g. {@code deterministic} or {@code model:xyz}. */
  String name();

  /** The pack's content for this context. */
  BattlePackContent generate(BattlePackContext context);
}
