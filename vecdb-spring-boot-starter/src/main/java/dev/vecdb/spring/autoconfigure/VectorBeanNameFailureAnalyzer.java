package dev.vecdb.spring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionOverrideException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.annotation.Order;

/**
 * Reports a vector declared in {@code vecdb.vectors.<name>} whose name is already the name of another bean (each
 * vector becomes a bean named after it). Runs before Boot's general report of overridden bean definitions, which
 * would not name the property. Stateless, thread-safe.
 */
@Order(0)
final class VectorBeanNameFailureAnalyzer extends AbstractFailureAnalyzer<BeanDefinitionOverrideException> {
  @Override
  protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BeanDefinitionOverrideException cause) {
    String property = declaration(cause.getBeanDefinition());
    if (property == null) {
      property = declaration(cause.getExistingDefinition());
    }
    if (property == null) {
      return null;
    }
    return new FailureAnalysis("The vector declared in " + property + " becomes a bean named '" + cause.getBeanName()
        + "', but the application defines another bean of that name: " + cause.getMessage() + ".",
        "Rename the vector (the key under vecdb.vectors) or the other bean.", cause);
  }

  private static @Nullable String declaration(BeanDefinition definition) {
    String description = definition.getDescription();
    if (description == null || !description.startsWith(VectorBeanRegistrar.DESCRIPTION)) {
      return null;
    }
    int end = description.indexOf(' ', VectorBeanRegistrar.DESCRIPTION.length());
    return description.substring(VectorBeanRegistrar.DESCRIPTION.length(), end < 0 ? description.length() : end);
  }
}
