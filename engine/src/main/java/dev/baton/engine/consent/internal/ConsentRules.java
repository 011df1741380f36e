package dev.baton.engine.consent.internal;

import dev.baton.engine.consent.ConsentPair;
import dev.baton.engine.consent.ConsentPolicy;
import dev.baton.engine.consent.ConsentRating;
import dev.baton.engine.consent.ConsentRecord;
import dev.baton.engine.consent.ConsentSnapshot;
import dev.baton.engine.consent.CurrentConsent;
import dev.baton.engine.consent.Customer;
import dev.baton.engine.consent.CustomerStatus;
import dev.baton.engine.consent.EffectiveStatus;
import dev.baton.engine.consent.LedgerEntry;
import dev.baton.engine.consent.StatusReason;
import dev.baton.engine.consent.StatusReason.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The ledger's reading of consent: which record counts, and the red / yellow / green rule. */
final class ConsentRules {
  /** History order: by recordedAt, then ledger id. */
  static final Comparator<LedgerEntry> HISTORY_ORDER = Comparator
      .comparing((LedgerEntry e) -> e.consent().recordedAt())
      .thenComparingLong(LedgerEntry::ledgerId);

  private ConsentRules() {}

  /** The consent in force for every pair, from one customer's records. */
  static ConsentSnapshot snapshot(String customerId, List<LedgerEntry> entries, Instant now) {
    List<CurrentConsent> out = new ArrayList<>();
    for (ConsentPair pair : ConsentPair.all()) {
      out.add(current(pair, entries, now));
    }
    return new ConsentSnapshot(customerId, now, out);
  }

  /**
   * The consent in force for one pair. Mirrors the consent-check pack: records after now are not
   * known yet; the latest recordedAt decides; records at that same instant all count, so the
   * most restrictive wins, as the pack's blocks win over its allows: a refusal, then a grant
   * that has expired, then the valid grant that expires first.
   */
  static CurrentConsent current(ConsentPair pair, List<LedgerEntry> entries, Instant now) {
    Instant latest = null;
    for (LedgerEntry e : entries) {
      ConsentRecord r = e.consent();
      if (r.pair().equals(pair) && !r.recordedAt().isAfter(now)
          && (latest == null || r.recordedAt().isAfter(latest))) {
        latest = r.recordedAt();
      }
    }
    if (latest == null) {
      return new CurrentConsent(pair, EffectiveStatus.NONE, null);
    }
    LedgerEntry refusal = null;
    LedgerEntry expiredGrant = null;
    LedgerEntry validGrant = null;
    for (LedgerEntry e : entries) {
      ConsentRecord r = e.consent();
      if (!r.pair().equals(pair) || !r.recordedAt().equals(latest)) {
        continue;
      }
      if (r.status().isRefusal()) {
        refusal = later(refusal, e);
      } else if (r.expiresAt() != null && !r.expiresAt().isAfter(now)) {
        expiredGrant = later(expiredGrant, e);
      } else {
        validGrant = shorterGrant(validGrant, e);
      }
    }
    if (refusal != null) {
      return new CurrentConsent(pair, EffectiveStatus.valueOf(refusal.consent().status().name()),
          refusal);
    }
    if (expiredGrant != null) {
      return new CurrentConsent(pair, EffectiveStatus.EXPIRED, expiredGrant);
    }
    return new CurrentConsent(pair, EffectiveStatus.GRANTED, validGrant);
  }

  private static LedgerEntry later(LedgerEntry a, LedgerEntry b) {
    return a == null || b.ledgerId() > a.ledgerId() ? b : a;
  }

  /** The grant that ends first (no expiry ends last); the later written on a tie. */
  private static LedgerEntry shorterGrant(LedgerEntry a, LedgerEntry b) {
    if (a == null) {
      return b;
    }
    Instant ea = a.consent().expiresAt();
    Instant eb = b.consent().expiresAt();
    if (ea == null && eb == null || ea != null && ea.equals(eb)) {
      return later(a, b);
    }
    if (ea == null) {
      return b;
    }
    return eb != null && eb.isBefore(ea) ? b : a;
  }

  /** The red / yellow / green status of a customer against the policy (rule: ConsentRating). */
  static CustomerStatus status(
      Customer customer, List<LedgerEntry> entries, Instant now, ConsentPolicy policy) {
    Instant warnUntil = now.plus(policy.expiryWarning());
    List<CurrentConsent> required = new ArrayList<>();
    List<StatusReason> reasons = new ArrayList<>();
    boolean covered = true;
    for (ConsentPair pair : policy.required()) {
      CurrentConsent c = current(pair, entries, now);
      required.add(c);
      covered &= c.status().isGranted();
      StatusReason reason = reason(c, warnUntil, policy);
      if (reason != null) {
        reasons.add(reason);
      }
    }
    ConsentRating rating = reasons.isEmpty() ? ConsentRating.GREEN
        : reasons.stream().anyMatch(r -> r.rating() == ConsentRating.RED) ? ConsentRating.RED
        : ConsentRating.YELLOW;
    return new CustomerStatus(customer, now, rating, reasons, required, covered);
  }

  private static String warning(ConsentPolicy policy) {
    long days = policy.expiryWarning().toDays();
    return policy.expiryWarning().equals(java.time.Duration.ofDays(days))
        ? days + (days == 1 ? " day" : " days") : policy.expiryWarning().toString();
  }

  private static StatusReason reason(CurrentConsent c, Instant warnUntil, ConsentPolicy policy) {
    ConsentPair pair = c.pair();
    LedgerEntry by = c.decidedBy();
    switch (c.status()) {
      case NONE:
        return new StatusReason(pair, Kind.NO_RECORD, c.status(), null, null,
            pair + ": no consent record; automated contact on " + pair.channel() + " for "
                + pair.purpose() + " is blocked. Ask the customer for consent.");
      case DENIED:
      case WITHDRAWN: {
        ConsentRecord r = by.consent();
        return new StatusReason(pair, Kind.REFUSED, c.status(), r.evidenceId(), r.recordedAt(),
            pair + ": " + (c.status() == EffectiveStatus.DENIED ? "denied" : "withdrawn")
                + " on " + r.recordedAt() + " (evidence " + r.evidenceId() + ", source "
                + r.source() + "); automated contact on " + pair.channel() + " for "
                + pair.purpose() + " is blocked. Respect it: only the customer can grant it"
                + " again.");
      }
      case EXPIRED: {
        ConsentRecord r = by.consent();
        return new StatusReason(pair, Kind.EXPIRED, c.status(), r.evidenceId(), r.expiresAt(),
            pair + ": the grant expired on " + r.expiresAt() + " (evidence " + r.evidenceId()
                + "); it counts as no consent. Ask the customer to renew it.");
      }
      case GRANTED: {
        ConsentRecord r = by.consent();
        if (r.expiresAt() != null && !r.expiresAt().isAfter(warnUntil)) {
          return new StatusReason(pair, Kind.EXPIRING_SOON, c.status(), r.evidenceId(),
              r.expiresAt(), pair + ": granted, but expires on " + r.expiresAt()
                  + ", within " + warning(policy) + " (evidence "
                  + r.evidenceId() + "). Ask the customer to renew it.");
        }
        return null;
      }
      default:
        throw new IllegalStateException("Unknown status " + c.status());
    }
  }
}
