package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.OutOfRangeException;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * One seeded random run of a real {@link LongVec} against a {@link LongModel}: push, checked push, update (stored,
 * pushed, holes, out of range), delete (also out of range), take, truncate, clear, reset, fillFirstHoleOrPush,
 * write, stamped write, stamped write with changes, rollback, flush, close and reopen (with and without flushing),
 * in random order. After every step the vector and an open reader are compared with the model, and the step's
 * outcome is added to a {@link #trace()}; a failure names the seed, the step and the last operations.
 *
 * <p>{@link Reopens} says what a reopen step does: close (with or without flushing, losing what was not flushed)
 * and reopen; or write, flush, close and reopen; or only write and flush. The last two apply the same operations to
 * the same values, so their traces must be equal.
 */
final class LongModelRun {
  /** What a reopen step does. */
  enum Reopens {
    /** Close without flushing, or flush and close; then reopen: unflushed changes are lost. */
    LOSING,
    /** Write, flush, close and reopen: nothing is lost. */
    AFTER_FLUSH,
    /** Write and flush only. */
    NONE
  }

  private static final String NAME = "model";
  private static final int BIG = 15_000;
  private static final int KEPT = 3;

  private final Path dir;
  private final Format format;
  private final NumberType type;
  private final long seed;
  private final SplittableRandom random;
  private final LongModel model;
  private final LongReadableCheck check;
  private final ArrayDeque<String> recent = new ArrayDeque<>();
  private final Reopens reopens;
  private final java.util.List<String> trace = new java.util.ArrayList<>();
  private Database db;
  private LongVec vec;
  private LongReader reader;

  LongModelRun(Path dir, Format format, NumberType type, long seed) {
    this(dir, format, type, seed, Reopens.LOSING);
  }

  LongModelRun(Path dir, Format format, NumberType type, long seed, Reopens reopens) {
    this.reopens = reopens;
    this.dir = dir;
    this.format = format;
    this.type = type;
    this.seed = seed;
    this.random = new SplittableRandom(seed);
    this.model = new LongModel(type, KEPT);
    this.check = new LongReadableCheck(random.split());
  }

  /** Runs {@code steps} random operations, verifying after each. */
  void run(int steps) {
    int step = 0;
    open();
    try {
      for (; step < steps; step++) {
        String op = step();
        recent.addLast(op);
        if (recent.size() > 12) {
          recent.removeFirst();
        }
        verify(step % 64 == 0 || op.startsWith("reopen"));
        trace.add(op + " => " + fingerprint());
      }
    } catch (Throwable failure) {
      throw new AssertionError("seed " + seed + " (" + format + ", " + type + ") failed at step " + step
          + "; last operations: " + recent, failure);
    } finally {
      closeQuietly();
    }
  }

  private String step() {
    long len = model.len();
    int r = random.nextInt(100);
    if (r < 25) {
      int n = r < 22 ? random.nextInt(1, 6) : len > BIG ? 1 : random.nextInt(200, 4_000);
      for (int k = 0; k < n; k++) {
        long v = value();
        vec.push(v);
        model.push(v);
      }
      return "push " + n;
    } else if (r < 30) {
      return checkedPush(len);
    } else if (r < 43) {
      if (len == 0) {
        return "update of an empty vector skipped";
      }
      long i = index();
      long v = value();
      vec.update(i, v);
      model.update(i, v);
      return "update " + i;
    } else if (r < 45) {
      long i = random.nextBoolean() ? len : -1 - random.nextInt(3);
      assertThatThrownBy(() -> vec.update(i, 1)).isInstanceOf(OutOfRangeException.class)
          .hasMessageContaining("'" + NAME + "'").hasMessageContaining("index " + i)
          .hasMessageContaining("length is " + len);
      return "update out of range " + i;
    } else if (r < 53) {
      if (random.nextInt(8) == 0 || len == 0) {
        long i = random.nextBoolean() ? len + random.nextInt(3) : -1 - random.nextInt(3);
        assertThatThrownBy(() -> vec.delete(i)).isInstanceOf(OutOfRangeException.class)
            .hasMessageContaining("'" + NAME + "'").hasMessageContaining("index " + i)
            .hasMessageContaining("length is " + len);
        return "delete out of range " + i;
      }
      long i = index();
      vec.delete(i);
      model.delete(i);
      return "delete " + i;
    } else if (r < 58) {
      long i = random.nextInt(8) == 0 ? len : index();
      assertThat(vec.take(i)).as("take(%d)", i).isEqualTo(model.take(i));
      return "take " + i;
    } else if (r < 62) {
      return truncate(len);
    } else if (r < 63) {
      vec.clear();
      model.truncate(0);
      return "clear";
    } else if (r < 64) {
      vec.reset();
      model.reset();
      return "reset";
    } else if (r < 70) {
      long v = value();
      long expected = model.fillFirstHoleOrPush(v);
      assertThat(vec.fillFirstHoleOrPush(v)).as("fillFirstHoleOrPush").isEqualTo(expected);
      return "fillFirstHoleOrPush -> " + expected;
    } else if (r < 82) {
      write(model.stamp(), vec::write);
      return "write";
    } else if (r < 84) {
      long stamp = model.stamp() + random.nextInt(1, 4);
      write(stamp, () -> vec.stampedWrite(stamp));
      return "stampedWrite " + stamp;
    } else if (r < 87) {
      long stamp = Math.max(0, model.stamp() + random.nextInt(-1, 3));
      Optional<Boolean> expected = model.stampedWriteWithChanges(stamp);
      boolean changed = vec.stampedWriteWithChanges(stamp);
      expected.ifPresent(e -> assertThat(changed).as("stampedWriteWithChanges reports a change").isEqualTo(e));
      return "stampedWriteWithChanges " + stamp;
    } else if (r < 89) {
      return rollback();
    } else if (r < 93) {
      return flush();
    } else if (r < 95) {
      if (reopens != Reopens.LOSING) {
        return writeFlushAndReopen();
      }
      reopen();
      return "reopen without flush";
    } else if (r < 96) {
      if (reopens != Reopens.LOSING) {
        return writeFlushAndReopen();
      }
      db.flushAndClose();
      model.flush();
      reopen();
      return "reopen after flushAndClose";
    }
    return newReader();
  }

  /** The trace of the run: each step's operation and what the vector showed after it. */
  java.util.List<String> trace() {
    return trace;
  }

  private String rollback() {
    java.util.OptionalLong expected = model.rollback();
    if (expected.isEmpty()) {
      assertThatThrownBy(vec::rollback).isInstanceOf(dev.vecdb.NotFoundException.class)
          .hasMessageContaining("'" + NAME + "'");
      return "rollback without a change set";
    }
    assertThat(vec.rollback()).as("stamp reached by rollback").isEqualTo(expected.getAsLong());
    return "rollback -> " + expected.getAsLong();
  }

  private String writeFlushAndReopen() {
    write(model.stamp(), vec::write);
    db.flush();
    model.flush();
    if (reopens == Reopens.NONE) {
      return "write and flush";
    }
    reopen();
    return "reopen after write and flush";
  }

  /** Length, stored length, stamp, change stamps, holes and a hash of every value. */
  private String fingerprint() {
    java.util.OptionalLong[] values = vec.collectHoled(0, vec.len());
    return "len " + vec.len() + " stored " + vec.storedLen() + " stamp " + vec.stamp() + " sets "
        + vec.changeStamps() + " holes " + vec.holeCount() + " values " + java.util.Arrays.hashCode(values);
  }

  private String checkedPush(long len) {
    long v = value();
    if (random.nextInt(5) == 0) {
      long wrong = random.nextBoolean() ? len + 1 : len - 1;
      assertThatThrownBy(() -> vec.checkedPush(wrong, v)).isInstanceOf(OutOfRangeException.class)
          .hasMessageContaining("'" + NAME + "'").hasMessageContaining("index " + wrong)
          .hasMessageContaining("next index is " + len);
      return "checkedPush at wrong index " + wrong;
    }
    vec.checkedPush(len, v);
    model.push(v);
    return "checkedPush " + len;
  }

  private String truncate(long len) {
    if (random.nextInt(10) == 0) {
      assertThatThrownBy(() -> vec.truncate(-1)).isInstanceOf(OutOfRangeException.class)
          .hasMessageContaining("'" + NAME + "'");
      return "truncate to -1";
    }
    long to = random.nextBoolean() ? Math.max(0, len - random.nextInt(1, 20)) : random.nextLong(0, len + 2);
    vec.truncate(to);
    model.truncate(to);
    return "truncate " + to;
  }

  /** Writes with {@code action} ({@code write}, {@code stampedWrite} or {@code flush}) and checks what it reports. */
  private void write(long stamp, BooleanSupplier action) {
    Optional<Boolean> expected = model.write(stamp);
    boolean changed = action.getAsBoolean();
    expected.ifPresent(e -> assertThat(changed).as("write() reports a change").isEqualTo(e));
    if (random.nextInt(4) == 0) {
      try (LongReader fresh = vec.reader()) {
        check.verify(fresh, model.readerExpectation(), false);
      }
    }
  }

  private String flush() {
    if (random.nextBoolean()) {
      write(model.stamp(), vec::flush);
      model.flush();
      return "vec.flush";
    }
    db.flush();
    model.flush();
    return "db.flush";
  }

  private String newReader() {
    assertThat(db.longVec(NAME, type, options())).as("a second open returns the same vector")
        .isSameAs(vec);
    reader.close();
    reader = vec.reader();
    return "new reader";
  }

  private void verify(boolean full) {
    assertThat(vec.len()).as("len").isEqualTo(model.len());
    assertThat(vec.storedLen()).as("storedLen").isEqualTo(model.storedLen());
    assertThat(vec.pushedLen()).as("pushedLen").isEqualTo(model.len() - model.storedLen());
    assertThat(vec.isEmpty()).as("isEmpty").isEqualTo(model.len() == 0);
    assertThat(vec.holes()).as("holes").isEqualTo(model.holes());
    assertThat(vec.holeCount()).as("holeCount").isEqualTo(model.holes().length);
    assertThat(vec.firstEmptyIndex()).as("firstEmptyIndex").isEqualTo(model.firstEmptyIndex());
    assertThat(vec.stamp()).as("stamp").isEqualTo(model.stamp());
    assertThat(vec.changeStamps()).as("change stamps").isEqualTo(model.changeStamps());
    check.verify(vec, model.expectation(), full, model.storedLen(), model.firstEmptyIndex());
    LongExpectation written = model.readerExpectation();
    check.verify(reader, written, full, written.len());
    if (full && format.isRaw()) {
      verifyStoredValues(written);
    }
  }

  /** The raw bytes of the written values, in the format's byte order. */
  private void verifyStoredValues(LongExpectation written) {
    MemorySegment bytes = vec.storedValues();
    ByteOrder order = format == Format.ZERO_COPY ? ByteOrder.nativeOrder() : ByteOrder.LITTLE_ENDIAN;
    ValueLayout.OfLong layout = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(order);
    assertThat(bytes.byteSize()).isEqualTo(written.len() * Long.BYTES);
    for (long i = 0; i < written.len(); i++) {
      if (!written.isHole(i)) {
        assertThat(bytes.getAtIndex(layout, i)).as("stored bytes of index %d", i).isEqualTo(written.value(i));
      }
    }
  }

  /** A random value, often an extreme of the type. */
  private long value() {
    return switch (random.nextInt(6)) {
      case 0 -> Long.MIN_VALUE + random.nextInt(3);
      case 1 -> Long.MAX_VALUE - random.nextInt(3);
      case 2 -> -random.nextInt(100);
      default -> random.nextLong();
    };
  }

  /** A random index in {@code [0, len())}, often at the stored/pushed boundary or at a hole. */
  private long index() {
    long len = model.len();
    if (len == 0) {
      return 0;
    }
    long[] holes = model.holes();
    return switch (random.nextInt(4)) {
      case 0 -> Math.clamp(model.storedLen() - 1 + random.nextInt(3), 0, len - 1);
      case 1 -> holes.length > 0 ? holes[random.nextInt(holes.length)] : random.nextLong(len);
      default -> random.nextLong(len);
    };
  }

  private VecOptions options() {
    return VecOptions.of(format).withSavedStampedChanges(KEPT);
  }

  private void open() {
    db = Database.open(dir);
    vec = db.longVec(NAME, type, options());
    reader = vec.reader();
  }

  private void reopen() {
    reader.close();
    db.close();
    model.reopen();
    open();
  }

  private void closeQuietly() {
    if (reader != null) {
      reader.close();
    }
    if (db != null) {
      db.close();
    }
  }
}
