package dev.baton.engine.consent;

/**
 * A customer contact channel that consent is given for. The same values as the {@code channel}
 * enum of the consent-check pack's {@code Consent} fact type.
 */
public enum Channel {
  /** E-mail. */
  EMAIL,
  /** SMS text message. */
  SMS,
  /** Voice call (including AI outbound calls). */
  VOICE,
  /** WeChat (official account, WeCom). */
  WECHAT
}
