package dev.sportello.application.port.out;

import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.List;
import io.vavr.collection.SortedMap;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * What is sent upstream to order a certificate.
 *
 * @param certificateId the certificate
 * @param values the normalised values by key
 * @param extraKeys the chosen extras ({@code opzione_0} …)
 * @param notifyEmail where upstream also mails the document, when wanted
 * @param callback where upstream notifies status changes, when wanted
 */
public record RemoteOrder(
    CertificateId certificateId,
    SortedMap<FieldKey, String> values,
    List<String> extraKeys,
    Option<String> notifyEmail,
    Option<Callback> callback) {

  /** Checks that every component is given. */
  public RemoteOrder {
    Objects.requireNonNull(certificateId, "certificateId");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(extraKeys, "extraKeys");
    Objects.requireNonNull(notifyEmail, "notifyEmail");
    Objects.requireNonNull(callback, "callback");
  }

  /**
   * A webhook for status changes.
   *
   * @param url our webhook for the engine, without the token
   * @param token the unguessable per-request token that names the request to us; each engine's
   *     adapter carries it where that engine lets it: a path segment, or a custom header where the
   *     engine sends one
   * @param reference an opaque value echoed back with each notification (our request id)
   */
  public record Callback(String url, String token, String reference) {
    /** Checks that every component is given. */
    public Callback {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(reference, "reference");
    }

    @Override
    public String toString() {
      return "Callback[url=" + url + "]";
    }
  }

  @Override
  public String toString() {
    return "RemoteOrder[certificateId="
        + certificateId
        + ", keys="
        + values.keySet().mkString(",")
        + "]";
  }
}
