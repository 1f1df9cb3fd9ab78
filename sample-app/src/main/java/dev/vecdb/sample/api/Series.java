package dev.vecdb.sample.api;

import dev.vecdb.vec.Exportable;
import java.util.function.Function;

/** A series the API serves by name: a stored vector, or a lazy vector computed on read. */
interface Series {
  /** The series name. */
  String name();

  /** What {@code GET /api/series} lists about it. */
  SeriesInfo info();

  /**
   * Applies {@code read} to a view of the series' written values that is safe on the calling thread and valid
   * until {@code read} returns. The view is a snapshot: its length and values do not change while {@code read} runs,
   * so a range resolved against its length is the range it exports.
   */
  <T> T read(Function<? super Exportable, T> read);
}
