package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

class SubmissionFileTest {

  @Test
  void values_and_extras_are_read_in_order() {
    SubmissionFile file =
        SubmissionFile.read(
                "{\"values\": {\"$1\": \"Rossi\", \"$0\": \"Mario\",}, \"extras\": [\"opzione_0\"]}")
            .get();

    assertThat(file.values()).isEqualTo(LinkedHashMap.of("$1", "Rossi", "$0", "Mario"));
    assertThat(file.extras()).isEqualTo(List.of("opzione_0"));
  }

  @Test
  void numbers_read_as_text_and_null_as_empty() {
    SubmissionFile file = SubmissionFile.read("{\"values\": {\"$0\": 1985, \"$1\": null}}").get();

    assertThat(file.values()).isEqualTo(LinkedHashMap.of("$0", "1985", "$1", ""));
    assertThat(file.extras()).isEmpty();
  }

  @Test
  void an_empty_object_is_an_empty_submission() {
    SubmissionFile file = SubmissionFile.read("{}").get();

    assertThat(file.values()).isEmpty();
    assertThat(file.extras()).isEmpty();
  }

  @Test
  void values_that_are_not_an_object_are_refused() {
    assertThat(SubmissionFile.read("{\"values\": [\"Mario\"]}").getLeft())
        .isEqualTo("values should be an object");
  }

  @Test
  void a_value_that_is_not_text_is_refused() {
    assertThat(SubmissionFile.read("{\"values\": {\"$0\": {}}}").getLeft())
        .isEqualTo("values.$0 should be text");
  }

  @Test
  void extras_that_are_not_a_list_of_keys_are_refused() {
    assertThat(SubmissionFile.read("{\"extras\": \"opzione_0\"}").getLeft())
        .isEqualTo("extras should be a list");
    assertThat(SubmissionFile.read("{\"extras\": [0]}").getLeft())
        .isEqualTo("extras should list extras by key");
  }
}
