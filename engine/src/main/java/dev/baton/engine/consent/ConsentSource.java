package dev.baton.engine.consent;

/**
 * Where a consent record comes from. The same values as the {@code source} enum of the
 * consent-check pack's {@code Consent} fact type.
 */
public enum ConsentSource {
  /** E-mail opt-in ticked on the website (官网勾选邮件推送). */
  WEBSITE_OPT_IN,
  /** Authorization in the WeChat official-account menu (微信公众号菜单授权). */
  WECHAT_AUTHORIZATION,
  /** QR code scanned at an offline event (线下活动扫码同意). */
  EVENT_QR_CODE,
  /** Unsubscribe link in a message (退订链接). */
  UNSUBSCRIBE_LINK,
  /** Customer service hotline (客服热线). */
  SERVICE_HOTLINE
}
