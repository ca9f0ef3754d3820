package dev.sportello.adapter.console;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in person's session, kept on the server: the cookie holds only its id.
 *
 * @param id the random id its cookie carries
 * @param caller the caller the API key identified; the key itself is never kept
 * @param csrfToken what every form posted in this session must carry
 * @param lastSeen when its person last asked for anything
 */
record Session(String id, String caller, String csrfToken, Instant lastSeen) {
  Session {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(csrfToken, "csrfToken");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }

  Session seenAt(Instant now) {
    return new Session(id, caller, csrfToken, now);
  }

  /** Leaves out the id and the token. */
  @Override
  public String toString() {
    return "Session[lastSeen=" + lastSeen + "]";
  }
}
