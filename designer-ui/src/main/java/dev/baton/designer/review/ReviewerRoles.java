package dev.baton.designer.review;

import dev.baton.engine.battlepack.ReviewRole;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which review queues a designer user works: legal reviewers the LEGAL queue, finance reviewers
 * the FINANCE queue, administrators every queue (also MANAGER, the sales manager's approval of
 * packs the rules flag; no other designer user works it yet). Users are named in the configuration ({@code
 * baton.review.legal-users}, {@code baton.review.finance-users}, comma-separated; by default
 * {@code legal} and {@code finance}). Plain Java, so it is tested without Spring.
 *
 * @param legalUsers the users who review for legal
 * @param financeUsers the users who review for finance
 */
public record ReviewerRoles(Set<String> legalUsers, Set<String> financeUsers) {

  public ReviewerRoles {
    legalUsers = normalise(legalUsers);
    financeUsers = normalise(financeUsers);
  }

  /** From comma-separated lists of user names. */
  public static ReviewerRoles of(String legal, String finance) {
    return new ReviewerRoles(split(legal), split(finance));
  }

  /**
   * The review roles of a user: those the configuration names them for, every role for an
   * administrator, none for anyone else (also none for a user without the reviewer role).
   */
  public Set<ReviewRole> rolesOf(String username, boolean reviewer, boolean admin) {
    if (admin) {
      return EnumSet.allOf(ReviewRole.class);
    }
    Set<ReviewRole> out = EnumSet.noneOf(ReviewRole.class);
    if (!reviewer || username == null) {
      return out;
    }
    String u = username.strip().toLowerCase(Locale.ROOT);
    if (legalUsers.contains(u)) {
      out.add(ReviewRole.LEGAL);
    }
    if (financeUsers.contains(u)) {
      out.add(ReviewRole.FINANCE);
    }
    return out;
  }

  private static Set<String> split(String list) {
    return list == null ? Set.of() : Arrays.stream(list.split(",")).collect(Collectors.toSet());
  }

  private static Set<String> normalise(Set<String> names) {
    return names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).filter(n -> !n.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
