package dev.vecdb.sample.api;

import dev.vecdb.sample.derived.DerivedMetrics;
import dev.vecdb.spring.VecdbVectors;
import dev.vecdb.spring.VectorDeclaration;
import dev.vecdb.vec.StoredVec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The series the API serves: every vector declared under {@code vecdb.vectors} in declaration order (the chain's own,
 * then the eager derived metrics), then the lazy ones of {@link DerivedMetrics}. Threads: immutable after startup.
 */
@Component
class SeriesCatalog {
  private final Map<String, Series> series = new LinkedHashMap<>();

  SeriesCatalog(VecdbVectors vectors, DerivedMetrics derived) {
    for (VectorDeclaration declaration : vectors.declarations()) {
      StoredVec vector = vectors.find(declaration.name()).orElseThrow();
      add(new StoredSeries(declaration, vector, derived.stored().contains(vector) ? "eager" : "source"));
    }
    add(new FeePerTxSeries(derived));
  }

  private void add(Series one) {
    series.put(one.name(), one);
  }

  /** Every series: declared vectors, then lazy ones. */
  List<Series> all() {
    return List.copyOf(series.values());
  }

  /**
   * Series {@code name}.
   *
   * @throws ApiProblem (404) listing the known series when there is none of that name
   */
  Series get(String name) {
    Series found = series.get(name);
    if (found == null) {
      throw ApiProblem.unknownSeries(name, List.copyOf(series.keySet()));
    }
    return found;
  }
}
