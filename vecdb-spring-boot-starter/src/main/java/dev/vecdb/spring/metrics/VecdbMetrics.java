package dev.vecdb.spring.metrics;

import dev.vecdb.Database;
import dev.vecdb.spring.VecdbFlusher;
import dev.vecdb.spring.VecdbStats;
import dev.vecdb.spring.VecdbVectors;
import dev.vecdb.vec.StoredVec;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Binds the vecdb meters: per declared vector (tagged {@code vector} and {@code format}) {@code vecdb.vector.length},
 * {@code vecdb.vector.holes}, {@code vecdb.vector.stamp}, {@code vecdb.vector.stored.size},
 * {@code vecdb.vector.uncompressed.size} and {@code vecdb.vector.compression.ratio}; per database
 * {@code vecdb.file.size} and {@code vecdb.disk.usage}. The {@code vecdb.flush} timer comes from the observation
 * of {@link VecdbFlusher}.
 *
 * <p>Every figure is one of the written state, the state readers see: the scrape thread never reads a writer's
 * fields. Gauges hold strong references to the vectors and the database, so they never turn NaN while the database
 * is open; after it closed they read NaN. Threads: gauges are sampled on the registry's threads; every figure is
 * safe to read from any thread.
 */
public class VecdbMetrics implements MeterBinder {
  private final VecdbVectors vectors;

  /**
   * @param vectors the declared vectors and their database
   */
  public VecdbMetrics(VecdbVectors vectors) {
    this.vectors = vectors;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Database database = vectors.database();
    for (StoredVec vector : vectors.all()) {
      bindVector(registry, database, vector);
    }
    Gauges gauges = new Gauges(registry, database, Tags.empty());
    gauges.add("vecdb.file.size", "Logical length of the database's data file", BaseUnits.BYTES, database,
        Database::fileLength);
    gauges.add("vecdb.disk.usage", "Bytes the database's files occupy on disk (logical size when unknown)",
        BaseUnits.BYTES, database, VecdbStats::diskUsageBytes);
  }

  private static void bindVector(MeterRegistry registry, Database database, StoredVec vector) {
    Tags tags = Tags.of("vector", vector.name(), "format", VecdbStats.formatLabel(vector.format()));
    Gauges gauges = new Gauges(registry, database, tags);
    gauges.add("vecdb.vector.length", "Written values, holes included", null, vector, StoredVec::storedLen);
    gauges.add("vecdb.vector.holes", "Written deletions (holes)", null, vector, StoredVec::writtenHoleCount);
    gauges.add("vecdb.vector.stamp", "Stamp of the last written stamped write", null, vector,
        StoredVec::writtenStamp);
    gauges.add("vecdb.vector.stored.size", "Bytes the vector occupies in the database", BaseUnits.BYTES, vector,
        VecdbStats::storedBytes);
    gauges.add("vecdb.vector.uncompressed.size", "Bytes the written values take uncompressed", BaseUnits.BYTES,
        vector, VecdbStats::uncompressedBytes);
    gauges.add("vecdb.vector.compression.ratio", "Uncompressed bytes per stored byte", null, vector,
        VecdbStats::compressionRatio);
  }

  /** Registers gauges with common tags that read NaN once {@code database} is closed. */
  private record Gauges(MeterRegistry registry, Database database, Tags tags) {
    <T> void add(String name, String description, @Nullable String baseUnit, T source, ToDoubleFunction<T> value) {
      Gauge.builder(name, source, s -> database.isOpen() ? value.applyAsDouble(s) : Double.NaN)
          .description(description)
          .baseUnit(baseUnit)
          .tags(tags)
          .strongReference(true)
          .register(registry);
    }
  }
}
