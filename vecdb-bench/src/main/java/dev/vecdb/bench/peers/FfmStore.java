package dev.vecdb.bench.peers;

import dev.vecdb.bench.MappedLongs;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The physical limit: one file of little-endian {@code u64}s, sized with {@code ftruncate}, mapped {@code MAP_SHARED}
 * in a shared arena, written and read with plain {@link MemorySegment} accesses. Nothing vecdb adds (header, region
 * table, checksums, growth) is here.
 */
final class FfmStore implements PeerStore {
  private final Path file;
  private final Arena arena = Arena.ofShared();
  private FileChannel channel;
  private MemorySegment mapping;

  private FfmStore(Path file) {
    this.file = file;
  }

  static PeerStore open(Path dir, long capacity, boolean durableRun) throws IOException {
    FfmStore store = new FfmStore(dir.resolve("values.u64"));
    if (Files.exists(store.file)) {
      store.channel = FileChannel.open(store.file, StandardOpenOption.READ);
      store.mapping = store.channel.map(FileChannel.MapMode.READ_ONLY, 0, store.channel.size(), store.arena);
    }
    return store;
  }

  @Override
  public void append(long n) throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    channel.write(ByteBuffer.allocate(1), n * 8 - 1);
    mapping = channel.map(FileChannel.MapMode.READ_WRITE, 0, n * 8, arena);
    MemorySegment m = mapping;
    for (long i = 0; i < n; i++) {
      m.set(MappedLongs.LE, i * 8, i);
    }
  }

  @Override
  public void makeDurable() throws IOException {
    mapping.force();
    channel.force(false);
  }

  @Override
  public long count() {
    return mapping.byteSize() / 8;
  }

  @Override
  public long sum() {
    return MappedLongs.sum(mapping);
  }

  @Override
  public PointReader pointReader() {
    MemorySegment m = mapping;
    return (indices, from, to) -> MappedLongs.sumAt(m, indices, from, to);
  }

  @Override
  public void close() throws IOException {
    arena.close();
    if (channel != null) {
      channel.close();
    }
  }
}
