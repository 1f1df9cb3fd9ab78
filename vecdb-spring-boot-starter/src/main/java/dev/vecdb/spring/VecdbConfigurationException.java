package dev.vecdb.spring;

import org.jspecify.annotations.Nullable;

/**
 * A {@code vecdb.*} setting is invalid or cannot be applied. Carries the property, the problem and what to change, so
 * that the starter's failure analyzer can tell the user how to fix the configuration. Immutable.
 */
public class VecdbConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String property;
  private final String action;

  /**
   * @param property the offending property, e.g. {@code vecdb.vectors.prices.type}
   * @param problem what is wrong with it
   * @param action what to change
   * @param cause the underlying failure, or null
   */
  public VecdbConfigurationException(String property, String problem, String action, @Nullable Throwable cause) {
    super("invalid " + property + ": " + problem, cause);
    this.property = property;
    this.action = action;
  }

  /**
   * @param property the offending property
   * @param problem what is wrong with it
   * @param action what to change
   */
  public VecdbConfigurationException(String property, String problem, String action) {
    this(property, problem, action, null);
  }

  /** The offending property. */
  public String property() {
    return property;
  }

  /** What to change in the configuration. */
  public String action() {
    return action;
  }
}
