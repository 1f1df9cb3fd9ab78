package dev.vecdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The wire form of commits without a broker: headers, splitting into parts and putting them back together. */
class TransportTest {
  private static final String TOPIC = "db-commits";

  @Test
  void headersRoundTripAndBadOnesAreNamed() {
    PartHeader header = new PartHeader(Long.MAX_VALUE - 1, 2, 3, 1_765_000_000_123L, 5_000_000, 0xCAFEBABE);
    RecordHeaders headers = new RecordHeaders();
    header.write(headers);
    assertThat(PartHeader.read(headers, "here")).isEqualTo(header);
    assertThat(header.isLast()).isTrue();

    RecordHeaders missing = new RecordHeaders();
    header.write(missing);
    missing.remove(PartHeader.SIZE);
    assertThatThrownBy(() -> PartHeader.read(missing, "topic t partition 0 offset 7"))
        .isInstanceOf(ReplicationException.class)
        .hasMessage("the record at topic t partition 0 offset 7 is not a vecdb commit part: header vecdb.size is"
            + " missing");

    RecordHeaders shortValue = new RecordHeaders();
    header.write(shortValue);
    shortValue.remove(PartHeader.COMMIT);
    shortValue.add(PartHeader.COMMIT, new byte[4]);
    assertThatThrownBy(() -> PartHeader.read(shortValue, "x")).isInstanceOf(ReplicationException.class)
        .hasMessageContaining("header vecdb.commit has 4 bytes instead of 8");

    RecordHeaders outOfRange = new RecordHeaders();
    new PartHeader(9, 0, 1, 0, 0, 0).write(outOfRange);
    outOfRange.remove(PartHeader.PART);
    outOfRange.add(PartHeader.PART, ByteBuffer.allocate(4).putInt(0, 1).array());
    assertThatThrownBy(() -> PartHeader.read(outOfRange, "x")).isInstanceOf(ReplicationException.class)
        .hasMessageContaining("part 1 of 1 of commit 9");
  }

  @Test
  void commitsOfEverySizeComeBackWholeFromTheirParts() {
    SplittableRandom random = new SplittableRandom(17);
    CommitSplitter splitter = new CommitSplitter(TOPIC, 1000);
    CommitAssembler assembler = new CommitAssembler(TOPIC);
    long offset = 0;
    int[] sizes = {0, 1, 999, 1000, 1001, 1999, 2000, 2001, 25_017};
    for (int i = 0; i < sizes.length; i++) {
      byte[] payload = new byte[sizes[i]];
      random.nextBytes(payload);
      ByteBuffer buffer = ByteBuffer.allocate(payload.length + 10).position(5);
      buffer.put(payload).flip().position(5);
      List<ProducerRecord<byte[], byte[]>> records = splitter.split(new ShippedCommit(i + 1, 1000L * i, buffer));
      assertThat(buffer.position()).as("the payload is left as it was").isEqualTo(5);
      assertThat(records).hasSize(Math.max(1, (sizes[i] + 999) / 1000));
      ShippedCommit commit = null;
      for (ProducerRecord<byte[], byte[]> record : records) {
        assertThat(record.value().length).isLessThanOrEqualTo(1000);
        assertThat(record.partition()).isZero();
        assertThat(commit).as("complete only at the last part").isNull();
        commit = assembler.add(offset++, PartHeader.read(record.headers(), "r"), record.value());
      }
      assertThat(commit).isNotNull();
      assertThat(commit.number()).isEqualTo(i + 1);
      assertThat(commit.committedAtMillis()).isEqualTo(1000L * i);
      byte[] back = new byte[commit.payload().remaining()];
      commit.payload().get(back);
      assertThat(back).isEqualTo(payload);
      assertThat(commit.payload().isReadOnly()).isTrue();
    }
  }

  @Test
  void partsThatDoNotFollowEachOtherFailNamingTheRecord() {
    CommitSplitter splitter = new CommitSplitter(TOPIC, 10);
    List<ProducerRecord<byte[], byte[]>> three = splitter.split(commit(5, 25));
    List<ProducerRecord<byte[], byte[]>> next = splitter.split(commit(6, 5));

    CommitAssembler assembler = new CommitAssembler(TOPIC);
    assertThatThrownBy(() -> add(assembler, 40, three.get(1))).isInstanceOf(ReplicationException.class)
        .hasMessage("topic db-commits partition 0 offset 40 holds part 1 of 3 of commit 5: expected the first part of a"
            + " commit");
    add(assembler, 41, three.get(0));
    assertThatThrownBy(() -> add(assembler, 42, three.get(2))).isInstanceOf(ReplicationException.class)
        .hasMessageEndingWith("offset 42 holds part 2 of 3 of commit 5: expected part 1 of 3 of commit 5");

    add(assembler, 43, three.get(0));
    assertThatThrownBy(() -> add(assembler, 44, next.get(0))).as("a new commit before the last part")
        .hasMessageEndingWith("holds part 0 of 1 of commit 6: expected part 1 of 3 of commit 5");

    add(assembler, 45, three.get(0));
    assertThat(add(assembler, 46, three.get(1))).isNull();
    assembler.reset();
    assertThat(add(assembler, 47, next.get(0)).number()).as("after a reset a new commit starts").isEqualTo(6);
  }

  @Test
  void aDamagedPayloadOrWrongSizeFailsTheChecksum() {
    CommitSplitter splitter = new CommitSplitter(TOPIC, 8);
    List<ProducerRecord<byte[], byte[]>> records = splitter.split(commit(3, 12));
    records.get(1).value()[2] ^= 1;
    CommitAssembler assembler = new CommitAssembler(TOPIC);
    add(assembler, 0, records.get(0));
    assertThatThrownBy(() -> add(assembler, 1, records.get(1))).isInstanceOf(ReplicationException.class)
        .hasMessageContaining("offset 1 holds part 1 of 2 of commit 3: the reassembled payload's CRC-32C is");

    List<ProducerRecord<byte[], byte[]>> lying = new ArrayList<>(splitter.split(commit(4, 12)));
    lying.set(1, new ProducerRecord<>(TOPIC, 0, (byte[]) null, new byte[2], lying.get(1).headers()));
    add(assembler, 2, lying.get(0));
    assertThatThrownBy(() -> add(assembler, 3, lying.get(1)))
        .hasMessageEndingWith("its parts hold 10 of the commit's 12 bytes");
    lying.set(1, new ProducerRecord<>(TOPIC, 0, (byte[]) null, new byte[5], lying.get(1).headers()));
    add(assembler, 4, lying.get(0));
    assertThatThrownBy(() -> add(assembler, 5, lying.get(1)))
        .hasMessageEndingWith("its parts hold more than the commit's 12 bytes");
  }

  /** Commit {@code number} with a payload of {@code size} zero bytes. */
  private static ShippedCommit commit(long number, int size) {
    return new ShippedCommit(number, 0, ByteBuffer.wrap(new byte[size]));
  }

  private static ShippedCommit add(CommitAssembler assembler, long offset, ProducerRecord<byte[], byte[]> record) {
    return assembler.add(offset, PartHeader.read(record.headers(), "r"), record.value());
  }
}
