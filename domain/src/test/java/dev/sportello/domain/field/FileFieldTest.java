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
  void aValidPdfIsReturnedUnchangedButTrimmed() {
    assertThat(FILE.normalise("  " + pdf(PDF_9_BYTES) + "\n", POLICY))
        .isEqualTo(Either.right(pdf(PDF_9_BYTES)));
  }

  @Test
  void aValidPngIsAccepted() {
    String value = "pianta.png|data:image/png;base64," + PNG;

    assertThat(FILE.normalise(value, POLICY)).isEqualTo(Either.right(value));
  }

  @Test
  void aValidJpegIsAccepted() {
    String value = "documento.jpg|data:image/jpeg;base64," + JPEG;

    assertThat(FILE.normalise(value, POLICY)).isEqualTo(Either.right(value));
  }

  @Test
  void theTypeAndEncodingAreReadCaseInsensitively() {
    String value = "DOC.PDF|DATA:Application/PDF;BASE64," + PDF_9_BYTES;

    assertThat(FILE.normalise(value, POLICY)).isEqualTo(Either.right(value));
  }

  @Test
  void aTypeWithoutAKnownSignatureIsTakenOnTrust() {
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
  void aValueThatIsNotNameBarBase64DataUrlIsRefused(String value) {
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
  void aMissingOrUnsafeFileNameIsRefused(String value) {
    assertThat(rejectionCode(FILE.normalise(value, POLICY))).isEqualTo("file.name");
  }

  @Test
  void aFileNameOf255CharactersIsAccepted() {
    String value = "a".repeat(InlineFile.MAX_NAME_LENGTH) + "|" + pdf(PDF_9_BYTES).substring(11);

    assertThat(FILE.normalise(value, POLICY)).isEqualTo(Either.right(value));
  }

  @Test
  void aFileNameOf256CharactersIsRefused() {
    String value =
        "a".repeat(InlineFile.MAX_NAME_LENGTH + 1) + "|" + pdf(PDF_9_BYTES).substring(11);

    assertThat(rejectionCode(FILE.normalise(value, POLICY))).isEqualTo("file.name");
  }

  @Test
  void aTypeOutsideThePolicyIsRefusedAndTheAcceptedOnesAreListed() {
    Either<Rejection, String> result =
        FILE.normalise("foto.gif|data:image/gif;base64,R0lGODlh", POLICY);

    assertThat(rejectionCode(result)).isEqualTo("file.type");
    assertThat(rejectionMessage(result))
        .endsWith("application/pdf, image/jpeg, image/png")
        .doesNotContain("foto");
  }

  @Test
  void anEmptyTypeIsRefused() {
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
  void aPayloadThatIsNotStandardBase64IsRefused(String payload) {
    assertThat(rejectionCode(FILE.normalise(pdf(payload), POLICY))).isEqualTo("file.base64");
  }

  @Test
  void everyCharacterOfTheStandardAlphabetIsAccepted() {
    ValuePolicy policy = new ValuePolicy(100, HashSet.of("text/plain"));
    String value = "x.txt|data:text/plain;base64,AZaz09+/";

    assertThat(FILE.normalise(value, policy)).isEqualTo(Either.right(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"@AAA", "[AAA", "`AAA", "{AAA", "/AA:", "AAA,"})
  void theCharactersNextToTheAlphabetAreRefused(String payload) {
    ValuePolicy policy = new ValuePolicy(100, HashSet.of("text/plain"));

    assertThat(rejectionCode(FILE.normalise("x.txt|data:text/plain;base64," + payload, policy)))
        .isEqualTo("file.base64");
  }

  @Test
  void anEmptyPayloadIsRefused() {
    assertThat(rejectionCode(FILE.normalise(pdf(""), POLICY))).isEqualTo("file.empty");
  }

  @Test
  void aFileOfExactlyTheSizeLimitIsAccepted() {
    assertThat(FILE.normalise(pdf(PDF_9_BYTES), limitedTo(9)).isRight()).isTrue();
  }

  @Test
  void aFileOneByteOverTheSizeLimitIsRefused() {
    assertThat(rejectionCode(FILE.normalise(pdf(PDF_10_BYTES), limitedTo(9))))
        .isEqualTo("file.too_large");
  }

  @Test
  void twoPaddingCharactersCountAsTwoMissingBytes() {
    assertThat(FILE.normalise(pdf(PDF_10_BYTES), limitedTo(10)).isRight()).isTrue();
  }

  @Test
  void onePaddingCharacterCountsAsOneMissingByte() {
    assertThat(FILE.normalise(pdf(PDF_11_BYTES), limitedTo(11)).isRight()).isTrue();
    assertThat(rejectionCode(FILE.normalise(pdf(PDF_11_BYTES), limitedTo(10))))
        .isEqualTo("file.too_large");
  }

  @Test
  void theSizeMessageStatesTheLimit() {
    assertThat(rejectionMessage(FILE.normalise(pdf(PDF_10_BYTES), limitedTo(9)))).contains("9");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UEsDBA==", "JVBEWA==", "JVBE", PNG})
  void aPdfWhoseContentIsNotAPdfIsRefused(String payload) {
    assertThat(rejectionCode(FILE.normalise(pdf(payload), POLICY))).isEqualTo("file.content");
  }

  @ParameterizedTest
  @ValueSource(strings = {"iVBORw0K", "iVBORw0KGgsAAA==", PDF_9_BYTES})
  void aPngWhoseContentIsNotAPngIsRefused(String payload) {
    assertThat(rejectionCode(FILE.normalise("x.png|data:image/png;base64," + payload, POLICY)))
        .isEqualTo("file.content");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/9j+4A==", PDF_9_BYTES})
  void aJpegWhoseContentIsNotAJpegIsRefused(String payload) {
    assertThat(rejectionCode(FILE.normalise("x.jpg|data:IMAGE/JPEG;base64," + payload, POLICY)))
        .isEqualTo("file.content");
  }
}
