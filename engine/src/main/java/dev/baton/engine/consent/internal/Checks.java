package dev.baton.engine.consent.internal;

import dev.baton.engine.consent.ConsentRecord;
import dev.baton.engine.consent.Customer;
import java.util.ArrayList;
import java.util.List;

/** The checks a customer or consent record must pass, shared by the API and the CSV import. */
final class Checks {
  static final int ID_MAX = 64;
  static final int EVIDENCE_MAX = 128;
  static final int NAME_MAX = 200;
  static final int LABEL_MAX = 100;

  private Checks() {}

  /** One problem with one field. */
  record Issue(String field, String message, String hint) {}

  static List<Issue> customer(Customer c) {
    List<Issue> out = new ArrayList<>();
    text(out, "customerId", c.id(), ID_MAX, true);
    text(out, "name", c.name(), NAME_MAX, true);
    text(out, "region", c.region(), LABEL_MAX, false);
    text(out, "owner", c.owner(), LABEL_MAX, false);
    return out;
  }

  /** The checks that need no database: texts and times. */
  static List<Issue> consent(ConsentRecord r) {
    List<Issue> out = ids(r.customerId(), r.evidenceId());
    out.addAll(expiry(r));
    return out;
  }

  /** The customer and evidence ids of a consent record. */
  static List<Issue> ids(String customerId, String evidenceId) {
    List<Issue> out = new ArrayList<>();
    text(out, "customerId", customerId, ID_MAX, true);
    text(out, "evidenceId", evidenceId, EVIDENCE_MAX, true);
    return out;
  }

  /** expiresAt: only on a grant, and after recordedAt. */
  static List<Issue> expiry(ConsentRecord r) {
    List<Issue> out = new ArrayList<>();
    if (r.expiresAt() != null) {
      if (r.status().isRefusal()) {
        out.add(new Issue("expiresAt", "A " + r.status() + " record has expiresAt "
            + r.expiresAt() + ", but only a grant can expire.",
            "Leave expiresAt empty: a refusal or withdrawal stands until the customer grants"
                + " again (a new GRANTED record)."));
      } else if (!r.expiresAt().isAfter(r.recordedAt())) {
        out.add(new Issue("expiresAt", "expiresAt " + r.expiresAt()
            + " is not after recordedAt " + r.recordedAt() + ".",
            "A grant must end after it was given; check the two times, or leave expiresAt"
                + " empty for a grant that does not expire."));
      }
    }
    return out;
  }

  static Issue unknownCustomer(String customerId) {
    return new Issue("customerId", "Customer '" + customerId + "' is not in the ledger.",
        "Add the customer first (upsertCustomer, or import the customers CSV), then the consent.");
  }

  static Issue duplicateEvidence(String evidenceId, String where) {
    return new Issue("evidenceId", "Evidence id '" + evidenceId + "' is already " + where + ".",
        "Evidence ids are unique: each record cites its own evidence. A change of mind is a"
            + " new record with new evidence; a record already in the ledger needs no import.");
  }

  private static void text(List<Issue> out, String field, String v, int max, boolean required) {
    if (v == null || v.isEmpty()) {
      if (required) {
        out.add(new Issue(field, field + " is empty.", "Give a " + field + "."));
      }
      return;
    }
    if (v.isBlank()) {
      out.add(new Issue(field, field + " is blank.", "Give a " + field + "."));
    } else if (!v.strip().equals(v)) {
      out.add(new Issue(field, field + " '" + v + "' starts or ends with spaces.",
          "Remove the spaces: '" + v.strip() + "'."));
    }
    if (v.codePoints().anyMatch(Character::isISOControl)) {
      out.add(new Issue(field, field + " contains a control character (line break, tab...).",
          "Remove it; " + field + " is a single line of text."));
    }
    if (v.length() > max) {
      out.add(new Issue(field, field + " has " + v.length() + " characters, more than "
          + max + ".", "Shorten it to at most " + max + " characters."));
    }
  }
}
