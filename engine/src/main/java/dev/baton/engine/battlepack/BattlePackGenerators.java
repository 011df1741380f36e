package dev.baton.engine.battlepack;

import dev.baton.engine.BatonException;
import dev.baton.engine.battlepack.internal.DeterministicGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The built-in generator and the generators found with {@link ServiceLoader}. */
public final class BattlePackGenerators {
  /** The name of the built-in deterministic generator. */
  public static final String DETERMINISTIC = "deterministic";

  private BattlePackGenerators() {}

  /**
   * The built-in generator: the same context always gives the same pack content, computed from
   * won-deal discounts, regional competitor price moves, catalogue price caps and the last
   * purchase cycles (rules in {@code docs/battle-pack.md}).
   */
  public static BattlePackGenerator deterministic() {
    return DeterministicGenerator.INSTANCE;
  }

  /**
   * The generator with this name: {@value #DETERMINISTIC}, or one registered in {@code
   * META-INF/services/dev.baton.engine.battlepack.BattlePackGenerator} on the context class
   * loader (each with a public no-argument constructor).
   *
   * @throws BatonException naming the generators available when none has that name
   */
  public static BattlePackGenerator named(String name) {
    if (name == null || name.isBlank() || DETERMINISTIC.equals(name)) {
      return deterministic();
    }
    List<String> names = new ArrayList<>(List.of(DETERMINISTIC));
    for (BattlePackGenerator g : ServiceLoader.load(BattlePackGenerator.class,
        Thread.currentThread().getContextClassLoader())) {
      if (g.name().equals(name)) {
        return g;
      }
      names.add(g.name());
    }
    throw new BatonException("No battle-pack generator is named '" + name + "'. Available: "
        + names + ". Register one in META-INF/services/" + BattlePackGenerator.class.getName()
        + " or pass it to BattlePackServices.withGenerator.");
  }
}
