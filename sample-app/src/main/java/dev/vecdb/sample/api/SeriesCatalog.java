package dev.vecdb.sample.api;

import dev.vecdb.spring.VecdbVectors;
import dev.vecdb.vec.StoredVec;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The series the API serves: every vector declared under {@code vecdb.vectors}. Threads: immutable after startup.
 */
@Component
class SeriesCatalog {
  private final VecdbVectors vectors;

  SeriesCatalog(VecdbVectors vectors) {
    this.vectors = vectors;
  }

  /** Every series, in declaration order. */
  List<StoredVec> all() {
    return vectors.all();
  }

  /**
   * Series {@code name}.
   *
   * @throws ApiProblem (404) listing the known series when there is none of that name
   */
  StoredVec get(String name) {
    return vectors.find(name).orElseThrow(() -> ApiProblem.unknownSeries(name, names()));
  }

  private List<String> names() {
    return all().stream().map(StoredVec::name).toList();
  }
}
