package dev.vecdb.bench.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one engine's {@link Workload} in its own JVM (the same java binary and class path as this one, plus the
 * engine's flags), its output going to a log file beside its stores; the stores are deleted afterwards.
 */
final class ChildJvm {
  private ChildJvm() {}

  /** Runs {@code engine} and returns what it measured; a child that failed yields its error and log tail. */
  static Measurement run(Engine engine, PeersOptions options) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(Files.createDirectories(options.workDir()), "vecdb-peers-" + engine.id());
    Path log = dir.resolve("child.log");
    Path resultFile = dir.resolve("result.properties");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(engine.allJvmFlags());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Workload.class.getName(), engine.id(),
        Long.toString(options.n()), Integer.toString(options.repetitions()), Integer.toString(options.warmUpSeconds()),
        Integer.toString(options.threads()),
        dir.toString(), resultFile.toString()));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int status = child.waitFor();
    try {
      Measurement m = Files.exists(resultFile) ? Measurement.read(engine, resultFile) : new Measurement(engine);
      if (status != 0 && m.error == null) {
        m.error = "child JVM exited with " + status + ": " + tail(log);
      }
      return m;
    } finally {
      if (System.getProperty("vecdb.peers.keep") == null) {
        DiskUsage.delete(dir);
      }
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
  }
}
