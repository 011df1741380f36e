package dev.baton.engine.consent;

/**
 * What a contact is for. The same values as the {@code purpose} enum of the consent-check pack's
 * {@code Consent} fact type.
 */
public enum Purpose {
  /** Marketing: content packs, newsletters, campaign texts. */
  MARKETING,
  /** Sales follow-up: calls and messages about an opportunity. */
  SALES_FOLLOW_UP,
  /** Service: support and contract-related contact. */
  SERVICE
}
