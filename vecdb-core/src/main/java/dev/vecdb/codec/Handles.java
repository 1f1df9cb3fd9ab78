package dev.vecdb.codec;

import dev.vecdb.internal.Exceptions;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.UndeclaredThrowableException;

/** Finding the method handles the codecs are built from, and rethrowing what invoking them throws. */
final class Handles {
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private Handles() {}

  /** The static method {@code owner.name} of the given type: a JDK method, or a package-private one of vecdb's. */
  static MethodHandle findStatic(Class<?> owner, String name, Class<?> returnType, Class<?>... parameterTypes) {
    try {
      return LOOKUP.findStatic(owner, name, MethodType.methodType(returnType, parameterTypes));
    } catch (ReflectiveOperationException e) {
      throw Exceptions.illegalState(e, "vecdb is missing %s.%s", owner.getName(), name);
    }
  }

  /** Like {@link #findStatic}, for an instance method; the handle takes the instance first. */
  static MethodHandle findVirtual(Class<?> owner, String name, Class<?> returnType, Class<?>... parameterTypes) {
    try {
      return LOOKUP.findVirtual(owner, name, MethodType.methodType(returnType, parameterTypes));
    } catch (ReflectiveOperationException e) {
      throw Exceptions.illegalState(e, "vecdb is missing %s.%s", owner.getName(), name);
    }
  }

  /**
   * The exception to throw for {@code failure}, thrown through a handle by a record's accessor or constructor:
   * itself if unchecked (errors are thrown right away), else wrapped.
   */
  static RuntimeException unchecked(Throwable failure) {
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    return new UndeclaredThrowableException(failure);
  }
}
