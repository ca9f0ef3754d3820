package dev.sportello.domain.field;

import static dev.sportello.domain.field.Results.rejectionCode;
import static dev.sportello.domain.field.Results.rejectionMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.collection.HashSet;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileFieldTest {
  private static final FieldType FILE = new FieldType.File();
  private static final ValuePolicy POLICY = ValuePolicy.defaults();
  // "%PDF-1.7\n" (9 bytes), "%PDF-1.7\n%" (10 bytes, two = of padding), "%PDF-1.7\n%t" (11, one).
  private static final String PDF_9_BYTES = "JVBERi0xLjcK";
  private static final String PDF_10_BYTES = "JVBERi0xLjcKJQ==";
  private static final String PDF_11_BYTES = "JVBERi0xLjcKJXQ=";
  private static final String PNG = "iVBORw0KGgoAAA==";
  private static final String JPEG = "/9j/4A==";

  private static ValuePolicy limitedTo(long bytes) {
    return new ValuePolicy(bytes, HashSet.of("application/pdf"));
  }

  private static String pdf(String payload) {
    return "delega.pdf|data:application/pdf;base64," + payload;
  }

  @Test
  void a_valid_pdf_is_returned_unchanged_but_trimmed() {
    assertThat(FILE.normalise("  " + pdf(PDF_9_BYTES) + "\n", POLICY))
        .isEqualTo(Either.right(pdf(PDF_9_BYTES)));
  }

  @Test
  void a_valid_png_is_accepted() {
    String value = "pianta.png|data:image/png;base64," + PNG;

    assertThat(FILE.normalise(value, POLICY)).isEqualTo(Either.right(value));
  }

  @Test
  void a_valid_jpeg_is_accepted() {
    String value = "documento.jpg|data:image/jpeg;base64," + JPEG;

    assertThat(FILE.normalise(value, POLICY)).isEqualTo(Either.right(value));
  }

  @Test
  void the_type_and_encoding_are_read_case_insensitively() {
    String value = "DOC.PDF|DATA:Application/PDF;BASE64," + PDF_9_BYTES;

    assertThat(FILE.normalise(value, POLICY)).isEqualTo(Either.right(value));
  }

  @Test
  void a_type_without_a_known_signature_is_taken_on_trust() {
    ValuePolicy policy = new ValuePolicy(100, HashSet.of("text/plain"));
    String value = "nota.txt|data:text/plain;base64,aGVsbG8=";

    assertThat(FILE.normalise(value, policy)).isEqualTo(Either.right(value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "delega.pdf",
        "delega.pdf data:application/pdf;base64,JVBERi0xLjcK",
        "delega.pdf|application/pdf;base64,JVBERi0xLjcK",
        "delega.pdf|dat:application/pdf;base64,JVBERi0xLjcK",
        "delega.pdf|data:application/pdf;base64",
        "delega.pdf|data:application/pdf,JVBERi0xLjcK",
        "delega.pdf|data:application/pdf;utf8,JVBERi0xLjcK",
        "delega.pdf|data:"
      })
  void a_value_that_is_not_name_bar_base64_data_url_is_refused(String value) {
    assertThat(rejectionCode(FILE.normalise(value, POLICY))).isEqualTo("file.format");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "|data:application/pdf;base64,JVBERi0xLjcK",
        "   |data:application/pdf;base64,JVBERi0xLjcK",
        "doc/delega.pdf|data:application/pdf;base64,JVBERi0xLjcK",
        "doc\\delega.pdf|data:application/pdf;base64,JVBERi0xLjcK",
        "/delega.pdf|data:application/pdf;base64,JVBERi0xLjcK",
        "\\delega.pdf|data:application/pdf;base64,JVBERi0xLjcK",
        "dele\u0000ga.pdf|data:application/pdf;base64,JVBERi0xLjcK"
      })
  void a_missing_or_unsafe_file_name_is_refused(String value) {
    assertThat(rejectionCode(FILE.normalise(value, POLICY))).isEqualTo("file.name");
  }

  @Test
  void a_file_name_of_255_characters_is_accepted() {
    String value = "a".repeat(InlineFile.MAX_NAME_LENGTH) + "|" + pdf(PDF_9_BYTES).substring(11);

    assertThat(FILE.normalise(value, POLICY)).isEqualTo(Either.right(value));
  }

  @Test
  void a_file_name_of_256_characters_is_refused() {
    String value =
        "a".repeat(InlineFile.MAX_NAME_LENGTH + 1) + "|" + pdf(PDF_9_BYTES).substring(11);

    assertThat(rejectionCode(FILE.normalise(value, POLICY))).isEqualTo("file.name");
  }

  @Test
  void a_type_outside_the_policy_is_refused_and_the_accepted_ones_are_listed() {
    Either<Rejection, String> result =
        FILE.normalise("foto.gif|data:image/gif;base64,R0lGODlh", POLICY);

    assertThat(rejectionCode(result)).isEqualTo("file.type");
    assertThat(rejectionMessage(result))
        .endsWith("application/pdf, image/jpeg, image/png")
        .doesNotContain("foto");
  }

  @Test
  void an_empty_type_is_refused() {
    assertThat(rejectionCode(FILE.normalise("x.pdf|data:;base64,JVBERi0xLjcK", POLICY)))
        .isEqualTo("file.type");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "JVBERi0xLjc",
        "JVBERi0xLjcK=",
        "JVBER*0xLjcK",
        "JVB Ri0xLjcK",
        "JVBERi0xLj\nKJQ==",
        "JV=ERi0xLjcK",
        "JVBERi0x-jcK",
        "JVBERi0x_jcK",
        "J===",
        "===="
      })
  void a_payload_that_is_not_standard_base64_is_refused(String payload) {
    assertThat(rejectionCode(FILE.normalise(pdf(payload), POLICY))).isEqualTo("file.base64");
  }

  @Test
  void every_character_of_the_standard_alphabet_is_accepted() {
    ValuePolicy policy = new ValuePolicy(100, HashSet.of("text/plain"));
    String value = "x.txt|data:text/plain;base64,AZaz09+/";

    assertThat(FILE.normalise(value, policy)).isEqualTo(Either.right(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"@AAA", "[AAA", "`AAA", "{AAA", "/AA:", "AAA,"})
  void the_characters_next_to_the_alphabet_are_refused(String payload) {
    ValuePolicy policy = new ValuePolicy(100, HashSet.of("text/plain"));

    assertThat(rejectionCode(FILE.normalise("x.txt|data:text/plain;base64," + payload, policy)))
        .isEqualTo("file.base64");
  }

  @Test
  void an_empty_payload_is_refused() {
    assertThat(rejectionCode(FILE.normalise(pdf(""), POLICY))).isEqualTo("file.empty");
  }

  @Test
  void a_file_of_exactly_the_size_limit_is_accepted() {
    assertThat(FILE.normalise(pdf(PDF_9_BYTES), limitedTo(9)).isRight()).isTrue();
  }

  @Test
  void a_file_one_byte_over_the_size_limit_is_refused() {
    assertThat(rejectionCode(FILE.normalise(pdf(PDF_10_BYTES), limitedTo(9))))
        .isEqualTo("file.too_large");
  }

  @Test
  void two_padding_characters_count_as_two_missing_bytes() {
    assertThat(FILE.normalise(pdf(PDF_10_BYTES), limitedTo(10)).isRight()).isTrue();
  }

  @Test
  void one_padding_character_counts_as_one_missing_byte() {
    assertThat(FILE.normalise(pdf(PDF_11_BYTES), limitedTo(11)).isRight()).isTrue();
    assertThat(rejectionCode(FILE.normalise(pdf(PDF_11_BYTES), limitedTo(10))))
        .isEqualTo("file.too_large");
  }

  @Test
  void the_size_message_states_the_limit() {
    assertThat(rejectionMessage(FILE.normalise(pdf(PDF_10_BYTES), limitedTo(9)))).contains("9");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UEsDBA==", "JVBEWA==", "JVBE", PNG})
  void a_pdf_whose_content_is_not_a_pdf_is_refused(String payload) {
    assertThat(rejectionCode(FILE.normalise(pdf(payload), POLICY))).isEqualTo("file.content");
  }

  @ParameterizedTest
  @ValueSource(strings = {"iVBORw0K", "iVBORw0KGgsAAA==", PDF_9_BYTES})
  void a_png_whose_content_is_not_a_png_is_refused(String payload) {
    assertThat(rejectionCode(FILE.normalise("x.png|data:image/png;base64," + payload, POLICY)))
        .isEqualTo("file.content");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/9j+4A==", PDF_9_BYTES})
  void a_jpeg_whose_content_is_not_a_jpeg_is_refused(String payload) {
    assertThat(rejectionCode(FILE.normalise("x.jpg|data:IMAGE/JPEG;base64," + payload, POLICY)))
        .isEqualTo("file.content");
  }
}
