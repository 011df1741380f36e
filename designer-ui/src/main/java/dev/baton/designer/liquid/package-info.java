/**
 * The liquid organisation in the designer: the campaign board (drag people onto a campaign's
 * roles, each card with its eligibility and reason) and the value view (contribution points by
 * person and event).
 */
package dev.baton.designer.liquid;
