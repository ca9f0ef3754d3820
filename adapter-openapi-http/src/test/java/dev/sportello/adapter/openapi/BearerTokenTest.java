package dev.sportello.adapter.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

  @Test
  void aFixedTokenIsNeverBlank() {
    assertThat(BearerToken.fixed("t0ken").current()).isEqualTo(Either.right("t0ken"));
    assertThatThrownBy(() -> BearerToken.fixed(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRefusedFixedTokenHasNoReplacement() {
    assertThat(BearerToken.fixed("t0ken").refused("t0ken")).isFalse();
  }

  @Test
  void aRefusedSuppliedTokenIsReplacedWhenTheSupplierHasAnotherOne() {
    AtomicReference<String> secret = new AtomicReference<>("old-t0ken");
    BearerToken token = BearerToken.supplied(secret::get);

    assertThat(token.refused("old-t0ken")).isFalse();
    secret.set("new-t0ken");
    assertThat(token.refused("old-t0ken")).isTrue();
    assertThat(token.current()).isEqualTo(Either.right("new-t0ken"));
  }

  @Test
  void aSupplierThatGivesNothingOrFailsSaysWhyWithoutATokenToSend() {
    assertThat(BearerToken.supplied(() -> " ").current().getLeft()).contains("no token");
    assertThat(
            BearerToken.supplied(
                    () -> {
                      throw new IllegalStateException("vault sealed");
                    })
                .current()
                .getLeft())
        .contains("IllegalStateException");
  }

  @Test
  void aTokenIsNeverShown() {
    assertThat(BearerToken.fixed("s3cr3t-t0ken").toString()).doesNotContain("s3cr3t-t0ken");
  }
}
