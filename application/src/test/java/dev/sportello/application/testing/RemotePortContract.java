package dev.sportello.application.testing;

import static dev.sportello.application.testing.TestData.left;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.RemoteCatalog;
import dev.sportello.application.port.out.RemoteDocuments;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.application.port.out.RemoteRequest;
import dev.sportello.application.port.out.RemoteRequests;
import dev.sportello.application.port.out.RemoteSummary;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.UpstreamId;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the upstream ports must do, whatever is behind it (the fake, a
 * simulator, the real service's test host). A subclass provides the ports, an order upstream
 * accepts, and two powers the ports do not have: moving a request forward and reading its charges.
 */
public abstract class RemotePortContract {
  /** An id that names no request: valid in shape, never handed out. */
  private static final UpstreamId UNKNOWN = new UpstreamId("ffffffffffffffffffffffff");

  private RemoteRequests requests;
  private RemoteDocuments documents;
  private RemoteCatalog catalog;

  /** Creates the upstream for one test; called before each test, before the other methods. */
  protected abstract void startUpstream();

  protected abstract RemoteRequests requests();

  protected abstract RemoteDocuments documents();

  protected abstract RemoteCatalog catalog();

  /** An order for a certificate of the catalogue without a search phase, with valid values. */
  protected abstract RemoteOrder validOrder();

  /** Moves a closed request to a status, as upstream's operators would. */
  protected abstract void moveForward(UpstreamId id, RequestStatus status);

  /** How many times upstream charged the request's document. */
  protected abstract int charges(UpstreamId id);

  @BeforeEach
  void connect() {
    startUpstream();
    requests = requests();
    documents = documents();
    catalog = catalog();
  }

  private UpstreamId draft() {
    return right(requests.createDraft(validOrder())).upstreamId();
  }

  @Test
  void aDraftIsOpenAndNotCharged() {
    RemoteRequest draft = right(requests.createDraft(validOrder()));

    assertThat(draft.closed()).isFalse();
    assertThat(draft.status()).isEqualTo(RequestStatus.ACCEPTED);
    assertThat(charges(draft.upstreamId())).isZero();
  }

  @Test
  void closingADraftChargesItOnce() {
    UpstreamId id = draft();

    RemoteRequest closed = right(requests.close(id));

    assertThat(closed.closed()).isTrue();
    assertThat(closed.upstreamId()).isEqualTo(id);
    assertThat(charges(id)).isEqualTo(1);
  }

  @Test
  void aRepeatedCloseIsAlreadyClosedAndChargesNothingMore() {
    UpstreamId id = draft();
    right(requests.close(id));

    assertThat(left(requests.close(id))).isInstanceOf(RemoteFailure.AlreadyClosed.class);
    assertThat(charges(id)).isEqualTo(1);
  }

  @Test
  void aClosedRequestIsFetchedAndListed() {
    UpstreamId id = draft();
    right(requests.close(id));

    RemoteRequest fetched = right(requests.fetch(id));

    assertThat(fetched.closed()).isTrue();
    assertThat(right(requests.listAll()).map(RemoteSummary::upstreamId)).contains(id);
  }

  @Test
  void anUnknownRequestIsNotFound() {
    assertThat(left(requests.fetch(UNKNOWN))).isInstanceOf(RemoteFailure.NotFound.class);
    assertThat(left(requests.close(UNKNOWN))).isInstanceOf(RemoteFailure.NotFound.class);
  }

  @Test
  void aDocumentIsNotReadyWhileProcessing() {
    UpstreamId id = draft();
    right(requests.close(id));

    assertThat(left(documents.download(id, new ByteArrayOutputStream())))
        .isInstanceOf(RemoteFailure.NotReady.class);
  }

  @Test
  void aFulfilledRequestsDocumentIsDownloaded() {
    UpstreamId id = draft();
    right(requests.close(id));
    moveForward(id, RequestStatus.FULFILLED);
    ByteArrayOutputStream target = new ByteArrayOutputStream();

    right(documents.download(id, target));

    assertThat(target.size()).isPositive();
    assertThat(right(requests.fetch(id)).status()).isEqualTo(RequestStatus.FULFILLED);
  }

  @Test
  void theOrderedCertificateIsInTheCatalogueAndDescribed() {
    var certificateId = validOrder().certificateId();

    assertThat(right(catalog.listCertificates()))
        .anyMatch(entry -> entry.id().equals(certificateId));
    assertThat(right(catalog.describe(certificateId)).id()).isEqualTo(certificateId);
  }
}
