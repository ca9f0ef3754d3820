package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateDetailsTest {

  private static String described() {
    return Json.MAPPER.writeValueAsString(Views.CertificateDetail.of(Fixtures.description()));
  }

  @Test
  void aDescriptionReadsBackAsTheCertificateItDescribes() {
    Certificate read = RestAdapter.readCertificate(described()).get().get();

    assertThat(read).isEqualTo(Fixtures.certificate());
  }

  @Test
  void membersAddedByLaterVersionsAreIgnored() {
    String json = described().replaceFirst("\\{", "{\"availability\":\"always\",");

    assertThat(RestAdapter.readCertificate(json).get().get()).isEqualTo(Fixtures.certificate());
  }

  @Test
  void aDescriptionReadsBackWithItsEngine() {
    Certificate docuEngine =
        Fixtures.certificate(Fixtures.DOCUENGINE_CERTIFICATE_ID, TestData.DOCUENGINE);
    String json =
        Json.MAPPER.writeValueAsString(
            Views.CertificateDetail.of(Fixtures.description(docuEngine)));

    assertThat(RestAdapter.readCertificate(json).get().get()).isEqualTo(docuEngine);
  }

  @Test
  void aDescriptionSavedBeforeEnginesWereShownIsVisengines() {
    String json = described().replace("\"engine\":\"visengine\",", "");

    assertThat(json).doesNotContain("engine");
    assertThat(RestAdapter.readCertificate(json).get().get()).isEqualTo(Fixtures.certificate());
  }

  @Test
  void anEngineNoEngineCouldHaveIsRefused() {
    String json = described().replace("\"engine\":\"visengine\"", "\"engine\":\"Visengine\"");

    assertThat(RestAdapter.readCertificate(json).get().getLeft())
        .startsWith("engine: an engine is named by 1 to 32 lower-case letters");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "not JSON",
        "{\"data\": {\"hash_visura\": \"x\", \"json_struttura\": {}}}",
        "{\"fields\": [], \"publishedRule\": 7}"
      })
  void otherTextIsNotADescription(String text) {
    assertThat(RestAdapter.readCertificate(text)).isEmpty();
  }

  @Test
  void aFieldOfAKindSportelloDoesNotKnowIsRefused() {
    String json = described().replace("\"kind\":\"text\"", "\"kind\":\"colour\"");

    assertThat(RestAdapter.readCertificate(json).get().getLeft())
        .isEqualTo("fields: the kind of $1 is not one Sportello knows");
  }

  @Test
  void aNegativePriceIsRefused() {
    String json = described().replaceFirst("\"cents\":1290", "\"cents\":-1290");

    assertThat(RestAdapter.readCertificate(json).get().getLeft())
        .startsWith("not a certificate as Sportello's API shows it: ")
        .contains("negative");
  }

  @Test
  void aMissingMemberIsRefused() {
    String json = described().replace("\"name\":\"Certificato di stato di famiglia\",", "");

    assertThat(RestAdapter.readCertificate(json).get().getLeft())
        .startsWith("not a certificate as Sportello's API shows it: ");
  }
}
