package dev.vecdb.store;

import dev.vecdb.InvalidNameException;
import dev.vecdb.internal.Exceptions;
import java.nio.charset.StandardCharsets;

/**
 * The rules for region ids: non-empty, at most {@value #MAX_BYTES} UTF-8 bytes, no control characters, no path
 * separators ({@code /} or {@code \}).
 *
 * <p>Ids that start with {@value #INTERNAL_PREFIX} belong to the store itself (such as the commit sequence): no
 * application id can have that form, and the store's public methods never show them.
 */
public final class RegionIds {
  public static final int MAX_BYTES = 1024;

  private RegionIds() {}

  /** The first character of the store's own region ids, which no valid application id contains. */
  static final String INTERNAL_PREFIX = "/";

  public static boolean isValid(String id) {
    return reason(id) == null;
  }

  /** Whether {@code id} is one of the store's own ids: {@value #INTERNAL_PREFIX} followed by a valid id. */
  static boolean isInternal(String id) {
    return id.startsWith(INTERNAL_PREFIX) && isValid(id.substring(INTERNAL_PREFIX.length()));
  }

  /** Throws {@link InvalidNameException} saying which rule {@code id} breaks. */
  public static String validate(String id) {
    String reason = reason(id);
    if (reason != null) {
      throw Exceptions.invalidName("invalid region id %s: %s", (id == null ? "null"
          : Exceptions.format("'%s'", printable(id))), reason);
    }
    return id;
  }

  private static String reason(String id) {
    if (id == null || id.isEmpty()) {
      return "it is empty";
    }
    int bytes = id.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      return "it is " + bytes + " UTF-8 bytes long, the limit is " + MAX_BYTES;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isISOControl(c)) {
        return "it contains the control character U+" + String.format("%04X", (int) c) + " at " + i;
      }
      if (c == '/' || c == '\\') {
        return "it contains the path separator '" + c + "' at " + i;
      }
      if (Character.isHighSurrogate(c) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "it contains an unpaired surrogate at " + i;
      }
    }
    return null;
  }

  private static String printable(String id) {
    StringBuilder out = new StringBuilder();
    id.codePoints().limit(80).forEach(cp -> {
      if (Character.isISOControl(cp)) {
        out.append(String.format("\\u%04X", cp));
      } else {
        out.appendCodePoint(cp);
      }
    });
    return id.codePointCount(0, id.length()) > 80 ? out + "…" : out.toString();
  }
}
