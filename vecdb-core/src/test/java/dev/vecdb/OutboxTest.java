package dev.vecdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.codec.NumberType;
import dev.vecdb.internal.StoreAccess;
import dev.vecdb.vec.LongVec;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox keeps every commit's payload, atomically with the commit, until it is acknowledged. */
class OutboxTest {
  private static final DatabaseOptions LOG = DatabaseOptions.DEFAULT.withCommitLog(true);

  @TempDir Path tmp;

  @Test
  void everyCommitIsOfferedUntilAcknowledgedAndSurvivesReopen() throws Exception {
    Path dir = tmp.resolve("db");
    try (Database db = Database.open(dir, LOG)) {
      for (int i = 0; i < 3; i++) {
        db.regions().createIfNeeded("r").append(new byte[] {(byte) i});
        db.flush();
      }
      assertThat(db.outbox().pending()).extracting(Commit::number).containsExactly(1L, 2L, 3L);
      db.outbox().acknowledge(1);
      assertThat(db.outbox().pending()).extracting(Commit::number).containsExactly(2L, 3L);
      assertThat(db.outbox().awaitAfter(2, Duration.ZERO)).map(Commit::number).contains(3L);
      assertThat(db.outbox().awaitAfter(3, Duration.ofMillis(20))).isEmpty();
    }
    try (Database db = Database.open(dir, LOG)) {
      // the acknowledgement was never committed: commit 1 is offered again
      assertThat(db.outbox().pending()).extracting(Commit::number).containsExactly(1L, 2L, 3L);
      db.outbox().acknowledge(2);
      db.regions().createIfNeeded("r").append(new byte[] {9});
      db.flush();
    }
    try (Database db = Database.open(dir, LOG)) {
      assertThat(db.outbox().acknowledged()).isEqualTo(2);
      assertThat(db.outbox().pending()).extracting(Commit::number).containsExactly(3L, 4L);
      db.outbox().acknowledge(Long.MAX_VALUE);
      assertThat(db.outbox().acknowledged()).as("no further than the last commit").isEqualTo(4);
      db.regions().createIfNeeded("r").append(new byte[] {10});
      db.flush();
    }
    try (Database db = Database.open(dir, LOG)) {
      assertThat(db.outbox().acknowledged()).isEqualTo(4);
      assertThat(db.outbox().pending()).extracting(Commit::number).containsExactly(5L);
    }
  }

  @Test
  void awaitAfterWakesUpOnTheNextCommit() throws Exception {
    try (Database db = Database.open(tmp.resolve("db"), LOG)) {
      Thread committer = Thread.ofPlatform().start(() -> {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        db.regions().createIfNeeded("r").append(new byte[] {1});
        db.flush();
      });
      Optional<Commit> next = db.outbox().awaitAfter(0, Duration.ofSeconds(30));
      committer.join();
      assertThat(next).map(Commit::number).contains(1L);
    }
  }

  @Test
  void withoutCommitLogThereIsNoOutboxUntilItIsTurnedOn() {
    Path dir = tmp.resolve("db");
    try (Database db = Database.open(dir)) {
      db.regions().createIfNeeded("r").append(new byte[] {1});
      db.flush();
      assertThatThrownBy(db::outbox).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("withCommitLog(true)");
      assertThat(StoreAccess.get().outbox(db.regions())).isNull();
    }
    // turned on later: the outbox starts empty and records from the next commit on
    try (Database db = Database.open(dir, LOG)) {
      assertThat(db.outbox().pending()).isEmpty();
      db.regions().createIfNeeded("r").append(new byte[] {2});
      db.flush();
      assertThat(db.outbox().pending()).extracting(Commit::number).containsExactly(2L);
    }
    assertThatThrownBy(() -> Database.open(dir, LOG.withReadOnly(true))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void replicaSkipsAppliedCommitsRefusesGapsAndCorruptPayloads() {
    Path leaderDir = tmp.resolve("leader");
    List<Commit> commits;
    try (Database db = Database.open(leaderDir, LOG)) {
      for (int i = 0; i < 3; i++) {
        db.regions().createIfNeeded("r").append(new byte[] {(byte) i});
        db.flush();
      }
      commits = db.outbox().pending();
    }
    try (Replica replica = Replica.open(tmp.resolve("follower"))) {
      assertThatThrownBy(() -> replica.apply(commits.get(1)))
          .isInstanceOfSatisfying(CommitGapException.class, e -> {
            assertThat(e.expected()).isEqualTo(1);
            assertThat(e.found()).isEqualTo(2);
          });
      ByteBuffer damaged = ByteBuffer.allocate(commits.get(0).size()).put(commits.get(0).payload()).flip();
      damaged.put(1, (byte) (damaged.get(1) ^ 1));
      assertThatThrownBy(() -> replica.apply(Commit.of(1, 0, damaged))).isInstanceOf(CorruptionException.class)
          .hasMessageContaining("checksum");
      assertThat(replica.database().commitNumber()).isZero();
      assertThat(replica.apply(commits.get(0))).isTrue();
      assertThat(replica.apply(commits.get(0))).isFalse();
      assertThatThrownBy(() -> replica.apply(Commit.of(2, 0, commits.get(0).payload())))
          .isInstanceOf(CorruptionException.class).hasMessageContaining("not of commit 2");
      assertThat(replica.apply(commits.get(1))).isTrue();
      assertThat(replica.database().commitNumber()).isEqualTo(2);
    }
  }

  @Test
  void aPromotedFollowerContinuesTheNumberingForTheOtherFollowers() {
    List<Commit> commits;
    try (Database leader = Database.open(tmp.resolve("leader"), LOG)) {
      LongVec vec = leader.longVec("v", NumberType.I64, VecOptions.of(Format.LZ4).withSavedStampedChanges(2));
      for (int c = 1; c <= 3; c++) {
        vec.push(c);
        vec.stampedWriteWithChanges(c);
        leader.flush();
      }
      commits = leader.outbox().pending();
    }
    try (Replica a = Replica.open(tmp.resolve("a")); Replica b = Replica.open(tmp.resolve("b"))) {
      for (Commit c : commits) {
        a.apply(c);
        b.apply(c);
      }
    }
    Commit next;
    try (Database promoted = Database.open(tmp.resolve("a"), LOG)) {
      LongVec vec = promoted.longVec("v", NumberType.I64, VecOptions.of(Format.LZ4).withSavedStampedChanges(2));
      vec.rollback();
      vec.push(40);
      vec.stampedWriteWithChanges(4);
      promoted.flush();
      assertThat(promoted.outbox().pending()).extracting(Commit::number).containsExactly(4L);
      next = promoted.outbox().pending().getFirst();
    }
    try (Database promoted = Database.open(tmp.resolve("a"));
        Replica b = Replica.open(tmp.resolve("b"))) {
      assertThat(b.apply(next)).isTrue();
      CommitLogModelTest.assertSameRegions(promoted, b.database());
    }
  }
}
