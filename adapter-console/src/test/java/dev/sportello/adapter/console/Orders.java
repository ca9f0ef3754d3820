package dev.sportello.adapter.console;

import static dev.sportello.application.testing.TestData.right;

import dev.sportello.application.port.in.RequestQuery;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.SearchCandidate;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Requests placed and moved on through the application's use cases and its simulated upstream. */
final class Orders {
  static final Certificate PLAIN =
      TestData.certificate("Certificato di residenza", "Anagrafe", false);
  static final Certificate SEARCHED = TestData.certificate("Visura catastale", "Catasto", true);

  private final TestApplication app;
  private final AtomicInteger keys = new AtomicInteger();

  Orders(TestApplication app) {
    this.app = app;
    app.visengine().register(PLAIN).register(SEARCHED);
  }

  /** A request of the caller's, sent upstream. */
  CertificateRequest place(String caller, Certificate certificate) {
    return right(
        app.useCases()
            .submitRequest()
            .submit(TestData.order(certificate, caller, "key-" + keys.incrementAndGet(), "Mario")));
  }

  CertificateRequest read(CertificateRequest request) {
    return right(
        app.useCases().getRequest().get(new RequestQuery(request.caller(), request.id().value())));
  }

  /** Moves the request upstream, and lets a sync cycle a moment later bring the change home. */
  CertificateRequest advance(CertificateRequest request, RequestStatus status) {
    app.visengine().advance(upstreamId(request), status);
    return synchronised(request);
  }

  /** Ends the request with its document, a ZIP archive holding the given files. */
  CertificateRequest fulfil(CertificateRequest request, java.util.Map<String, String> files) {
    app.visengine().attachDocument(upstreamId(request), zip(files));
    return advance(request, RequestStatus.FULFILLED);
  }

  /** Completes the request's search with candidates in two towns. */
  CertificateRequest offerCandidates(CertificateRequest request) {
    app.visengine()
        .completeSearch(
            upstreamId(request),
            List.of(
                new SearchCandidate(0, TreeMap.of("Indirizzo.Comune", "Roma")),
                new SearchCandidate(1, TreeMap.of("Indirizzo.Comune", "Milano"))));
    return synchronised(request);
  }

  private CertificateRequest synchronised(CertificateRequest request) {
    app.clock().advance(Duration.ofMinutes(1));
    right(app.useCases().synchronise().synchronise());
    return read(request);
  }

  private UpstreamId upstreamId(CertificateRequest request) {
    return read(request).upstreamId().getOrElseThrow(() -> new AssertionError("not sent"));
  }

  static byte[] zip(java.util.Map<String, String> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return bytes.toByteArray();
  }
}
