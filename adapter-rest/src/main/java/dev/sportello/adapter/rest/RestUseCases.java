package dev.sportello.adapter.rest;

import dev.sportello.application.port.in.AddSearchUseCase;
import dev.sportello.application.port.in.BrowseCatalogUseCase;
import dev.sportello.application.port.in.CancelRequestUseCase;
import dev.sportello.application.port.in.DescribeCertificateUseCase;
import dev.sportello.application.port.in.GetRequestUseCase;
import dev.sportello.application.port.in.HandleNotificationUseCase;
import dev.sportello.application.port.in.ListRequestsUseCase;
import dev.sportello.application.port.in.RefreshRequestUseCase;
import dev.sportello.application.port.in.RetrieveDocumentUseCase;
import dev.sportello.application.port.in.SelectCandidateUseCase;
import dev.sportello.application.port.in.SubmitRequestUseCase;
import dev.sportello.application.port.in.ValidateSubmissionUseCase;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the REST adapter drives: the inbound ports, plus the probes and the metrics text that the
 * composition root provides.
 *
 * @param browseCatalog {@code GET /certificates}
 * @param describeCertificate {@code GET /certificates/{id}}
 * @param validateSubmission {@code POST /certificates/{id}/validation}
 * @param submitRequest {@code POST /requests}
 * @param getRequest {@code GET /requests/{id}}
 * @param listRequests {@code GET /requests}
 * @param addSearch {@code POST /requests/{id}/searches}
 * @param selectCandidate {@code POST /requests/{id}/selection}
 * @param cancelRequest {@code POST /requests/{id}/cancellation}
 * @param refreshRequest {@code POST /requests/{id}/refresh}
 * @param retrieveDocument {@code GET /requests/{id}/document} and its files
 * @param handleNotification {@code POST /webhooks/visengine/{token}}
 * @param storeHealth whether the store is reachable, for {@code GET /health/ready}
 * @param upstreamHealth whether upstream is reachable, for {@code GET /health/ready}
 * @param metrics the metrics in the Prometheus text format, for {@code GET /metrics}
 */
public record RestUseCases(
    BrowseCatalogUseCase browseCatalog,
    DescribeCertificateUseCase describeCertificate,
    ValidateSubmissionUseCase validateSubmission,
    SubmitRequestUseCase submitRequest,
    GetRequestUseCase getRequest,
    ListRequestsUseCase listRequests,
    AddSearchUseCase addSearch,
    SelectCandidateUseCase selectCandidate,
    CancelRequestUseCase cancelRequest,
    RefreshRequestUseCase refreshRequest,
    RetrieveDocumentUseCase retrieveDocument,
    HandleNotificationUseCase handleNotification,
    HealthProbe storeHealth,
    HealthProbe upstreamHealth,
    Supplier<String> metrics) {

  public RestUseCases {
    Objects.requireNonNull(browseCatalog, "browseCatalog");
    Objects.requireNonNull(describeCertificate, "describeCertificate");
    Objects.requireNonNull(validateSubmission, "validateSubmission");
    Objects.requireNonNull(submitRequest, "submitRequest");
    Objects.requireNonNull(getRequest, "getRequest");
    Objects.requireNonNull(listRequests, "listRequests");
    Objects.requireNonNull(addSearch, "addSearch");
    Objects.requireNonNull(selectCandidate, "selectCandidate");
    Objects.requireNonNull(cancelRequest, "cancelRequest");
    Objects.requireNonNull(refreshRequest, "refreshRequest");
    Objects.requireNonNull(retrieveDocument, "retrieveDocument");
    Objects.requireNonNull(handleNotification, "handleNotification");
    Objects.requireNonNull(storeHealth, "storeHealth");
    Objects.requireNonNull(upstreamHealth, "upstreamHealth");
    Objects.requireNonNull(metrics, "metrics");
  }
}
