package dev.vecdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongReadable;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A follower's application reads through the vector instance it holds while the applier applies commits: every
 * state a reader takes is a state the leader's readers could take (never a torn mix of two writes); and commits
 * that fail their checks change nothing at all.
 */
class CommitLogReadersTest {
  private static final DatabaseOptions LOG = DatabaseOptions.DEFAULT.withCommitLog(true);

  @TempDir Path tmp;

  /** A hash of a reader's state: its length, its holes and its values. */
  private static long hash(LongReadable state) {
    long h = state.len();
    for (long i = 0; i < state.len(); i++) {
      h = h * 1_000_003 + (state.isHole(i) ? -7 : state.get(i));
    }
    return h;
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "LZ4", "PCO"})
  void readersOnTheFollowerSeeOnlyStatesTheLeaderPublished(Format format) throws Exception {
    Set<Long> leaderStates = ConcurrentHashMap.newKeySet();
    List<Commit> commits = new ArrayList<>();
    Random random = new Random(format.ordinal());
    try (Database db = Database.open(tmp.resolve("leader"), LOG)) {
      LongVec vec = db.longVec("seq", NumberType.I64, VecOptions.of(format).withSavedStampedChanges(2));
      LongReader leaderReader = vec.reader();
      leaderStates.add(hash(leaderReader.snapshot()));
      for (int c = 1; c <= 100; c++) {
        for (int i = 0; i < 1 + random.nextInt(2000); i++) {
          vec.push(c * 1_000_000L + i);
        }
        if (vec.storedLen() > 10 && random.nextInt(3) == 0) {
          vec.truncate(vec.storedLen() - 1 - random.nextInt(10));
          leaderStates.add(hash(leaderReader.snapshot()));
        }
        for (int u = 0; u < 5 && vec.storedLen() > 0; u++) {
          long index = random.nextLong(vec.storedLen());
          if (random.nextBoolean()) {
            vec.update(index, -c);
          } else {
            vec.delete(index);
          }
        }
        vec.stampedWriteWithChanges(c);
        leaderStates.add(hash(leaderReader.snapshot()));
        if (c % 10 == 0) {
          vec.rollback();
          leaderStates.add(hash(leaderReader.snapshot()));
          vec.write();
          leaderStates.add(hash(leaderReader.snapshot()));
        }
        db.flush();
        commits.add(db.outbox().pending().getLast());
        db.outbox().acknowledge(c);
      }
    }
    try (Replica follower = Replica.open(tmp.resolve("follower"))) {
      follower.apply(commits.getFirst());
      LongVec held = follower.database().longVec("seq", NumberType.I64, VecOptions.of(format));
      LongReader reader = held.reader();
      AtomicBoolean done = new AtomicBoolean();
      AtomicLong checked = new AtomicLong();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      List<Thread> readers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        readers.add(Thread.ofPlatform().start(() -> {
          try {
            while (!done.get()) {
              long h = hash(reader.snapshot());
              if (!leaderStates.contains(h)) {
                throw new AssertionError("a follower reader saw a state the leader never published");
              }
              checked.incrementAndGet();
            }
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          }
        }));
      }
      for (Commit c : commits.subList(1, commits.size())) {
        assertThat(follower.apply(c)).isTrue();
      }
      done.set(true);
      for (Thread t : readers) {
        t.join();
      }
      assertThat(failure.get()).isNull();
      assertThat(checked.get()).isPositive();
      assertThat(leaderStates).contains(hash(reader.snapshot()));
    }
  }

  @Test
  void aCommitThatDoesNotFitTheFollowerChangesNothing() {
    List<Commit> commits = new ArrayList<>();
    try (Database db = Database.open(tmp.resolve("leader"), LOG)) {
      LongVec a = db.longVec("a", NumberType.I64, VecOptions.DEFAULT);
      a.push(1);
      a.write();
      LongVec b = db.longVec("b", NumberType.I64, VecOptions.DEFAULT);
      b.push(2);
      b.write();
      db.flush();
      commits.addAll(db.outbox().pending());
    }
    byte[] payload = bytes(commits.getFirst());
    // rename the last record's vector "b" to "c", which does not exist, and fix the checksum
    int at = lastNameAt(payload, 'b');
    payload[at] = 'c';
    Commit renamed = Commit.of(1, 0, ByteBuffer.wrap(withCrc(payload)));
    // cut the last record short, and fix the checksum
    byte[] cut = bytes(commits.getFirst());
    byte[] shorter = new byte[cut.length - 3];
    System.arraycopy(cut, 0, shorter, 0, shorter.length - 4);
    Commit truncated = Commit.of(1, 0, ByteBuffer.wrap(withCrc(shorter)));
    try (Replica follower = Replica.open(tmp.resolve("follower"))) {
      assertThatThrownBy(() -> follower.apply(renamed)).isInstanceOf(CorruptionException.class)
          .hasMessageContaining("vector 'c'").hasMessageContaining("nothing was applied");
      assertThatThrownBy(() -> follower.apply(truncated)).isInstanceOf(CorruptionException.class)
          .hasMessageContaining("damaged at offset");
      assertThat(follower.database().regions().ids()).isEmpty();
      assertThat(follower.database().commitNumber()).isZero();
      assertThat(follower.apply(commits.getFirst())).isTrue();
      assertThat(follower.database().regions().ids()).contains("a", "b");
    }
  }

  private static byte[] bytes(Commit commit) {
    byte[] out = new byte[commit.size()];
    commit.payload().get(out);
    return out;
  }

  /** Where the last one-letter name {@code letter} (its length byte 1, then the letter) is in {@code bytes}. */
  private static int lastNameAt(byte[] bytes, char letter) {
    for (int i = bytes.length - 1; i > 0; i--) {
      if (bytes[i] == letter && bytes[i - 1] == 1) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  /** {@code payload} with its last four bytes set to the CRC32C of the others. */
  private static byte[] withCrc(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload, 0, payload.length - 4);
    ByteBuffer.wrap(payload).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(payload.length - 4, (int) crc.getValue());
    return payload;
  }
}
