/**
 * Shared chrome of every view ({@code ui}): the layout with the menu read from the route
 * registry (the views' {@code @Menu}), notices, charts and the access-denied page. Depends on no
 * feature.
 */
package dev.baton.designer.base;
