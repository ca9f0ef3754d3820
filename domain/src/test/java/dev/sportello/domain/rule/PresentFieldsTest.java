package dev.sportello.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PresentFieldsTest {

  @Test
  void aBuiltSetHoldsTheFieldsAddedBeforeIt() {
    PresentFields present = PresentFields.builder(70).add(3).add(65).build();

    assertThat(present.contains(3)).isTrue();
    assertThat(present.contains(65)).isTrue();
    assertThat(present.contains(4)).isFalse();
  }

  @Test
  void aBuiltSetIsNotChangedByLaterAdditionsToItsBuilder() {
    PresentFields.Builder builder = PresentFields.builder(8).add(1);
    PresentFields first = builder.build();

    builder.add(2);

    assertThat(first.contains(2)).isFalse();
    assertThat(builder.build().contains(2)).isTrue();
  }

  @Test
  void aFieldOutsideTheFormIsRefused() {
    assertThatThrownBy(() -> PresentFields.builder(8).add(8))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
