package dev.sportello.application.port.out;

import dev.sportello.domain.request.UpstreamId;
import io.vavr.control.Either;
import java.io.OutputStream;

/** Issued documents upstream. */
public interface RemoteDocuments {

  /**
   * Downloads a request's document (a ZIP archive) into the given stream without holding it whole
   * in memory. The stream is not closed.
   *
   * @return the archive's name as upstream calls it
   * @param id the request upstream
   * @param target where the archive's bytes are written
   */
  Either<RemoteFailure, String> download(UpstreamId id, OutputStream target);
}
