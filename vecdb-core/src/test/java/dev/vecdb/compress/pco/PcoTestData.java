package dev.vecdb.compress.pco;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Locates {@code ../shared/testdata/pco} beside the repository root and reads its files. */
final class PcoTestData {
  private PcoTestData() {}

  /** The test data directory, or skips the calling test with a clear message when it is absent. */
  static Path dir() {
    Path cwd = Path.of("").toAbsolutePath();
    Path root = cwd;
    while (root != null && !Files.exists(root.resolve("mvnw"))) {
      root = root.getParent();
    }
    Path data = root == null ? null : root.resolveSibling("shared").resolve("testdata").resolve("pco");
    assumeTrue(
        data != null && Files.isDirectory(data),
        "../shared/testdata/pco not found: looked beside the repository root above " + cwd + " (" + data + ")");
    return data;
  }

  static List<Path> list(String sub, String ext) {
    try (Stream<Path> s = Files.list(dir().resolve(sub))) {
      return s.filter(p -> p.getFileName().toString().endsWith(ext)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The number type named by a token of the file name (e.g. {@code intmult_u32.pco}). */
  static PcoNumberType typeOf(Path p) {
    String name = p.getFileName().toString();
    name = name.substring(0, name.indexOf('.'));
    for (String token : name.split("_")) {
      for (PcoNumberType t : PcoNumberType.values()) {
        if (token.equals(t.name().toLowerCase(Locale.ROOT))) {
          return t;
        }
      }
    }
    throw new IllegalArgumentException("no number type in " + name);
  }

  /** Expected values of a {@code .txt} file as raw bits masked to the type width. */
  static long[] expected(Path txt, PcoNumberType type) {
    try {
      return Files.readAllLines(txt).stream()
          .filter(l -> !l.isBlank())
          .mapToLong(l -> parse(l.trim(), type))
          .toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long parse(String s, PcoNumberType type) {
    long v = type.isFloat() ? Long.parseUnsignedLong(s, 16)
        : s.startsWith("-") ? Long.parseLong(s) : Long.parseUnsignedLong(s);
    return v & Latents.mask(type.bits());
  }

  /** Allocates an array of the type's array class. */
  static Object newArray(PcoNumberType type, int n) {
    return java.lang.reflect.Array.newInstance(type.arrayType().getComponentType(), n);
  }

  /** Raw bits of the first {@code n} values of a typed array, masked to the type width. */
  static long[] bits(PcoNumberType type, Object array, int n) {
    long[] out = new long[n];
    ArrayIo.load(type, array, 0, n, out);
    return out;
  }
}
