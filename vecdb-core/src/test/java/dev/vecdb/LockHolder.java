package dev.vecdb;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Child-process side of {@link LockTest}: opens the database named by the first argument and prints
 * {@code locked}, then holds it until its standard input ends; prints {@code refused <message>} if the open fails.
 */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws IOException {
    Database db;
    try {
      db = Database.open(Path.of(args[0]));
    } catch (DatabaseLockedException e) {
      System.out.println("refused " + e.getMessage());
      return;
    }
    try (db) {
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the database until the parent closes our stdin or kills us
      }
    }
  }
}
