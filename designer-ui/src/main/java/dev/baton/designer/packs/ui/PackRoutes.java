package dev.baton.designer.packs.ui;

/**
 * The routes of one pack's pages. The pack list links to the rule designer of the {@code rules}
 * feature by its route, not its class, so that {@code packs} does not depend on {@code rules}
 * (which builds on {@code packs}); the designer's {@code @Route} uses {@link #DESIGN}.
 */
public final class PackRoutes {
  /** The rule designer of a pack. */
  public static final String DESIGN = "packs/:packId/design";
  /** The versions of a pack. */
  public static final String VERSIONS = "packs/:packId/versions";

  private PackRoutes() {}

  /** The location of the rule designer of a pack (pack ids are URL-safe: a-z, 0-9, -). */
  public static String design(String packId) {
    return DESIGN.replace(":packId", packId);
  }
}
