package dev.vecdb.spring.autoconfigure;

import dev.vecdb.spring.VecdbConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link VecdbConfigurationException} anywhere in a startup failure's cause chain: the property, the
 * problem and the fix. Stateless, thread-safe.
 */
final class VecdbConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<VecdbConfigurationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, VecdbConfigurationException cause) {
    return new FailureAnalysis("The vecdb configuration is invalid: " + cause.getMessage() + ".", cause.action(),
        cause);
  }
}
