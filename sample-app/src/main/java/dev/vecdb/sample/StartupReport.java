package dev.vecdb.sample;

import dev.vecdb.Database;
import dev.vecdb.sample.chain.Block;
import dev.vecdb.sample.chain.Blocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Logs, once the application is ready, where to look: the page, the API, the actuator and the data directory. */
@Component
class StartupReport {
  private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

  private final Environment environment;
  private final Database database;
  private final Blocks blocks;

  StartupReport(Environment environment, Database database, Blocks blocks) {
    this.environment = environment;
    this.database = database;
    this.blocks = blocks;
  }

  @EventListener(ApplicationReadyEvent.class)
  void report() {
    String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
    Block tip = blocks.latest();
    log.info("""
        Chain-metrics service ready
          page      {}/
          API       {}/api/blocks/latest   {}/api/series   {}/api/series/price?from=-10
          actuator  {}/actuator/health   {}/actuator/vecdb   {}/actuator/prometheus
          data      {} (tip at height {})""",
        base, base, base, base, base, base, base, database.path().toAbsolutePath(), tip.height());
  }
}
