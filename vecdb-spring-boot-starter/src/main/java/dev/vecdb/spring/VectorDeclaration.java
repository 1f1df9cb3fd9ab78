package dev.vecdb.spring;

import dev.vecdb.Format;
import dev.vecdb.VecOptions;

/**
 * A validated vector declaration: name, value type and the options it opens with, database-wide defaults applied.
 * Immutable, thread-safe.
 *
 * @param name the vector's name, also its bean name
 * @param type its value type
 * @param options how it is opened
 */
public record VectorDeclaration(String name, VectorType type, VecOptions options) {
  static final String TYPES = "i8, u8, i16, u16, i32, u32, i64, u64, f32, f64, bytesN (e.g. bytes32) or "
      + "record:fully.qualified.RecordClass";

  /** The property prefix of this declaration, e.g. {@code vecdb.vectors.prices}. */
  public String property() {
    return property(name);
  }

  /**
   * Validates the declaration of vector {@code name} and applies the defaults of {@code database}.
   *
   * @throws VecdbConfigurationException naming the offending property if the declaration is invalid
   */
  static VectorDeclaration resolve(String name, VectorProperties vector, VecdbProperties database,
      ClassLoader classLoader) {
    String property = property(name);
    if (vector.getType() == null || vector.getType().isBlank()) {
      throw new VecdbConfigurationException(property + ".type", "no value type is set",
          "Set " + property + ".type to one of " + TYPES + ".");
    }
    VectorType type;
    try {
      type = VectorType.parse(vector.getType(), classLoader);
    } catch (IllegalArgumentException e) {
      throw new VecdbConfigurationException(property + ".type", e.getMessage(),
          "Set " + property + ".type to one of " + TYPES + ".", e);
    }
    Format format = vector.getFormat() != null ? vector.getFormat() : database.getDefaultFormat();
    if (format == Format.PCO && !type.isNumeric()) {
      String formatProperty = vector.getFormat() != null ? property + ".format" : "vecdb.default-format";
      throw new VecdbConfigurationException(formatProperty, "the pco format compresses numeric values only, and "
          + "vector '" + name + "' holds " + type.label(),
          "Set " + property + ".format to zstd, lz4, bytes or zero-copy.");
    }
    int saved = vector.getSavedStampedChanges() != null
        ? vector.getSavedStampedChanges() : database.getSavedStampedChanges();
    if (saved < 0) {
      String savedProperty = vector.getSavedStampedChanges() != null
          ? property + ".saved-stamped-changes" : "vecdb.saved-stamped-changes";
      throw new VecdbConfigurationException(savedProperty, "it is negative (" + saved + ")",
          "Set " + savedProperty + " to 0 or more.");
    }
    boolean reset = vector.getResetOnMismatch() != null ? vector.getResetOnMismatch() : database.isResetOnMismatch();
    return new VectorDeclaration(name, type, new VecOptions(format, vector.getVersion(), saved, reset, 0));
  }

  private static String property(String name) {
    return VecdbProperties.PREFIX + ".vectors." + name;
  }
}
