package dev.vecdb.spring.autoconfigure;

import dev.vecdb.spring.VecdbConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prepares the directory of {@code vecdb.path} before the database opens in it: creates it if missing and checks
 * that it is a writable directory, so a bad path stops startup with a message naming the property. Stateless.
 */
final class DatabaseDirectory {
  private DatabaseDirectory() {}

  /**
   * Returns the absolute, created, writable directory {@code path}.
   *
   * @throws VecdbConfigurationException if it cannot be created or is not a writable directory
   */
  static Path prepare(Path path) {
    Path directory = path.toAbsolutePath().normalize();
    String action = "Set vecdb.path to a directory the application may create and write to.";
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new VecdbConfigurationException("vecdb.path", directory + " exists and is not a directory", action);
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException | SecurityException e) {
      throw new VecdbConfigurationException("vecdb.path", "cannot create " + directory + " (" + e + ")", action, e);
    }
    if (!Files.isWritable(directory)) {
      throw new VecdbConfigurationException("vecdb.path", directory + " is not writable", action);
    }
    return directory;
  }
}
