package dev.vecdb.spring;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.StoredVec;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.ClassUtils;

/**
 * A value type a vector is declared with in {@code vecdb.vectors.<name>.type}: which bean class the vector has and
 * how to open it. Immutable, thread-safe.
 */
public sealed interface VectorType permits NumericVectorType, FixedBytesVectorType, RecordVectorType {
  /** The type as written in the configuration, e.g. {@code i64}, {@code bytes32}, {@code record:com.acme.Candle}. */
  String label();

  /** The class of the vector bean. */
  Class<? extends StoredVec> beanClass();

  /** Whether the values are numbers (only numeric vectors can use the pco format). */
  boolean isNumeric();

  /**
   * Opens (creating if needed) vector {@code name} of this type.
   *
   * @throws UnsupportedOperationException if vecdb-core cannot store this type yet
   */
  StoredVec open(Database database, String name, VecOptions options);

  /**
   * Parses a configured type.
   *
   * @param text the configured value
   * @param classLoader where record classes are loaded from
   * @throws IllegalArgumentException with a message saying what is wrong, if the value is not a valid type
   */
  static VectorType parse(String text, ClassLoader classLoader) {
    String trimmed = text.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    for (NumberType number : NumberType.values()) {
      if (number.label().equals(lower)) {
        return new NumericVectorType(number);
      }
    }
    Matcher bytes = Pattern.compile("bytes\\[?(\\d{1,9})]?").matcher(lower);
    if (bytes.matches()) {
      return new FixedBytesVectorType(Integer.parseInt(bytes.group(1)));
    }
    if (lower.startsWith(RecordVectorType.PREFIX)) {
      String className = trimmed.substring(RecordVectorType.PREFIX.length()).trim();
      Class<?> type;
      try {
        type = ClassUtils.forName(className, classLoader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalArgumentException("record class '" + className + "' cannot be loaded (" + e + ")", e);
      }
      if (!type.isRecord()) {
        throw new IllegalArgumentException("'" + className + "' is not a record class");
      }
      return new RecordVectorType(type.asSubclass(Record.class));
    }
    throw new IllegalArgumentException("'" + text + "' is not a vecdb value type");
  }
}
