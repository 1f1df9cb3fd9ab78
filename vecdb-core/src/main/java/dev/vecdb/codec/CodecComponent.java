package dev.vecdb.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/** A component stored by a codec of its own: a {@code @FixedLength byte[]} or a nested record, inlined. */
final class CodecComponent extends Component {
  private final FixedCodec<Object> codec;
  private final String label;
  private final MethodHandle value;

  /**
   * @param label the component in messages, e.g. {@code component hash of record Candle}
   * @param accessor the record's accessor, of type {@code (Record) -> component type}
   */
  @SuppressWarnings("unchecked")
  CodecComponent(String name, int offset, FixedCodec<?> codec, String label, MethodHandle accessor) {
    super(name, offset, codec.size(), accessor);
    this.codec = (FixedCodec<Object>) codec;
    this.label = label;
    this.value = accessor.asType(MethodType.methodType(Object.class, Object.class));
  }

  @Override
  String typeDescription() {
    return codec.description();
  }

  @Override
  void check(Object record) {
    codec.check(value(record), label);
  }

  @Override
  MethodHandle readerAtStart() {
    return codec.reader();
  }

  @Override
  MethodHandle writerAtStart() {
    return codec.writer();
  }

  @Override
  MethodHandle valueComparator() {
    return codec.comparator();
  }

  @Override
  void appendCsv(Object record, StringBuilder out) {
    codec.appendCsv(value(record), out);
  }

  @Override
  void appendJson(Object record, StringBuilder out) {
    codec.appendJson(value(record), out);
  }

  private Object value(Object record) {
    try {
      return value.invokeExact(record);
    } catch (Throwable t) {
      throw Handles.unchecked(t);
    }
  }
}
