package dev.baton.designer.packs.model;

/**
 * Something dragged from the palette (or chosen with the keyboard).
 *
 * @param type the fact type, for FACT_TYPE and FIELD; null otherwise
 * @param field the field, for FIELD; null otherwise
 */
public record PaletteItem(Kind kind, String type, String field) {

  /** What the item makes. */
  public enum Kind {
    FACT_TYPE, FIELD, COMPARISON, REFERENCE, NOT, EXISTS, ANY, ALL, AGGREGATE, TIME_WINDOW,
    BLOCK, ALLOW, EMIT, SCORE;

    /** True for the action blocks. */
    public boolean isAction() {
      return this == BLOCK || this == ALLOW || this == EMIT || this == SCORE;
    }

    /** True for items that add a field test to an existing condition when dropped on it. */
    public boolean isFieldTest() {
      return this == FIELD || this == COMPARISON || this == REFERENCE || this == TIME_WINDOW;
    }
  }

  /** A block of the palette without type or field. */
  public static PaletteItem of(Kind kind) {
    return new PaletteItem(kind, null, null);
  }
}
