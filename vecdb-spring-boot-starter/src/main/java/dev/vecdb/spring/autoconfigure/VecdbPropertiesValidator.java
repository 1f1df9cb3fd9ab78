package dev.vecdb.spring.autoconfigure;

import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.spring.VecdbConfigurationException;
import dev.vecdb.spring.VectorDeclaration;
import dev.vecdb.spring.VectorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.util.ClassUtils;

/**
 * Validates bound {@code vecdb.*} properties once, before any bean is created, and resolves the vector declarations,
 * so a bad setting stops startup with a {@link VecdbConfigurationException} that the starter's failure analyzer
 * reports: negative counts and intervals, unknown value types, {@code pco} on non-numeric values, and a format whose
 * codec library is missing from the class path. Stateless, thread-safe.
 */
final class VecdbPropertiesValidator {
  static final String TYPES = "i8, u8, i16, u16, i32, u32, i64, u64, f32, f64, bytesN (e.g. bytes32) or "
      + "record:fully.qualified.RecordClass";
  /** A class of zstd-jni, which the {@code zstd} format needs. */
  static final String ZSTD_CLASS = "com.github.luben.zstd.Zstd";

  private VecdbPropertiesValidator() {}

  /**
   * Validates every setting and resolves the vector declarations, in declaration order.
   *
   * @param classLoader where record classes and codec libraries are looked up
   * @throws VecdbConfigurationException naming the first invalid property
   */
  static List<VectorDeclaration> validate(VecdbProperties properties, ClassLoader classLoader) {
    if (properties.getFlushInterval().isNegative()) {
      throw new VecdbConfigurationException("vecdb.flush-interval",
          "it is negative (" + properties.getFlushInterval() + ")",
          "Set vecdb.flush-interval to a positive duration such as 30s, or 0 to disable background flushes.");
    }
    if (properties.getSavedStampedChanges() < 0) {
      throw new VecdbConfigurationException("vecdb.saved-stamped-changes",
          "it is negative (" + properties.getSavedStampedChanges() + ")",
          "Set vecdb.saved-stamped-changes to 0 or more.");
    }
    if (properties.getEndpoint().getMaxValues() <= 0) {
      throw new VecdbConfigurationException("vecdb.endpoint.max-values",
          "it must be positive, got " + properties.getEndpoint().getMaxValues(),
          "Set vecdb.endpoint.max-values to 1 or more.");
    }
    if (properties.getEndpoint().isSnapshotEnabled() && properties.getEndpoint().getSnapshotDirectory() == null) {
      throw new VecdbConfigurationException("vecdb.endpoint.snapshot-directory",
          "it is not set, and vecdb.endpoint.snapshot-enabled is true",
          "Set vecdb.endpoint.snapshot-directory to the directory that receives snapshots, or set "
              + "vecdb.endpoint.snapshot-enabled=false.");
    }
    if (properties.getHealth().getMinFreeSpace().isNegative()) {
      throw new VecdbConfigurationException("vecdb.health.min-free-space",
          "it is negative (" + properties.getHealth().getMinFreeSpace() + ")",
          "Set vecdb.health.min-free-space to a size such as 100MB, or 0 to disable the check.");
    }
    List<VectorDeclaration> declarations = new ArrayList<>();
    for (Map.Entry<String, VectorProperties> vector : properties.getVectors().entrySet()) {
      declarations.add(resolve(vector.getKey(), vector.getValue(), properties, classLoader));
    }
    return declarations;
  }

  private static VectorDeclaration resolve(String name, VectorProperties vector, VecdbProperties database,
      ClassLoader classLoader) {
    String property = VectorDeclaration.property(name);
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
    String formatProperty = vector.getFormat() != null ? property + ".format" : "vecdb.default-format";
    if (format == Format.PCO && !type.isNumeric()) {
      throw new VecdbConfigurationException(formatProperty, "the pco format compresses numeric values only, and "
          + "vector '" + name + "' holds " + type.label(),
          "Set " + property + ".format to zstd, lz4, bytes or zero-copy.");
    }
    if (format == Format.ZSTD && !ClassUtils.isPresent(ZSTD_CLASS, classLoader)) {
      throw new VecdbConfigurationException(formatProperty, "vector '" + name + "' uses the zstd format, whose codec "
          + "library com.github.luben:zstd-jni is not on the class path",
          "Add the dependency com.github.luben:zstd-jni to the application, or set " + property
              + ".format to lz4, pco (numeric values), bytes or zero-copy.");
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
}
