package dev.baton.designer.security;

import java.util.Arrays;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of the current request. */
public final class CurrentUser {
  private CurrentUser() {}

  /** The user name, or "anonymous". */
  public static String name() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    return a == null ? "anonymous" : a.getName();
  }

  /** True when the user has at least one of the roles (ADMIN has every role). */
  public static boolean hasAnyRole(Role... roles) {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    if (a == null) {
      return false;
    }
    return a.getAuthorities().stream().map(g -> g.getAuthority()).anyMatch(g ->
        g.equals("ROLE_ADMIN") || Arrays.stream(roles).anyMatch(r -> g.equals("ROLE_" + r.name())));
  }
}
