package dev.baton.designer.rules.ui;

import java.util.List;

/**
 * A block being dragged to another place: the list that holds it and its index there.
 *
 * @param rule true when a whole rule is moved
 */
record Moving(List<?> list, int index, boolean action, boolean rule) {}
