package dev.baton.designer.security;

/** The roles of the designer; a user has one or more. */
public enum Role {
  /** Business analysts: compose and test rules, save drafts. */
  ANALYST,
  /** Sales ops: import templates and files, publish, roll back. */
  OPS,
  /** Legal and finance reviewers: read packs and their history. */
  REVIEWER,
  /** Auditors: read-only, plus backtests. */
  AUDITOR,
  /** Developers: read packs and their YAML to embed them. */
  DEVELOPER,
  /** Administrators: every role. */
  ADMIN;

  /** Role names for {@code @RolesAllowed}. */
  public static final String ANALYST_ = "ANALYST";
  /** Role names for {@code @RolesAllowed}. */
  public static final String OPS_ = "OPS";
  /** Role names for {@code @RolesAllowed}. */
  public static final String REVIEWER_ = "REVIEWER";
  /** Role names for {@code @RolesAllowed}. */
  public static final String AUDITOR_ = "AUDITOR";
  /** Role names for {@code @RolesAllowed}. */
  public static final String DEVELOPER_ = "DEVELOPER";
  /** Role names for {@code @RolesAllowed}. */
  public static final String ADMIN_ = "ADMIN";
}
