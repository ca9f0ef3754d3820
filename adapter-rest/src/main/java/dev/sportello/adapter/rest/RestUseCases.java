package dev.sportello.adapter.rest;

import dev.sportello.application.port.in.AddSearchUseCase;
import dev.sportello.application.port.in.BrowseCatalogUseCase;
import dev.sportello.application.port.in.CancelRequestUseCase;
import dev.sportello.application.port.in.DescribeCertificateUseCase;
import dev.sportello.application.port.in.GetRequestUseCase;
import dev.sportello.application.port.in.GetSpendingUseCase;
import dev.sportello.application.port.in.HandleNotificationUseCase;
import dev.sportello.application.port.in.ListRequestsUseCase;
import dev.sportello.application.port.in.RefreshRequestUseCase;
import dev.sportello.application.port.in.RetrieveDocumentUseCase;
import dev.sportello.application.port.in.SelectCandidateUseCase;
import dev.sportello.application.port.in.SubmitRequestUseCase;
import dev.sportello.application.port.in.ValidateSubmissionUseCase;
import dev.sportello.application.service.UseCases;

/**
 * The inbound ports the routes drive, one by one, so that tests can stand in for any of them.
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
 * @param handleNotification {@code POST /webhooks/visengine/{token}} and {@code POST
 *     /webhooks/docuengine}
 * @param getSpending {@code GET /spending}
 */
record RestUseCases(
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
    GetSpendingUseCase getSpending) {

  static RestUseCases of(UseCases useCases) {
    return new RestUseCases(
        useCases.browseCatalog(),
        useCases.describeCertificate(),
        useCases.validateSubmission(),
        useCases.submitRequest(),
        useCases.getRequest(),
        useCases.listRequests(),
        useCases.addSearch(),
        useCases.selectCandidate(),
        useCases.cancelRequest(),
        useCases.refreshRequest(),
        useCases.retrieveDocument(),
        useCases.handleNotification(),
        useCases.getSpending());
  }
}
