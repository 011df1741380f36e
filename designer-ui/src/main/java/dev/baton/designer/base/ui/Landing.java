package dev.baton.designer.base.ui;

import dev.baton.designer.security.Role;
import java.util.Set;

/**
 * Where a user lands after signing in (the root address): each role on its own work. A reviewer
 * lands in the review inbox, an auditor in the audit log, a developer in the workflow designer;
 * analysts, sales ops and administrators (and anyone with several of these roles that include
 * analyst or ops) in the rule packs. Plain Java, so it is tested without a browser.
 */
public final class Landing {
  private Landing() {}

  /** The route (path) a user with these roles lands on. */
  public static String routeFor(Set<Role> roles) {
    if (roles.contains(Role.ADMIN) || roles.contains(Role.ANALYST)
        || roles.contains(Role.OPS)) {
      return "packs";
    }
    if (roles.contains(Role.REVIEWER)) {
      return "reviews";
    }
    if (roles.contains(Role.AUDITOR)) {
      return "audit";
    }
    if (roles.contains(Role.DEVELOPER)) {
      return "workflows";
    }
    return "packs";
  }
}
