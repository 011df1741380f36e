/**
 * A Spring Boot application on Baton's starter: it decides on a visit request with the template
 * packs and records the decision in the decision log, with nothing of Baton configured by hand.
 */
package dev.baton.samples.bootstarter;
