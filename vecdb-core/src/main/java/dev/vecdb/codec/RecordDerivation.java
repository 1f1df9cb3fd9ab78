package dev.vecdb.codec;

import dev.vecdb.internal.Exceptions;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Derives {@link RecordCodec}s from record classes: checks every component, finds the canonical constructor and the
 * accessors, and lays the components out. Codecs are cached per class; a nested record is derived inside its
 * enclosing record's derivation, which is how a recursive record is detected.
 */
final class RecordDerivation {
  private static final String SUPPORTED =
      "supported are byte, short, int, long, float, double, boolean, @FixedLength byte[] and records of these";

  /**
   * The most parameter slots ({@code long} and {@code double} take two) a canonical constructor may have: the
   * composed reader briefly takes two {@code (MemorySegment, long, ByteOrder)} triples in place of two parameters,
   * and a method handle takes at most 254 slots.
   */
  private static final int MAX_PARAMETER_SLOTS = 248;

  private static final ClassValue<RecordCodec<?>> CODECS = new ClassValue<>() {
    @Override
    protected RecordCodec<?> computeValue(Class<?> type) {
      return derive(type, new ArrayList<>());
    }
  };

  private RecordDerivation() {}

  /** The cached codec of {@code type}, derived on first use. */
  @SuppressWarnings("unchecked")
  static <R> RecordCodec<R> codecOf(Class<R> type) {
    return (RecordCodec<R>) CODECS.get(type);
  }

  /**
   * @param path the records whose derivation is under way, outermost first; {@code type} is nested in the last
   */
  private static <R> RecordCodec<R> derive(Class<R> type, List<Class<?>> path) {
    String subject = subject(type, path);
    if (!type.isRecord()) {
      throw CodecErrors.cannotDerive(subject, "it is not a record");
    }
    RecordComponent[] declared = type.getRecordComponents();
    if (declared.length == 0) {
      throw CodecErrors.cannotDerive(subject, "it has no components");
    }
    int slots = Arrays.stream(declared).mapToInt(rc -> parameterSlots(rc.getType())).sum();
    if (slots > MAX_PARAMETER_SLOTS) {
      throw CodecErrors.cannotDerive(subject, "it has too many components (%s parameter slots, long and"
          + " double counting two; at most %s); group some of them in a nested record", slots, MAX_PARAMETER_SLOTS);
    }
    MethodHandles.Lookup lookup = lookupIn(type);
    MethodHandle constructor = canonicalConstructor(lookup, type, declared, subject);
    path.add(type);
    List<Component> components = new ArrayList<>(declared.length);
    int offset = 0;
    for (RecordComponent rc : declared) {
      Component component = component(rc, offset, accessor(lookup, rc, subject), path, subject);
      components.add(component);
      offset += component.size;
    }
    path.removeLast();
    return new RecordCodec<>(type, components, constructor);
  }

  private static Component component(RecordComponent rc, int offset, MethodHandle accessor, List<Class<?>> path,
      String subject) {
    Class<?> type = rc.getType();
    if (rc.getGenericType() instanceof TypeVariable<?>) {
      throw unsupported(rc, subject, "is generic; give it a concrete type");
    }
    boolean unsigned = rc.isAnnotationPresent(Unsigned.class);
    if (unsigned && !(type == byte.class || type == short.class || type == int.class || type == long.class)) {
      throw unsupported(rc, subject, "has @Unsigned, which applies only to byte, short, int and long");
    }
    FixedLength fixed = rc.getAnnotation(FixedLength.class);
    if (fixed != null && type != byte[].class) {
      throw unsupported(rc, subject, "has @FixedLength, which applies only to byte[]");
    }
    String name = rc.getName();
    String label = "component " + name + " of record " + rc.getDeclaringRecord().getSimpleName();
    if (type == boolean.class) {
      return new BooleanComponent(name, offset, label, accessor);
    }
    NumberType number = numberType(type, unsigned);
    if (number != null) {
      return new NumberComponent(name, offset, number, accessor);
    }
    if (type == byte[].class) {
      return new CodecComponent(name, offset, byteArrayCodec(rc, fixed, subject), label, accessor);
    }
    if (type.isRecord()) {
      if (path.contains(type)) {
        throw unsupported(rc, subject, "makes the record recursive (" + pathTo(type, path) + ")");
      }
      return new CodecComponent(name, offset, derive(type, path), label, accessor);
    }
    throw unsupported(rc, subject, "is not a supported type; " + SUPPORTED);
  }

