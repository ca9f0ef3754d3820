package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

class SubmissionFileTest {

  @Test
  void valuesAndExtrasAreReadInOrder() {
    SubmissionFile file =
        SubmissionFile.read(
                "{\"values\": {\"$1\": \"Rossi\", \"$0\": \"Mario\",}, \"extras\": [\"opzione_0\"]}")
            .get();

    assertThat(file.values()).isEqualTo(LinkedHashMap.of("$1", "Rossi", "$0", "Mario"));
    assertThat(file.extras()).isEqualTo(List.of("opzione_0"));
  }

  @Test
  void numbersReadAsTextAndNullAsEmpty() {
    SubmissionFile file = SubmissionFile.read("{\"values\": {\"$0\": 1985, \"$1\": null}}").get();

    assertThat(file.values()).isEqualTo(LinkedHashMap.of("$0", "1985", "$1", ""));
    assertThat(file.extras()).isEmpty();
  }

  @Test
  void anEmptyObjectIsAnEmptySubmission() {
    SubmissionFile file = SubmissionFile.read("{}").get();

    assertThat(file.values()).isEmpty();
    assertThat(file.extras()).isEmpty();
  }

  @Test
  void valuesThatAreNotAnObjectAreRefused() {
    assertThat(SubmissionFile.read("{\"values\": [\"Mario\"]}").getLeft())
        .isEqualTo("values should be an object");
  }

  @Test
  void aValueThatIsNotTextIsRefused() {
    assertThat(SubmissionFile.read("{\"values\": {\"$0\": {}}}").getLeft())
        .isEqualTo("values.$0 should be text");
  }

  @Test
  void extrasThatAreNotAListOfKeysAreRefused() {
    assertThat(SubmissionFile.read("{\"extras\": \"opzione_0\"}").getLeft())
        .isEqualTo("extras should be a list");
    assertThat(SubmissionFile.read("{\"extras\": [0]}").getLeft())
        .isEqualTo("extras should list extras by key");
  }
}
