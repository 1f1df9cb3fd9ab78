package dev.vecdb.vec;

import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import java.lang.foreign.MemorySegment;

/**
 * The record of a vector's creation (also its re-creation after a reset on mismatch): its name, its fresh header
 * (format, value type code, value size, layout signature, version: everything that defines the vector's stored
 * form) and, for ZSTD, the compression level it was created with. A follower removes whatever it holds under that
 * name and creates the vector the same way.
 *
 * <p>Body, after the type byte and the name: {@code 64-byte header, varint compression level}.
 */
record CreateRecord(String name, Header header, int compressionLevel) implements ChangeRecord {
  static final int TYPE = 1;

  /** Records the creation of vector {@code name} with {@code fresh} as its header, when {@code recorder} is on. */
  static void record(CommitRecorder recorder, String name, Header fresh, VecOptions options) {
    if (recorder == null) {
      return;
    }
    RecordOutput out = new RecordOutput(80 + name.length() * 3);
    out.writeByte(TYPE);
    out.writeString(name);
    MemorySegment header = fresh.encode();
    out.writeBytes(header, 0, header.byteSize());
    out.writeVarLong(options.format() == Format.ZSTD ? options.compressionLevel() : 0);
    recorder.append(out);
  }

  static CreateRecord decode(String name, RecordInput in) {
    Header header = Header.decode(in.readBytes(Header.SIZE), name);
    if (Format.ofCode(header.formatCode) == null) {
      throw in.corrupt("vector '" + name + "': unknown format code " + header.formatCode);
    }
    return new CreateRecord(name, header, (int) in.readCount(22, "compression level"));
  }

  @Override
  public void applyTo(CommitApplier.Target target) {
    target.create(name, header, compressionLevel);
  }
}
