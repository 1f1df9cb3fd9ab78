package dev.vecdb;

import dev.vecdb.internal.Exceptions;

/**
 * How to open a vector: storage format, user version, how many stamped change sets to keep for rollback, and
 * whether a stored vector that does not match is wiped instead of rejected. Immutable; the {@code with} methods
 * return modified copies.
 *
 * @param format the storage format (default {@link Format#BYTES})
 * @param version the user version (default 1, at least 0); bump it when the meaning of the stored values changes
 * @param savedStampedChanges how many stamped change sets to keep for rollback (default 0: none)
 * @param resetOnMismatch whether to wipe the vector (all its regions) and start empty when the stored version,
 *     format or value type differs, instead of failing (default false)
 * @param compressionLevel the codec's compression level for {@link Format#ZSTD} (1–22; default 0 = the codec's
 *     default, 3); ignored by the other formats
 */
public record VecOptions(Format format, int version, int savedStampedChanges, boolean resetOnMismatch,
    int compressionLevel) {
  /** BYTES, version 1, no saved changes, no reset, default compression level. */
  public static final VecOptions DEFAULT = new VecOptions(Format.BYTES, 1, 0, false, 0);

  /** Validates the options. */
  public VecOptions {
    if (format == null) {
      throw new IllegalArgumentException("format must not be null");
    }
    if (version < 0) {
      throw Exceptions.illegalArgument("version must be >= 0, got %s", version);
    }
    if (savedStampedChanges < 0) {
      throw Exceptions.illegalArgument("savedStampedChanges must be >= 0, got %s", savedStampedChanges);
    }
    if (compressionLevel < 0 || compressionLevel > 22) {
      throw Exceptions.illegalArgument("compressionLevel must be within 0..22, got %s", compressionLevel);
    }
  }

  /** The defaults with another format. */
  public static VecOptions of(Format format) {
    return DEFAULT.withFormat(format);
  }

  /** A copy with another format. */
  public VecOptions withFormat(Format newFormat) {
    return new VecOptions(newFormat, version, savedStampedChanges, resetOnMismatch, compressionLevel);
  }

  /** A copy with another user version. */
  public VecOptions withVersion(int newVersion) {
    return new VecOptions(format, newVersion, savedStampedChanges, resetOnMismatch, compressionLevel);
  }

  /** A copy that keeps {@code n} stamped change sets. */
  public VecOptions withSavedStampedChanges(int n) {
    return new VecOptions(format, version, n, resetOnMismatch, compressionLevel);
  }

  /** A copy with another compression level (see {@link #compressionLevel()}). */
  public VecOptions withCompressionLevel(int level) {
    return new VecOptions(format, version, savedStampedChanges, resetOnMismatch, level);
  }

  /** A copy with reset-on-mismatch set. */
  public VecOptions withResetOnMismatch(boolean reset) {
    return new VecOptions(format, version, savedStampedChanges, reset, compressionLevel);
  }
}
