package dev.vecdb.spring.autoconfigure;

import dev.vecdb.spring.replication.ReplicationRole;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code vecdb.replication.role} is the role named by {@link ConditionalOnReplicationRole} on the
 * annotated element, or, without it, when a role other than {@code none} is set. A value that is no role fails with
 * Boot's binding failure report. Stateless, thread-safe.
 */
final class OnReplicationRoleCondition extends SpringBootCondition {
  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    ReplicationRole role = Binder.get(context.getEnvironment())
        .bind(ReplicationProperties.PREFIX + ".role", ReplicationRole.class).orElse(ReplicationRole.NONE);
    Map<String, Object> wanted = metadata.getAnnotationAttributes(ConditionalOnReplicationRole.class.getName());
    if (wanted == null) {
      return role != ReplicationRole.NONE
          ? ConditionOutcome.match("vecdb.replication.role is " + role)
          : ConditionOutcome.noMatch("vecdb.replication.role is none");
    }
    ReplicationRole expected = (ReplicationRole) wanted.get("value");
    return role == expected
        ? ConditionOutcome.match("vecdb.replication.role is " + role)
        : ConditionOutcome.noMatch("vecdb.replication.role is " + role + ", not " + expected);
  }
}
