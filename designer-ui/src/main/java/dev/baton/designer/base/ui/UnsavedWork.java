package dev.baton.designer.base.ui;

/**
 * A view that may hold unsaved edits: the chrome asks it before it reloads the page (switching
 * the language) or signs out, and lets it keep its working copy over a reload.
 */
public interface UnsavedWork {
  /** True when the view holds edits that are not saved. */
  boolean hasUnsavedChanges();

  /** Keeps the working copy in the session so that the view restores it after a reload. */
  void keepWorkingCopy();

  /** Drops the unsaved edits and any working copy kept of them (the user chose to discard). */
  default void discardWorkingCopy() {}
}
