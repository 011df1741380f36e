/**
 * Storage: the engine takes a {@link javax.sql.DataSource}; {@link
 * dev.baton.engine.store.BatonStore#open(javax.sql.DataSource)} creates or upgrades the schema
 * with Liquibase. H2 (a file under a data directory) by default, PostgreSQL in production; the
 * same changelogs run on both. Also the content-addressed store of pack content by hash.
 */
package dev.baton.engine.store;
