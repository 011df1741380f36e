/**
 * Examples of embedding Baton in a Java application, each run by a test so that it keeps
 * compiling and working: {@link dev.baton.samples.EmbeddingExample}; a REST client of the designer:
 * {@link dev.baton.samples.RestClientExample}.
 */
package dev.baton.samples;
