package dev.sportello.application.testing;

import dev.sportello.application.port.out.RemoteCatalog;
import dev.sportello.application.port.out.RemoteDocuments;
import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.application.port.out.RemoteRequests;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;

class FakeVisengineTest extends RemotePortContract {
  private static final Certificate CERTIFICATE = TestData.certificate();

  private FakeVisengine visengine = new FakeVisengine(MutableClock.atTestEpoch());

  @Override
  protected void startUpstream() {
    visengine = new FakeVisengine(MutableClock.atTestEpoch()).register(CERTIFICATE);
  }

  @Override
  protected RemoteRequests requests() {
    return visengine;
  }

  @Override
  protected RemoteDocuments documents() {
    return visengine;
  }

  @Override
  protected RemoteCatalog catalog() {
    return visengine;
  }

  @Override
  protected RemoteOrder validOrder() {
    return new RemoteOrder(
        CERTIFICATE.id(),
        TreeMap.of(new FieldKey("$0"), "x"),
        List.empty(),
        Option.none(),
        Option.none());
  }

  @Override
  protected void moveForward(UpstreamId id, RequestStatus status) {
    visengine.advance(id, status);
  }

  @Override
  protected int charges(UpstreamId id) {
    return visengine.charges(id);
  }
}
