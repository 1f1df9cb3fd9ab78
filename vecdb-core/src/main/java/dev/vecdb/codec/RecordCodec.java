package dev.vecdb.codec;

import dev.vecdb.internal.Exceptions;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteOrder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Records stored as their components packed in declaration order. Writing and ordering chain the component writers
 * and comparators into one method handle each; reading composes the canonical constructor with the component
 * readers into another, so no argument array or boxed value is allocated. Formatting walks the components. See
 * {@link ValueCodec#record}.
 *
 * @param <R> the record type
 */
final class RecordCodec<R> extends FixedCodec<R> {
  private static final MethodHandle IS_ZERO = Handles.findStatic(RecordCodec.class, "isZero", boolean.class, int.class);

  private final Class<R> type;
  private final Component[] components;
  private final int size;
  private final MethodHandle reader;
  private final MethodHandle erasedReader;
  private final MethodHandle writer;
  private final MethodHandle erasedWriter;
  private final MethodHandle comparator;
  private final MethodHandle erasedComparator;

  /**
   * @param components at least one, at consecutive offsets from 0
   * @param constructor the canonical constructor, of type {@code (component types...) -> R}
   */
  RecordCodec(Class<R> type, List<Component> components, MethodHandle constructor) {
    super(components.stream().map(Component::description)
        .collect(Collectors.joining(", ", "record " + type.getSimpleName() + "(", ")")));
    this.type = type;
    this.components = components.toArray(Component[]::new);
    this.size = components.stream().mapToInt(c -> c.size).sum();
    this.reader = composeReader(constructor, components);
    this.erasedReader = reader.asType(reader.type().changeReturnType(Object.class));
    this.writer = chainWriters(components);
    this.erasedWriter = writer.asType(writer.type().changeParameterType(0, Object.class));
    this.comparator = chainComparators(components);
    this.erasedComparator = comparator.asType(MethodType.methodType(int.class, Object.class, Object.class));
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int typeCode() {
    return RECORD_TYPE_CODE;
  }

  @Override
  public R read(MemorySegment src, long offset, ByteOrder order) {
    try {
      return type.cast((Object) erasedReader.invokeExact(src, offset, order));
    } catch (Throwable t) {
      throw Handles.unchecked(t);
    }
  }

  @Override
  public void appendCsv(R value, StringBuilder out) {
    for (int i = 0; i < components.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      components[i].appendCsv(value, out);
    }
  }

  @Override
  public void appendJson(R value, StringBuilder out) {
    out.append('{');
    for (int i = 0; i < components.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      components[i].appendJsonMember(value, out);
    }
    out.append('}');
  }

  @Override
  public int compare(R a, R b) {
    try {
      return (int) erasedComparator.invokeExact((Object) a, (Object) b);
    } catch (Throwable t) {
      throw Handles.unchecked(t);
    }
  }

  @Override
  void check(Object value, String what) {
    if (value == null) {
      throw Exceptions.illegalArgument("%s is null; expected a record %s", what, type.getSimpleName());
    }
    for (Component component : components) {
      component.check(value);
    }
  }

  @Override
  void writeChecked(R value, MemorySegment dst, long offset, ByteOrder order) {
    try {
      erasedWriter.invokeExact((Object) value, dst, offset, order);
    } catch (Throwable t) {
      throw Handles.unchecked(t);
    }
  }

  @Override
  MethodHandle reader() {
    return reader;
  }

  @Override
  MethodHandle writer() {
    return writer;
  }

  @Override
  MethodHandle comparator() {
    return comparator;
  }

  /** Calls each component's writer in turn, with the same {@code (R, MemorySegment, long, ByteOrder)} arguments. */
  private static MethodHandle chainWriters(List<Component> components) {
    MethodHandle chain = components.getLast().writer();
    for (Component component : components.reversed().subList(1, components.size())) {
      chain = MethodHandles.foldArguments(chain, component.writer());
    }
    return chain;
  }

  /** Orders by the first component, and by the next ones while all before are equal. */
  private static MethodHandle chainComparators(List<Component> components) {
    MethodHandle chain = components.getLast().comparator();
    for (Component component : components.reversed().subList(1, components.size())) {
      MethodHandle next = MethodHandles.dropArguments(chain, 0, int.class);
      MethodHandle decided = MethodHandles.dropArguments(MethodHandles.identity(int.class), 1,
          chain.type().parameterList());
      chain = MethodHandles.foldArguments(MethodHandles.guardWithTest(IS_ZERO, next, decided), component.comparator());
    }
    return chain;
  }

  static boolean isZero(int order) {
    return order == 0;
  }

  /**
   * Feeds each constructor parameter from its component's reader, sharing one {@code (MemorySegment, long,
   * ByteOrder)} triple: after step {@code i} the handle has type {@code (MemorySegment, long, ByteOrder, types of
   * components i+1...) -> R}.
   */
  private static MethodHandle composeReader(MethodHandle constructor, List<Component> components) {
    MethodHandle composed = MethodHandles.collectArguments(constructor, 0, components.getFirst().reader());
    for (Component component : components.subList(1, components.size())) {
      MethodHandle twice = MethodHandles.collectArguments(composed, 3, component.reader());
      MethodType once = twice.type().dropParameterTypes(3, 6);
      int[] reorder = new int[twice.type().parameterCount()];
      for (int i = 0; i < reorder.length; i++) {
        reorder[i] = i < 3 ? i : i - 3;
      }
      composed = MethodHandles.permuteArguments(twice, once, reorder);
    }
    return composed;
  }
}
