package dev.vecdb.vec;

import dev.vecdb.HoleException;
import dev.vecdb.OutOfRangeException;
import dev.vecdb.codec.ValueCodec;
import dev.vecdb.internal.Exceptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Read access to a vector of fixed-size objects (byte arrays, records), shared by {@link ObjVec} (the writer's view)
 * and {@link ObjReader} (a view of written values for any thread). Ranges are half-open and clamped; ranged reads
 * skip holes, point reads report them. Every read decodes a new object. A method that reads several values reads
 * them all through one {@link #snapshot()}: on a reader, one published state from its start to its end.
 *
 * @param <T> the value type
 */
public interface ObjReadable<T> extends Exportable {
  @Override
  String name();

  /** How values are encoded. */
  ValueCodec<T> codec();

  @Override
  long len();

  /** Whether {@code index} is a hole. */
  boolean isHole(long index);

  /**
   * The value at {@code index}.
   *
   * @throws OutOfRangeException if {@code index} is outside {@code [0, len())}
   * @throws HoleException if it is a hole
   */
  T get(long index);

  /**
   * A view that reads one state of the vector for as long as it is used (see {@code LongReadable.snapshot()}): an
   * {@link ObjReader}'s is the state published when it is taken, kept whole; not thread-safe; use it only while the
   * reader is open. The writer's own view returns itself.
   */
  default ObjReadable<T> snapshot() {
    return this;
  }

  /** Whether {@code 0 <= index < len()}. */
  default boolean has(long index) {
    return index >= 0 && index < len();
  }

  /** The value at {@code index}, or empty when out of range or a hole. */
  default Optional<T> tryGet(long index) {
    ObjReadable<T> s = snapshot();
    return s.has(index) && !s.isHole(index) ? Optional.of(s.get(index)) : Optional.empty();
  }

  /** Calls {@code action} with every index and value of {@code [from, to)}, skipping holes. */
  default void forEach(long from, long to, IndexedConsumer<? super T> action) {
    ObjReadable<T> s = snapshot();
    long len = s.len();
    long end = StoredVec.clampTo(from, to, len);
    for (long i = StoredVec.clampFrom(from, len); i < end; i++) {
      if (!s.isHole(i)) {
        action.accept(i, s.get(i));
      }
    }
  }

  /** Folds the values of {@code [from, to)} in index order, skipping holes. */
  default <R> R fold(long from, long to, R init, BiFunction<R, ? super T, R> op) {
    ObjReadable<T> s = snapshot();
    long len = s.len();
    R acc = init;
    long end = StoredVec.clampTo(from, to, len);
    for (long i = StoredVec.clampFrom(from, len); i < end; i++) {
      if (!s.isHole(i)) {
        acc = op.apply(acc, s.get(i));
      }
    }
    return acc;
  }

  /** The values of {@code [from, to)} (holes skipped). */
  default List<T> collect(long from, long to) {
    List<T> out = new ArrayList<>();
    forEach(from, to, (i, v) -> out.add(v));
    return out;
  }

  /** Every value (holes skipped). */
  default List<T> collect() {
    ObjReadable<T> s = snapshot();
    return s.collect(0, s.len());
  }

  /** The values of a signed range: a negative bound counts from the end. */
  default List<T> collectSigned(long from, long to) {
    ObjReadable<T> s = snapshot();
    long len = s.len();
    return s.collect(StoredVec.signedBound(from, len), StoredVec.signedBound(to, len));
  }

  /** The values of {@code [from, to)} with holes kept: an empty optional at each hole. */
  default List<Optional<T>> collectHoled(long from, long to) {
    ObjReadable<T> s = snapshot();
    long len = s.len();
    List<Optional<T>> out = new ArrayList<>();
    long end = StoredVec.clampTo(from, to, len);
    for (long i = StoredVec.clampFrom(from, len); i < end; i++) {
      out.add(s.isHole(i) ? Optional.empty() : Optional.of(s.get(i)));
    }
    return out;
  }

  /** The values at {@code indices}, which must be ascending (errors as {@link #get}). */
  default List<T> getAll(long... indices) {
    ObjReadable<T> s = snapshot();
    List<T> out = new ArrayList<>(indices.length);
    for (int i = 0; i < indices.length; i++) {
      if (i > 0 && indices[i] < indices[i - 1]) {
        throw Exceptions.illegalArgument("vector '%s': indices must be ascending, %s follows %s", name(), indices[i],
            indices[i - 1]);
      }
      out.add(s.get(indices[i]));
    }
    return out;
  }

  /** The first value that is not a hole. */
  default Optional<T> first() {
    ObjReadable<T> s = snapshot();
    for (long i = 0, len = s.len(); i < len; i++) {
      if (!s.isHole(i)) {
        return Optional.of(s.get(i));
      }
    }
    return Optional.empty();
  }

  /** The last value that is not a hole. */
  default Optional<T> last() {
    ObjReadable<T> s = snapshot();
    for (long i = s.len() - 1; i >= 0; i--) {
      if (!s.isHole(i)) {
        return Optional.of(s.get(i));
      }
    }
    return Optional.empty();
  }

  /** The smallest value in the codec's order (the first of equal minima). */
  default Optional<T> min() {
    return stream().reduce((best, v) -> codec().compare(v, best) < 0 ? v : best);
  }

  /** The largest value in the codec's order (the first of equal maxima). */
  default Optional<T> max() {
    return stream().reduce((best, v) -> codec().compare(v, best) > 0 ? v : best);
  }

  /** Every value as a stream (holes skipped). */
  default Stream<T> stream() {
    ObjReadable<T> s = snapshot();
    return s.stream(0, s.len());
  }

  /** The values of {@code [from, to)} as a stream (holes skipped). */
  default Stream<T> stream(long from, long to) {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor(from, to),
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** A cursor over {@code [from, to)}, skipping holes. */
  default ObjCursor<T> cursor(long from, long to) {
    return new ObjCursor<>(snapshot(), from, to);
  }

  @Override
  default StringBuilder appendCsv(StringBuilder out, long from, long to) {
    ObjReadable<T> s = snapshot();
    long len = s.len();
    long end = StoredVec.clampTo(from, to, len);
    for (long i = StoredVec.clampFrom(from, len); i < end; i++) {
      if (!s.isHole(i)) {
        codec().appendCsv(s.get(i), out);
      }
      out.append('\n');
    }
    return out;
  }

  @Override
  default StringBuilder appendJson(StringBuilder out, long from, long to) {
    ObjReadable<T> s = snapshot();
    long len = s.len();
    long start = StoredVec.clampFrom(from, len);
    long end = StoredVec.clampTo(from, to, len);
    out.append('[');
    for (long i = start; i < end; i++) {
      if (i > start) {
        out.append(',');
      }
      if (s.isHole(i)) {
        out.append("null");
      } else {
        codec().appendJson(s.get(i), out);
      }
    }
    return out.append(']');
  }
}
