package dev.sportello.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialJsonTest {

  @Test
  void aCredentialIsShownWithoutItsSecret() {
    Json.CredentialJson credential =
        new Json.CredentialJson(
            "tok-0123456789abcdef",
            "Sportello",
            List.of("GET:test.visengine2.altravia.com/visure"),
            Instant.parse("2026-04-01T10:15:30Z"));

    assertThat(credential.toString())
        .contains("Sportello", "2026-04-01T10:15:30Z")
        .doesNotContain("tok-0123456789abcdef");
  }
}
