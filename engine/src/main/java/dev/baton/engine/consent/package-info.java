/**
 * The consent ledger (客户数据主权): an append-only record of each customer's consent per
 * channel and purpose, with its source and evidence id. It supplies the {@code Consent} facts
 * the consent-check pack decides on, resolves the evidence ids that decisions cite as proof,
 * rates every customer red / yellow / green with reasons against a {@link
 * dev.baton.engine.consent.ConsentPolicy}, measures consent coverage against the 92% target, and
 * imports customers and consent records from CSV all or nothing. Entry point: {@link
 * dev.baton.engine.consent.ConsentLedger}; the rules are written up in {@code docs/consent.md}.
 */
package dev.baton.engine.consent;
