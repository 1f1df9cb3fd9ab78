package dev.vecdb.sample.api;

import dev.vecdb.spring.replication.Replication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/replication}: whether this instance is a leader publishing its commits, a replica applying them,
 * or neither, and how far behind it is; the page shows it.
 */
@RestController
class ReplicationController {
  private final ObjectProvider<Replication> replication;

  ReplicationController(ObjectProvider<Replication> replication) {
    this.replication = replication;
  }

  @GetMapping("/api/replication")
  ReplicationView replication() {
    Replication running = replication.getIfAvailable();
    return running == null ? ReplicationView.NONE : ReplicationView.of(running);
  }
}
