package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The V4-style signature covers the host a URL was signed for, not only its path and query. */
class SignedStorageTest {

  private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
  private final SignedStorage storage = new SignedStorage(new Random(7));

  private static String rawQuery(String url) {
    return URI.create(url).getRawQuery();
  }

  @Test
  void aUrlIsAcceptedOnTheHostItWasSignedFor() {
    String url = storage.sign("http", "127.0.0.1:9000", "a_0.pdf", NOW).url();

    assertThat(storage.refusal("a_0.pdf", rawQuery(url), "127.0.0.1:9000", false, NOW)).isEmpty();
  }

  @Test
  void aUrlPresentedToAnotherHostIsRefused() {
    String url = storage.sign("http", "127.0.0.1:9000", "a_0.pdf", NOW).url();

    assertThat(storage.refusal("a_0.pdf", rawQuery(url), "127.0.0.1:9001", false, NOW))
        .hasValueSatisfying(
            refusal -> assertThat(refusal.code()).isEqualTo("SignatureDoesNotMatch"));
  }

  @Test
  void aCredentialSentUnencodedCanonicalisesAsTheSigned() {
    String url = storage.sign("http", "127.0.0.1:9000", "a_0.pdf", NOW).url();

    assertThat(
            storage.refusal(
                "a_0.pdf", rawQuery(url).replace("%40", "@"), "127.0.0.1:9000", false, NOW))
        .isEmpty();
  }
}
