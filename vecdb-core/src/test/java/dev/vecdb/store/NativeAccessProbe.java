package dev.vecdb.store;

import java.nio.file.Path;

/**
 * Child-process side of {@link WithoutNativeAccessTest}: runs a compaction in the database named by the first
 * argument and prints what it reports.
 */
public final class NativeAccessProbe {
  private NativeAccessProbe() {}

  public static void main(String[] args) {
    try (RegionStore store = RegionStore.open(Path.of(args[0]))) {
      Region a = store.createIfNeeded("a");
      a.append(new byte[8000]);
      a.truncate(10);
      CompactionReport report = store.compact();
      System.out.println("punched=" + report.punched() + " unused=" + report.unusedBytes() + " allocated="
          + store.diskUsage().allocatedBytes());
    }
  }
}
