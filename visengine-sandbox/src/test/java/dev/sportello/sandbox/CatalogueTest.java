package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueTest {

  private final Catalogue catalogue = Catalogue.load();

  @Test
  void keepsBothDefinitionsOfTheFamilyStatusDuplicateKey() {
    Product family = catalogue.find(SandboxHttp.FAMILY_STATUS).orElseThrow();

    List<Product.Field> sixes = family.definitionsOf("$6");
    assertThat(sixes)
        .extracting(Product.Field::tipo)
        .containsExactly("cod_comune", "codice_fiscale");
    assertThat(family.labelOf("$6")).contains("Codice Fiscale");
    assertThat(family.definitionsOf("$7")).isEmpty();
    assertThat(family.fields()).hasSize(8);
  }

  @Test
  void everyProductHasAReadableRuleAndADocument() {
    assertThat(catalogue.products()).hasSizeGreaterThanOrEqualTo(10);
    for (Product product : catalogue.products()) {
      assertThat(product.rule()).as(product.name()).isNotInstanceOf(Rule.Unreadable.class);
      assertThat(product.documentTitles()).as(product.name()).isNotEmpty();
      assertThat(product.hash()).matches("[A-Za-z0-9]{32}");
    }
  }
}
