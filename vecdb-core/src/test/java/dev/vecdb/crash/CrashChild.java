package dev.vecdb.crash;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The child JVM of the crash harness: opens the database, prints {@code READY}, then runs the workload until it is
 * killed, recording every stamped flush durably in a log: {@code B <stamp>} before it starts, {@code D <stamp>}
 * once it completed.
 */
public final class CrashChild {
  private CrashChild() {}

  /**
   * @param args database directory, log file, seed
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    long seed = Long.parseLong(args[2]);
    try (FileChannel log = FileChannel.open(Path.of(args[1]), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        RealTarget target = new RealTarget(dir)) {
      System.out.println("READY");
      System.out.flush();
      new Workload(seed).run(target, -1, new Workload.FlushListener() {
        @Override
        public void flushing(long stamp) {
          record(log, "B " + stamp);
        }

        @Override
        public void flushed(long stamp) {
          record(log, "D " + stamp);
        }
      });
    }
  }

  private static void record(FileChannel log, String line) {
    try {
      log.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII)));
      log.force(false);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the flush log", e);
    }
  }
}
