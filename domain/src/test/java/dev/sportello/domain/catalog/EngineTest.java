package dev.sportello.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EngineTest {

  @Test
  void aLowerCaseNameIsAnEngine() {
    assertThat(Engine.parse("docuengine").get().name()).isEqualTo("docuengine");
  }

  @Test
  void aNameWithCapitalsSpacesOrPunctuationIsRefusedWithItsCode() {
    for (String name : new String[] {"DocuEngine", "docu engine", "docu-engine", "", "1engine"}) {
      assertThat(Engine.parse(name).getError().code()).isEqualTo("malformed_engine");
    }
  }

  @Test
  void aNameLongerThanThirtyTwoCharactersIsRefused() {
    assertThat(Engine.parse("e".repeat(33)).isInvalid()).isTrue();
    assertThat(Engine.parse("e".repeat(32)).isValid()).isTrue();
  }

  @Test
  void aMalformedNameCannotBeBuilt() {
    assertThatThrownBy(() -> new Engine("Visengine")).isInstanceOf(IllegalArgumentException.class);
  }
}