  private static NumberType numberType(Class<?> type, boolean unsigned) {
    if (type == byte.class) {
      return unsigned ? NumberType.U8 : NumberType.I8;
    } else if (type == short.class) {
      return unsigned ? NumberType.U16 : NumberType.I16;
    } else if (type == int.class) {
      return unsigned ? NumberType.U32 : NumberType.I32;
    } else if (type == long.class) {
      return unsigned ? NumberType.U64 : NumberType.I64;
    } else if (type == float.class) {
      return NumberType.F32;
    } else if (type == double.class) {
      return NumberType.F64;
    }
    return null;
  }

  private static int parameterSlots(Class<?> type) {
    return type == long.class || type == double.class ? 2 : 1;
  }

  private static ByteArrayCodec byteArrayCodec(RecordComponent rc, FixedLength fixed, String subject) {
    if (fixed == null) {
      throw unsupported(rc, subject, "needs @FixedLength(n): only byte arrays of a fixed length can be stored");
    }
    if (fixed.value() < 1 || fixed.value() > ValueCodec.MAX_BYTES) {
      throw unsupported(rc, subject, "has @FixedLength(" + fixed.value() + "); the length must be 1 to "
          + ValueCodec.MAX_BYTES);
    }
    return new ByteArrayCodec(fixed.value());
  }

  /**
   * A lookup with private access to {@code type} when its package is open to vecdb (every package on the class
   * path is), else the public lookup, which still reaches public records in exported packages.
   */
  private static MethodHandles.Lookup lookupIn(Class<?> type) {
    try {
      return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    } catch (IllegalAccessException notOpen) {
      return MethodHandles.publicLookup();
    }
  }

  private static MethodHandle canonicalConstructor(MethodHandles.Lookup lookup, Class<?> type,
      RecordComponent[] declared, String subject) {
    Class<?>[] parameters = Arrays.stream(declared).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      return lookup.findConstructor(type, MethodType.methodType(void.class, parameters));
    } catch (IllegalAccessException e) {
      throw inaccessible(subject, e);
    } catch (NoSuchMethodException e) {
      throw Exceptions.illegalState(e, "%s has no canonical constructor", subject);
    }
  }

  private static MethodHandle accessor(MethodHandles.Lookup lookup, RecordComponent rc, String subject) {
    try {
      return lookup.unreflect(rc.getAccessor());
    } catch (IllegalAccessException e) {
      throw inaccessible(subject, e);
    }
  }

  private static IllegalArgumentException inaccessible(String subject, IllegalAccessException cause) {
    return CodecErrors.cannotDerive(cause, subject, "it is not accessible to vecdb (%s); make it public in an"
        + " exported package, or open its package to vecdb", cause.getMessage());
  }

  private static IllegalArgumentException unsupported(RecordComponent rc, String subject, String why) {
    return CodecErrors.cannotDerive(subject, "component %s (%s) %s", rc.getName(),
        rc.getGenericType().getTypeName(), why);
  }

  /** {@code record a.B}, or {@code record a.C (nested in A -> B)} for a record nested in records being derived. */
  private static String subject(Class<?> type, List<Class<?>> path) {
    String subject = (type.isRecord() ? "record " : "class ") + type.getName();
    return path.isEmpty() ? subject : subject + " (nested in " + simpleNames(path) + ")";
  }

  private static String pathTo(Class<?> type, List<Class<?>> path) {
    return simpleNames(path) + " -> " + type.getSimpleName();
  }

  private static String simpleNames(List<Class<?>> path) {
    return path.stream().map(Class::getSimpleName).collect(Collectors.joining(" -> "));
  }
}
