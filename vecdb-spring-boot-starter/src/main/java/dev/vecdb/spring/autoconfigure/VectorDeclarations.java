package dev.vecdb.spring.autoconfigure;

import dev.vecdb.spring.VectorDeclaration;
import java.util.List;

/**
 * The vector declarations of {@code vecdb.vectors.*}, validated once by {@link VectorBeanRegistrar} and registered
 * as a bean, from which the {@code VecdbVectors} bean opens the vectors. Immutable.
 *
 * @param all the declarations, in declaration order
 */
public record VectorDeclarations(List<VectorDeclaration> all) {
  /** Copies {@code all}. */
  public VectorDeclarations {
    all = List.copyOf(all);
  }
}
