package dev.baton.engine.repository;

import java.time.Clock;
import java.util.Objects;

/**
 * Options of a repository.
 *
 * @param clock the source of event times
 * @param maxZipEntries a zip with more entries (files and folders) is refused
 * @param maxZipEntryBytes a zip entry larger than this, uncompressed, is refused
 * @param maxZipTotalBytes a zip larger than this in total, uncompressed, is refused
 */
public record RepositoryOptions(
    Clock clock, int maxZipEntries, long maxZipEntryBytes, long maxZipTotalBytes) {

  public RepositoryOptions {
    Objects.requireNonNull(clock, "clock");
    if (maxZipEntries < 1 || maxZipEntryBytes < 1 || maxZipTotalBytes < 1) {
      throw new IllegalArgumentException("Zip limits must be positive.");
    }
  }

  /** The system clock (UTC), at most 100 zip entries of 4 MiB each and 16 MiB in all. */
  public static RepositoryOptions defaults() {
    return new RepositoryOptions(Clock.systemUTC(), 100, 4L << 20, 16L << 20);
  }

  /** The same options with another clock. */
  public RepositoryOptions withClock(Clock newClock) {
    return new RepositoryOptions(newClock, maxZipEntries, maxZipEntryBytes, maxZipTotalBytes);
  }

  /** The same options with other zip limits. */
  public RepositoryOptions withZipLimits(int entries, long entryBytes, long totalBytes) {
    return new RepositoryOptions(clock, entries, entryBytes, totalBytes);
  }
}
