package dev.vecdb.spring;

import java.util.Locale;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;

/**
 * Explains a failure to bind {@code vecdb.*} (a value that is not a format, a duration, a number, ...) as a
 * {@link VecdbConfigurationException} naming the property and the values it accepts. Stateless, thread-safe.
 */
final class BindFailures {
  private BindFailures() {}

  /** The configuration failure that explains {@code e}: property, value, origin, reason and valid values. */
  static VecdbConfigurationException explain(BindException e) {
    ConfigurationProperty property = e.getProperty();
    String name = property != null ? property.getName().toString() : e.getName().toString();
    String value = property != null ? " value '" + property.getValue() + "'" : "";
    String origin = property != null && property.getOrigin() != null ? " (from " + property.getOrigin() + ")" : "";
    Throwable reason = e.getCause() != null ? e.getCause() : e;
    String problem = "cannot bind" + value + origin + " to " + e.getTarget().getType() + ": " + reason.getMessage();
    return new VecdbConfigurationException(name, problem, "Fix " + name + "; " + hint(e) + ".", e);
  }

  private static String hint(BindException e) {
    Class<?> target = e.getTarget().getType().resolve(Object.class);
    if (target.isEnum()) {
      StringBuilder values = new StringBuilder("valid values are");
      for (Object constant : target.getEnumConstants()) {
        values.append(' ').append(constant.toString().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
      return values.toString();
    }
    return "it must be a valid " + target.getSimpleName();
  }
}
