package dev.vecdb.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link VecdbConfigurationException} anywhere in a startup failure's cause chain into a report naming the
 * property, the problem and the fix. Stateless, thread-safe.
 */
public class VecdbFailureAnalyzer extends AbstractFailureAnalyzer<VecdbConfigurationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, VecdbConfigurationException cause) {
    return new FailureAnalysis("The vecdb configuration is invalid: " + cause.getMessage() + ".", cause.action(),
        cause);
  }
}
