package dev.sportello.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The company register behind the search product. A few fictional companies are always there;
 * searches that match none of them get plausible made-up candidates, so any name works from curl. A
 * tax code with a wrong check digit fails the search the way the vendor's example does.
 */
final class CompanyRegistry {

  /** What a search found: candidates, or the {@code esito} of a failed search. */
  sealed interface Found {
    record Candidates(List<JsonNode> companies) implements Found {
      public Candidates {
        companies = List.copyOf(companies);
      }
    }

    record Failure(SandboxRequest.Esito esito) implements Found {}
  }

  private final List<ObjectNode> companies;

  private CompanyRegistry(List<ObjectNode> companies) {
    this.companies = companies;
  }

  static CompanyRegistry load() {
    try (InputStream in =
        Objects.requireNonNull(CompanyRegistry.class.getResourceAsStream("companies.json"))) {
      List<ObjectNode> companies = new ArrayList<>();
      for (JsonNode company : Json.MAPPER.readTree(in)) {
        companies.add((ObjectNode) company);
      }
      return new CompanyRegistry(List.copyOf(companies));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /** Searches by tax code when one is given, otherwise by (part of) the name. */
  Found search(String name, String taxCode) {
    String code = taxCode.strip().toUpperCase(Locale.ROOT);
    if (!code.isEmpty()) {
      if (!TaxCodes.isVatNumber(code) && !TaxCodes.isPersonalTaxCode(code)) {
        return new Found.Failure(
            new SandboxRequest.Esito(
                "101",
                "Errore parametro input: KO - Attenzione Codice Fiscale non valido! Nessun"
                    + " soggetto trovato."));
      }
      List<JsonNode> matches =
          companies.stream()
              .filter(c ->
                  code.equals(c.path("PIva").asString())
                      || code.equals(c.path("CodFisc").asString()))
              .map(JsonNode::deepCopy)
              .toList();
      return new Found.Candidates(
          matches.isEmpty() ? List.of(invent("IMPRESA " + code + " S.R.L.", code)) : matches);
    }
    String wanted = name.strip().toUpperCase(Locale.ROOT);
    List<JsonNode> matches =
        companies.stream()
            .filter(c -> c.path("Denominazione").asString().contains(wanted))
            .map(JsonNode::deepCopy)
            .toList();
    if (!matches.isEmpty()) {
      return new Found.Candidates(matches);
    }
    return new Found.Candidates(
        List.of(
            invent(wanted + " S.R.L.", inventVatNumber(wanted + "/1")),
            invent(wanted + " S.P.A.", inventVatNumber(wanted + "/2"))));
  }

  /** A candidate shaped like the register's records, derived from the name so it is stable. */
  private ObjectNode invent(String name, String vatNumber) {
    ObjectNode company = companies.getFirst().deepCopy();
    company.put("Denominazione", name);
    company.put("CodFisc", vatNumber);
    company.put("PIva", vatNumber);
    company.put("NRea", String.valueOf(1_000_000 + Math.floorMod(name.hashCode(), 900_000)));
    company.put("!idBicAzienda", "");
    return company;
  }

  private static String inventVatNumber(String seed) {
    String firstTen =
        String.format(Locale.ROOT, "%010d", Math.floorMod(seed.hashCode(), 1_000_000_000L));
    return firstTen + TaxCodes.vatCheckDigit(firstTen);
  }
}
