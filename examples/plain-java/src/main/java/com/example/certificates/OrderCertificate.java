package com.example.certificates;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sportello.adapter.micrometer.MicrometerAdapter;
import dev.sportello.adapter.micrometer.MicrometerSettings;
import dev.sportello.adapter.persistence.PersistenceAdapter;
import dev.sportello.adapter.persistence.PersistenceSettings;
import dev.sportello.adapter.visengine.VisengineAdapter;
import dev.sportello.adapter.visengine.VisengineSettings;
import dev.sportello.application.port.in.SubmissionInput;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.RequestIds;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.Upstream;
import dev.sportello.application.service.ApplicationPorts;
import dev.sportello.application.service.ApplicationSettings;
import dev.sportello.application.service.UseCases;
import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.RequestStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Orders a residence certificate through Visengine (or its sandbox), waits for it and saves it.
 *
 * <p>Usage: {@code OrderCertificate <data directory> <output file>}, with {@code VISENGINE_URL},
 * {@code VISENGINE_TOKEN} and {@code NOTIFICATION_SECRET} in the environment.
 */
public final class OrderCertificate {
  private OrderCertificate() {}

  /**
   * What the program needs.
   *
   * @param visengineUrl Visengine's root, or a sandbox's
   * @param visengineToken the bearer token Visengine is called with
   * @param notificationSecret makes the address each request gives Visengine for its notifications
   *     unguessable (a MAC of the request's id): keep it secret, and keep it from one run to the
   *     next, or the addresses handed out before stop naming their requests
   * @param dataDirectory where the store and the documents are kept
   * @param output where the certificate is saved
   * @param syncEvery how long the scheduler waits before the first sync cycle and between two
   */
  public record Settings(
      URI visengineUrl,
      String visengineToken,
      String notificationSecret,
      Path dataDirectory,
      Path output,
      Duration syncEvery) {}

  /** Runs the program with its settings from the environment and the arguments. */
  public static void main(String[] args) throws IOException, InterruptedException {
    HashMap<String, String> environment = HashMap.ofAll(System.getenv());
    List<String> needed = List.of("VISENGINE_URL", "VISENGINE_TOKEN", "NOTIFICATION_SECRET");
    if (args.length != 2
        || !needed.forAll(environment::containsKey)
        || environment.getOrElse("NOTIFICATION_SECRET", "").length() < 32) {
      System.err.println(
          "usage: OrderCertificate <data directory> <output file>, with "
              + needed.mkString(", ")
              + " set (the secret of at least 32 characters)");
      System.exit(2);
    }
    Settings settings =
        new Settings(
            URI.create(environment.getOrElse("VISENGINE_URL", "")),
            environment.getOrElse("VISENGINE_TOKEN", ""),
            environment.getOrElse("NOTIFICATION_SECRET", ""),
            Path.of(args[0]),
            Path.of(args[1]),
            Duration.ofSeconds(30));
    System.exit(run(settings, System.out));
  }

  /** Wires Sportello, orders, waits and saves; 0 when the certificate was saved. */
  public static int run(Settings settings, PrintStream out)
      throws IOException, InterruptedException {
    Either<StorageFailure, PersistenceAdapter> opened =
        PersistenceAdapter.create(PersistenceSettings.embedded(settings.dataDirectory()));
    if (opened.isLeft()) {
      out.println("cannot open the store: " + opened.getLeft().message());
      return 1;
    }
    try (PersistenceAdapter persistence = opened.get();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        ExecutorService notifying = Executors.newVirtualThreadPerTaskExecutor()) {
      Either<StorageFailure, Integer> migrated = persistence.migrate();
      if (migrated.isLeft()) {
        out.println("cannot migrate the store: " + migrated.getLeft().message());
        return 1;
      }
      // Upstream's notifications arrive here. This endpoint listens on loopback, which a sandbox on
      // this machine reaches; Visengine itself needs a public address that forwards to it.
      HttpServer notifications =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      UseCases useCases =
          wire(
              settings,
              persistence,
              "http://127.0.0.1:" + notifications.getAddress().getPort() + "/webhooks");
      notifications.createContext("/webhooks/visengine/", exchange -> notified(useCases, exchange));
      notifications.setExecutor(notifying);
      notifications.start();

      // Nobody else runs the sync cycle: it sends what is not closed upstream yet, lists upstream's
      // requests in one call and re-reads those that changed, catching what no notification said.
      long every = settings.syncEvery().toMillis();
      ScheduledFuture<?> syncCycles =
          scheduler.scheduleWithFixedDelay(
              () -> synchronise(useCases, out), every, every, TimeUnit.MILLISECONDS);
      try {
        return orderAndSave(
            new CertificateDesk(useCases, "payroll", Duration.ofMillis(200)), settings, out);
      } finally {
        syncCycles.cancel(false);
        notifications.stop(0);
      }
    }
  }

