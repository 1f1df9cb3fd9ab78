package dev.vecdb.bench.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Sizes of a closed store's directory: logical (sum of file lengths) and allocated (what {@code du} reports). */
final class DiskUsage {
  private DiskUsage() {}

  static long logical(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      long total = 0;
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        total += Files.size(file);
      }
      return total;
    }
  }

  /** Allocated bytes (st_blocks × 512 summed, as {@code du -sB1}), or -1 where {@code du} is not available. */
  static long allocated(Path dir) {
    try {
      Process du = new ProcessBuilder("du", "-sB1", dir.toString()).redirectErrorStream(true).start();
      String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return du.waitFor() == 0 ? Long.parseLong(out.split("\\s+")[0]) : -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Deletes {@code dir} and everything in it. */
  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
