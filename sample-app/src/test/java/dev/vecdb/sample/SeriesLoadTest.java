package dev.vecdb.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.vecdb.sample.ChainModel.Series;
import dev.vecdb.sample.api.ApiProperties;
import dev.vecdb.sample.chain.FeedProperties;
import dev.vecdb.sample.derived.DerivedProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * The service under load, as a user saw it fail: {@value #CLIENTS} client threads request ranges of the JSON and CSV
 * series endpoints over real HTTP (near the tip, with negative bounds, by default, and absolute ones below every
 * reorg) while a reorg through {@code POST /api/reorg} replaces up to 99 blocks every 1 to 2 s and a new block
 * arrives every 100 ms. Batches of 5 blocks make a reorg publish a shorter chain first, then grow it back. Every
 * answer must be a 2xx, and consistent: its values count matches the range resolved against one length, and they are
 * the values of one branch of the chain ({@link ChainModel}), derived and lazy series included. Runs
 * {@value #DEFAULT_SECONDS} s; {@code -Dsample.load.seconds=N} runs longer. A machine too slow to make the minimum
 * numbers of requests and reorgs in that time gets up to {@value #OVERTIME_FACTOR} times as long again.
 */
@TestPropertySource(properties = {
    "sample.feed.initial-blocks=400", "sample.feed.batch-size=5", "sample.feed.interval=100ms",
    DerivedExpectations.SMA_PROPERTY, DerivedExpectations.EMA_PROPERTY, DerivedExpectations.FEE_PROPERTY})
class SeriesLoadTest extends RunningSample {
  private static final int CLIENTS = 64;
  private static final long DEFAULT_SECONDS = 15;
  /** How many times the run's duration the load may go on past it while requests or reorgs are below the minimum. */
  private static final long OVERTIME_FACTOR = 3;
  /** Deepest reorg: the 100 retained change sets cover at least the last 100 blocks. */
  private static final int MAX_REORG_DEPTH = 99;
  /** Most values one request asks for, last ones included: long exports widen the race windows. */
  private static final int MAX_RANGE = 250;
  /** Most values before the end a request skips (its {@code to=-end}): the chain never gets shorter than 300. */
  private static final int MAX_END_OFFSET = 50;
  /** Most problems kept for the failure message. */
  private static final int SAMPLES = 20;

  @Autowired
  FeedProperties feed;

  @Autowired
  DerivedProperties windows;

  @Autowired
  ApiProperties limits;

  private ChainModel model;
  /** Held by the reorg driver from its request until the model knows the new branch; a checker waits for it. */
  private final ReentrantReadWriteLock reorgInFlight = new ReentrantReadWriteLock();
  private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
  private final LongAdder requests = new LongAdder();
  private final LongAdder rechecked = new LongAdder();
  private final AtomicLong problemCount = new AtomicLong();
  private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

  @Test
  void everyAnswerUnderReadersReorgsAndNewBlocksIsA2xxFromOneState() throws Exception {
    model = new ChainModel(feed.seed(), windows.feeWindow());
    long seconds = Long.getLong("sample.load.seconds", DEFAULT_SECONDS);
    Run run = new Run(System.nanoTime(), TimeUnit.SECONDS.toNanos(seconds), (int) (seconds / 4), CLIENTS * seconds);
    AtomicBoolean reorgsEnded = new AtomicBoolean();
    int tipBefore = api().read("/api/blocks/latest", "$.height");
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
    List<Future<?>> work = new ArrayList<>();
    try {
      for (int c = 0; c < CLIENTS; c++) {
        long seed = c;
        work.add(pool.submit(() -> readUntil(reorgsEnded, run, new SplittableRandom(seed))));
      }
      Future<Integer> reorgs = pool.submit(() -> {
        try {
          return reorgUntil(run, new SplittableRandom(-1));
        } finally {
          reorgsEnded.set(true);
        }
      });
      for (Future<?> client : work) {
        client.get((OVERTIME_FACTOR + 1) * seconds + 60, TimeUnit.SECONDS);
      }
      int reorgCount = reorgs.get(60, TimeUnit.SECONDS);
      int tipAfter = api().read("/api/blocks/latest", "$.height");
      System.out.printf("SeriesLoadTest: %d s, %d requests, statuses %s, %d inconsistent or failed, %d reorgs, "
          + "%d answers rechecked after a reorg's answer, tip %d -> %d%n",
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - run.start()), requests.sum(), statuses,
          problemCount.get(), reorgCount, rechecked.sum(), tipBefore, tipAfter);
      problems.forEach(problem -> System.out.println("  " + problem));
      assertThat(problems).as("%d of %d answers not a consistent 2xx (first %d)", problemCount.get(),
          requests.sum(), SAMPLES).isEmpty();
      assertThat(reorgCount).as("reorgs").isGreaterThanOrEqualTo(run.minReorgs());
      assertThat(tipAfter).as("new blocks arrived").isGreaterThan(tipBefore);
      assertThat(requests.sum()).as("requests").isGreaterThan(run.minRequests());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * How long the load goes on: {@code duration} from {@code start}, then, while the reorgs or the requests are not above
   * their minimums, up to {@value SeriesLoadTest#OVERTIME_FACTOR} times as long again.
   */
  private record Run(long start, long duration, int minReorgs, long minRequests) {
    boolean goesOn(int reorgs, long requests) {
      long elapsed = System.nanoTime() - start;
      return elapsed < duration
          || elapsed < (OVERTIME_FACTOR + 1) * duration && (reorgs < minReorgs || requests <= minRequests);
    }

    boolean overtimeLeft() {
      return System.nanoTime() - start < (OVERTIME_FACTOR + 1) * duration;
    }
  }

  /**
   * Replaces the last 1 to {@value #MAX_REORG_DEPTH} blocks every 1 to 2 s while {@code run} goes on, until a reorg
   * fails (the model no longer knows the chain then); returns the number of reorgs.
   */
  private int reorgUntil(Run run, SplittableRandom random) throws InterruptedException {
    HttpApi api = api();
    int reorgs = 0;
    while (run.goesOn(reorgs, requests.sum())) {
      Thread.sleep(1000 + random.nextInt(1000));
      int tip = api.read("/api/blocks/latest", "$.height");
      long toHeight = tip - random.nextInt(MAX_REORG_DEPTH);
      reorgInFlight.writeLock().lock();
      try {
        String path = "/api/reorg?toHeight=" + toHeight;
        ResponseEntity<String> answer = api.post(path);
        if (!answer.getStatusCode().is2xxSuccessful()) {
          problem("POST " + path, "status " + answer.getStatusCode().value(), answer.getBody());
          return reorgs;
        }
        DocumentContext reorg = JsonPath.parse(answer.getBody());
        model.reorged(reorg.read("$.toHeight", Long.class), reorg.read("$.branchSeed", Long.class));
        reorgs++;
      } finally {
        reorgInFlight.writeLock().unlock();
      }
    }
    return reorgs;
  }

  /** Requests random ranges until the reorgs ended (or {@code run} has no time left). */
  private Void readUntil(AtomicBoolean reorgsEnded, Run run, SplittableRandom random) {
    HttpApi api = api();
    Series[] series = Series.values();
    while (!reorgsEnded.get() && run.overtimeLeft()) {
      Request request = Request.random(series[random.nextInt(series.length)], limits.defaultValues(),
          feed.initialBlocks() - MAX_REORG_DEPTH, random);
      ResponseEntity<String> answer = api.get(request.path());
      requests.increment();
      statuses.computeIfAbsent(Integer.toString(answer.getStatusCode().value()), s -> new LongAdder()).increment();
      if (!answer.getStatusCode().is2xxSuccessful()) {
        problem("GET " + request.path(), "status " + answer.getStatusCode().value(), answer.getBody());
        continue;
      }
      String inconsistency = check(request, answer.getBody());
      if (inconsistency != null) {
        problem("GET " + request.path(), inconsistency, answer.getBody());
      }
    }
    return null;
  }

  private void problem(String request, String what, String body) {
    if (problemCount.incrementAndGet() <= SAMPLES) {
      String shown = body == null ? "" : body.length() > 400 ? body.substring(0, 400) + "…" : body;
      problems.add(request + ": " + what + ": " + shown);
    }
  }

  /** What is inconsistent in a 2xx answer to {@code request}, null if nothing. */
  private String check(Request request, String body) {
    long from;
    List<?> values;
    if (request.csv()) {
      List<String> lines = body.lines().toList();
      if (!lines.getFirst().equals(request.series().path)) {
        return "CSV header " + lines.getFirst();
      }
      values = lines.subList(1, lines.size());
      if (values.size() != request.count()) {
        return values.size() + " CSV values for a range of " + request.count();
      }
      if (request.from() == null || request.from() < 0) {
        return null;
      }
      from = request.from();
    } else {
      DocumentContext json = JsonPath.parse(body);
      from = json.read("$.from", Long.class);
      long to = json.read("$.to", Long.class);
      long length = json.read("$.length", Long.class);
      values = json.read("$.values", List.class);
      if (from != request.resolvedFrom(length) || to != request.resolvedTo(length)) {
        return "[" + from + ", " + to + ") is not the range of the request at length " + length;
      }
      if (values.size() != to - from) {
        return values.size() + " values for [" + from + ", " + to + ") at length " + length;
      }
    }
    if (model.matchingBranch(request.series(), from, values) >= 0) {
      return null;
    }
    rechecked.increment();
    reorgInFlight.readLock().lock();
    try {
      return model.matchingBranch(request.series(), from, values) >= 0 ? null
          : "the values from " + from + " are those of none of the " + model.branchCount() + " branches";
    } finally {
      reorgInFlight.readLock().unlock();
    }
  }

  /**
   * One series request; {@code from} and {@code to} as sent (null when absent).
   *
   * @param count the number of values the answer must hold
   */
  private record Request(Series series, Long from, Long to, boolean csv, long count) {
    /**
     * A request for the last values (by default or with a negative {@code from}), values a little before the end
     * (both bounds negative), or absolute ones before {@code stableEnd}, which no reorg reaches.
     */
    static Request random(Series series, int defaultValues, long stableEnd, SplittableRandom random) {
      boolean csv = random.nextBoolean();
      int n = 1 + random.nextInt(MAX_RANGE);
      return switch (random.nextInt(4)) {
        case 0 -> new Request(series, (long) -n, null, csv, n);
        case 1 -> {
          int end = 1 + random.nextInt(MAX_END_OFFSET);
          yield new Request(series, (long) -(n + end), (long) -end, csv, n);
        }
        case 2 -> new Request(series, null, null, csv, defaultValues);
        default -> {
          long start = random.nextLong(Math.max(1, stableEnd - n));
          yield new Request(series, start, start + n, csv, n);
        }
      };
    }

    String path() {
      return "/api/series/" + series.path + "?" + (from == null ? "" : "from=" + from + "&")
          + (to == null ? "" : "to=" + to + "&") + "format=" + (csv ? "csv" : "json");
    }

    long resolvedTo(long length) {
      return to == null ? length : to < 0 ? length + to : to;
    }

    long resolvedFrom(long length) {
      return from == null ? resolvedTo(length) - count : from < 0 ? length + from : from;
    }
  }
}
