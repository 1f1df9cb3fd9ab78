package dev.vecdb.spring;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code vecdb.flush-interval} is a positive duration. Stateless, thread-safe. */
class OnFlushIntervalCondition extends SpringBootCondition {
  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Duration interval;
    try {
      interval = Binder.get(context.getEnvironment()).bind("vecdb.flush-interval", Duration.class)
          .orElse(Duration.ZERO);
    } catch (BindException e) {
      throw BindFailures.explain(e);
    }
    return interval.isPositive()
        ? ConditionOutcome.match("vecdb.flush-interval is " + interval)
        : ConditionOutcome.noMatch("vecdb.flush-interval is " + interval + ", background flushes are off");
  }
}
