/**
 * Examples of embedding Baton in a Java application, each run by a test so that it keeps
 * compiling and working: {@link dev.baton.samples.EmbeddingExample}.
 */
package dev.baton.samples;
