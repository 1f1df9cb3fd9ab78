package dev.vecdb.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates bound {@code vecdb.*} properties before any bean is created, so a bad setting stops startup with a
 * {@link VecdbConfigurationException} that {@link VecdbFailureAnalyzer} reports. Stateless, thread-safe.
 */
public final class VecdbPropertiesValidator {
  private VecdbPropertiesValidator() {}

  /**
   * Validates every setting and resolves the vector declarations, in declaration order.
   *
   * @throws VecdbConfigurationException naming the first invalid property
   */
  public static List<VectorDeclaration> validate(VecdbProperties properties, ClassLoader classLoader) {
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
    if (properties.getHealth().getMinFreeSpace().isNegative()) {
      throw new VecdbConfigurationException("vecdb.health.min-free-space",
          "it is negative (" + properties.getHealth().getMinFreeSpace() + ")",
          "Set vecdb.health.min-free-space to a size such as 100MB, or 0 to disable the check.");
    }
    List<VectorDeclaration> declarations = new ArrayList<>();
    for (Map.Entry<String, VectorProperties> vector : properties.getVectors().entrySet()) {
      declarations.add(VectorDeclaration.resolve(vector.getKey(), vector.getValue(), properties, classLoader));
    }
    return declarations;
  }
}
