package dev.vecdb.spring;

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
  /** The property prefix of this declaration, e.g. {@code vecdb.vectors.prices}. */
  public String property() {
    return property(name);
  }

  /** The property prefix of the declaration of vector {@code name}. */
  public static String property(String name) {
    return "vecdb.vectors." + name;
  }
}
