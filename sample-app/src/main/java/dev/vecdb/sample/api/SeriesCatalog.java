package dev.vecdb.sample.api;

import dev.vecdb.spring.VecdbVectors;
import dev.vecdb.vec.StoredVec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The series the API serves: every vector declared under {@code vecdb.vectors}, in declaration order. Threads:
 * immutable after startup.
 */
@Component
class SeriesCatalog {
  private final Map<String, Series> series = new LinkedHashMap<>();

  SeriesCatalog(VecdbVectors vectors) {
    for (StoredVec vector : vectors.all()) {
      series.put(vector.name(), new StoredSeries(vector, "source"));
    }
  }

  /** Every series. */
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
