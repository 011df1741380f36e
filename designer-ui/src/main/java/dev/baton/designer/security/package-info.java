/**
 * Roles, accounts, sign-in ({@code ui.LoginView}), the filter chains of the views and of the
 * REST API, and API tokens. Depends on no feature and not on the chrome.
 */
package dev.baton.designer.security;
