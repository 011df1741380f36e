package dev.baton.engine.liquid;

/** A unit as formed, with the formation that picked its members and why. */
public record FormedUnit(Unit unit, Formation formation) {}