  /** The use cases over the real adapters, and our own document store. */
  private static UseCases wire(
      Settings settings, PersistenceAdapter persistence, String webhookBase) {
    MicrometerAdapter metrics =
        MicrometerAdapter.create(MicrometerSettings.of(new SimpleMeterRegistry()));
    return UseCases.create(
        new ApplicationPorts(
            List.of(
                Upstream.of(
                    VisengineAdapter.ENGINE,
                    VisengineAdapter.create(
                        VisengineSettings.of(settings.visengineUrl(), settings.visengineToken())))),
            persistence.requests(),
            persistence.idempotency(),
            persistence.spending(),
            persistence.catalogue(),
            new FolderDocumentStore(settings.dataDirectory().resolve("certificates")),
            metrics, // told of status changes
            metrics, // told of every upstream call
            persistence.syncLock(),
            RequestIds.random(),
            Clock.systemUTC()),
        new ApplicationSettings(
            ValuePolicy.defaults(),
            ApplicationSettings.DEFAULT_CATALOG_TTL,
            Option.some(webhookBase), // each engine notifies <base>/<engine>/<token>
            settings.notificationSecret(),
            100)); // requests per sync batch
  }

  /**
   * A notification is only a hint: its body is never read. The token at the end of the address
   * names a request, which is read again from Visengine, its document fetched once it is ready.
   */
  private static void notified(UseCases useCases, HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Either<UseCaseError, CertificateRequest> handled =
        useCases.handleNotification().handle(path.substring(path.lastIndexOf('/') + 1));
    // 404 for a token that names no request; otherwise 202, also when upstream could not be
    // reached just now: the sync cycle follows up.
    boolean unknown = handled.isLeft() && handled.getLeft() instanceof UseCaseError.NotFound;
    exchange.sendResponseHeaders(unknown ? 404 : 202, -1);
    exchange.close();
  }

  private static int orderAndSave(CertificateDesk desk, Settings settings, PrintStream out)
      throws IOException, InterruptedException {
    Either<UseCaseError, CertificateRequest> ordered =
        desk.order(
            "employee-42-residence", // the same key on a second run: the same request, no charge
            new SubmissionInput(
                "69663cda34a03ef7efc253262baea547", // Certificato di residenza anagrafica
                HashMap.of(
                    "$0", "Mario",
                    "$1", "Rossi",
                    "$2", "1985-12-10",
                    "$3", "G702",
                    "$4", "RSSMRA85T10A562S"),
                List.empty(), // no extras
                Option.some("employee-42"), // our own reference
                Option.none())); // no copy by e-mail
    if (ordered.isLeft()) {
      out.println("not ordered: " + ordered.getLeft().message());
      return 1;
    }
    CertificateRequest request = ordered.get();
    out.println(
        "ordered "
            + request.id().value()
            + " (Visengine's "
            + request.upstreamId().map(id -> id.value()).getOrElse("-")
            + "): "
            + request.status());

    Either<UseCaseError, CertificateRequest> settled =
        desk.awaitSettled(request.id(), Duration.ofMinutes(10));
    if (settled.isLeft() || settled.get().status() != RequestStatus.FULFILLED) {
      out.println("not fulfilled: " + settled.fold(UseCaseError::message, r -> r.status().name()));
      return 1;
    }
    Either<UseCaseError, DocumentRef> saved = desk.saveDocument(request.id(), settings.output());
    if (saved.isLeft()) {
      out.println("not saved: " + saved.getLeft().message());
      return 1;
    }
    out.println(
        "saved "
            + saved.get().name()
            + " ("
            + saved.get().sizeBytes()
            + " bytes) to "
            + settings.output());
    return 0;
  }

  /** One sync cycle. Nothing may escape it: a task that throws is never run again. */
  private static void synchronise(UseCases useCases, PrintStream out) {
    try {
      useCases
          .synchronise()
          .synchronise()
          .peekLeft(failure -> out.println("sync cycle failed: " + failure.message()));
    } catch (RuntimeException bug) {
      out.println("sync cycle failed: " + bug.getClass().getName());
    }
  }
}
