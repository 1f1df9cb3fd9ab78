package dev.vecdb.spring.autoconfigure;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code vecdb.flush-interval} is a positive duration; a value that is no duration fails with Boot's
 * binding failure report. Stateless, thread-safe.
 */
final class OnFlushIntervalCondition extends SpringBootCondition {
  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Duration interval = Binder.get(context.getEnvironment()).bind("vecdb.flush-interval", Duration.class)
        .orElse(Duration.ZERO);
    return interval.isPositive()
        ? ConditionOutcome.match("vecdb.flush-interval is " + interval)
        : ConditionOutcome.noMatch("vecdb.flush-interval is " + interval + ", background flushes are off");
  }
}
