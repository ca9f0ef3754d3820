package dev.sportello.application.service;

import static dev.sportello.application.testing.TestData.right;

import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;

/**
 * Arranges requests that already exist upstream and are stored in step with it, without going
 * through the use cases (and without the upstream calls being counted).
 */
final class Upstream {
  private Upstream() {}

  /** A request closed upstream and stored as upstream last showed it. */
  static CertificateRequest open(
      TestApplication app, String id, String caller, Certificate certificate) {
    var visengine = app.visengine().register(certificate);
    UpstreamId upstreamId =
        right(
                visengine.createDraft(
                    new RemoteOrder(
                        certificate.id(),
                        TreeMap.of(new FieldKey("$0"), "x"),
                        List.empty(),
                        Option.none(),
                        Option.none())))
            .upstreamId();
    var closed = right(visengine.close(upstreamId));
    CertificateRequest request =
        right(
                TestData.closed(
                        TestData.accepted(id, caller, certificate, app.clock().instant()),
                        upstreamId,
                        closed.status(),
                        app.clock().instant())
                    .withSearches(closed.searches(), app.clock().instant()))
            .withUpstreamUpdatedAt(closed.lastUpdate());
    return right(app.repository().insert(request)).value();
  }

  /** The stored request, read again. */
  static CertificateRequest stored(TestApplication app, CertificateRequest request) {
    return right(app.repository().find(request.id())).get().value();
  }

  static UpstreamId upstreamId(CertificateRequest request) {
    return request.upstreamId().get();
  }

  static RequestStatus status(TestApplication app, CertificateRequest request) {
    return stored(app, request).status();
  }
}
