package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A delivered file is rendered (its MD5 read over every byte, seconds for the largest sizes)
 * without holding the simulator's lock, and only once while its request stays the same.
 */
class DocuFileRenderingTest {

  private final CountDownLatch rendering = new CountDownLatch(1);
  private final CountDownLatch finishRendering = new CountDownLatch(1);
  private final AtomicInteger renders = new AtomicInteger();
  private final SandboxClock clock =
      new SandboxClock(Clock.fixed(Instant.parse("2026-03-02T10:15:30Z"), ZoneOffset.UTC));
  private final DocuEngineSimulator simulator =
      new DocuEngineSimulator(
          DocuCatalogue.load(),
          clock,
          Duration.ofMinutes(1),
          new Wallet(new BigDecimal("100")),
          new ObjectIds(new Random(1)),
          change -> {},
          this::slowRender);
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void stop() {
    finishRendering.countDown();
    threads.shutdownNow();
  }

  private DocuFile slowRender(DocuFile.Spec spec) {
    renders.incrementAndGet();
    rendering.countDown();
    try {
      finishRendering.await();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    return DocuFile.render(spec);
  }

  private String deliveredStatuto() {
    String id =
        simulator
            .create(
                Json.parseBody(
                    DocuEngineErrorScenarios.closedStatuto().getBytes(StandardCharsets.UTF_8)))
            .path("id")
            .asString();
    clock.advance(Duration.ofMinutes(2));
    return id;
  }

  @Test
  void otherCallsAreAnsweredWhileAFileIsBeingRendered() throws Exception {
    String id = deliveredStatuto();
    Future<List<DocuFile>> files = threads.submit(() -> simulator.files(id));
    assertThat(rendering.await(10, TimeUnit.SECONDS)).isTrue();

    Future<String> read = threads.submit(() -> simulator.get(id).path("state").asString());

    assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("DONE");
    assertThat(files).isNotDone();
  }

  @Test
  void aFileIsRenderedOnceForEveryLaterCall() throws Exception {
    String id = deliveredStatuto();
    finishRendering.countDown();

    List<DocuFile> first = simulator.files(id);
    List<DocuFile> again = simulator.files(id);

    assertThat(again.getFirst()).isSameAs(first.getFirst());
    assertThat(simulator.file(id + "_0.pdf")).containsSame(first.getFirst());
    assertThat(renders.get()).isEqualTo(1);
  }

  @Test
  void aNewSizeRendersTheFileAgain() throws Exception {
    String id = deliveredStatuto();
    finishRendering.countDown();
    long natural = simulator.files(id).getFirst().size();

    simulator.setDocumentSize(id, natural + 1000);

    assertThat(CompletableFuture.supplyAsync(() -> simulator.files(id)).get().getFirst().size())
        .isEqualTo(natural + 1000);
    assertThat(renders.get()).isEqualTo(2);
  }
}
