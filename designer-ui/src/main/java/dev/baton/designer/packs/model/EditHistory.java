package dev.baton.designer.packs.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * Undo and redo for the designer: snapshots of the pack tree after each edit. {@link #record}
 * is called after every edit and keeps a snapshot when the tree differs from the last one;
 * {@link #undo} and {@link #redo} give the tree to restore. The saved state is remembered too,
 * so the designer can say whether there are unsaved changes. Keeps the last 200 edits.
 */
public final class EditHistory {
  private static final int LIMIT = 200;
  private final Deque<Map<String, Object>> undo = new ArrayDeque<>();
  private final Deque<Map<String, Object>> redo = new ArrayDeque<>();
  private Map<String, Object> current;
  private Map<String, Object> saved;

  /** Starts the history at a tree that is the saved state; forgets every edit. */
  public void reset(Map<String, Object> root) {
    undo.clear();
    redo.clear();
    current = copy(root);
    saved = current;
  }

  /** Remembers the tree as saved (after a save); the edits stay undoable. */
  public void markSaved(Map<String, Object> root) {
    current = copy(root);
    saved = current;
  }

  /** Records the tree after an edit; returns true when it changed since the last record. */
  public boolean record(Map<String, Object> root) {
    if (root.equals(current)) {
      return false;
    }
    undo.push(current);
    if (undo.size() > LIMIT) {
      undo.removeLast();
    }
    redo.clear();
    current = copy(root);
    return true;
  }

  /** The tree before the last edit, or empty when there is nothing to undo. */
  public Optional<Map<String, Object>> undo() {
    if (undo.isEmpty()) {
      return Optional.empty();
    }
    redo.push(current);
    current = undo.pop();
    return Optional.of(copy(current));
  }

  /** The tree of the last undone edit, or empty. */
  public Optional<Map<String, Object>> redo() {
    if (redo.isEmpty()) {
      return Optional.empty();
    }
    undo.push(current);
    current = redo.pop();
    return Optional.of(copy(current));
  }

  public boolean canUndo() {
    return !undo.isEmpty();
  }

  public boolean canRedo() {
    return !redo.isEmpty();
  }

  /** True when the tree differs from the saved state. */
  public boolean unsaved(Map<String, Object> root) {
    return !root.equals(saved);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<String, Object> root) {
    return (Map<String, Object>) PackModel.deepCopy(root);
  }
}
