package dev.sportello.adapter.console;

import dev.sportello.application.port.in.RequestQuery;
import dev.sportello.application.port.in.RetrieveDocumentUseCase;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.DocumentRef;
import io.vavr.control.Option;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of each stored document as the pages list them, worked out once per document rather
 * than on every view, refused action and live update: a stored document never changes, and
 * unpacking one costs far more than showing its page. The most recently shown listings are kept, up
 * to a bound; one that could not be read this time is tried again on the next view.
 */
final class Listings {
  /** The documents whose listings are kept; each is at most a hundred short names. */
  static final int CAPACITY = 256;

  private final RetrieveDocumentUseCase documents;

  /** By request and document, the least recently shown first; guarded by itself. */
  private final Map<Shown, Archives.Listing> byDocument =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Shown, Archives.Listing> eldest) {
          return size() > CAPACITY;
        }
      };

  private record Shown(String requestId, DocumentRef document) {}

  Listings(RetrieveDocumentUseCase documents) {
    this.documents = documents;
  }

  /** The files of the request's document, when it has one and it could be read. */
  Option<Archives.Listing> of(CertificateRequest request, String caller) {
    return request.document().flatMap(document -> of(request, caller, document));
  }

  private Option<Archives.Listing> of(
      CertificateRequest request, String caller, DocumentRef document) {
    Shown shown = new Shown(request.id().value(), document);
    synchronized (byDocument) {
      Archives.Listing known = byDocument.get(shown);
      if (known != null) {
        return Option.some(known);
      }
    }
    // Unpacked outside the lock, so that other pages are not kept waiting; two first views of the
    // same document may both unpack it, once each.
    Option<Archives.Listing> listed =
        documents
            .retrieve(new RequestQuery(caller, request.id().value()))
            .toOption()
            .flatMap(Archives::list);
    listed.forEach(listing -> {
      synchronized (byDocument) {
        byDocument.put(shown, listing);
      }
    });
    return listed;
  }
}
