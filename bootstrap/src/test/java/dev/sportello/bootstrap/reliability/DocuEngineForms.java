package dev.sportello.bootstrap.reliability;

import dev.sportello.domain.fixtures.TaxCodes;
import java.util.LinkedHashMap;
import java.util.Map;

/** DocuEngine's certificates in the sandbox, and their forms filled in for Mario Rossi. */
public final class DocuEngineForms {
  /** "Certificato di Stato di Famiglia - con bollo". */
  public static final String FAMILY_STATUS = "6751c0a41a241a5d1be0fa10";

  /** "Bilancio Ottico": a search for the company's balance sheets comes first. */
  public static final String BALANCE_SHEET = "667443c29e6f0e447bc265aa";

  /** A company's tax code, which the balance-sheet search finds filings for. */
  public static final String COMPANY_TAX_CODE = "01500001019";

  private DocuEngineForms() {}

  /** The family-status form, for Mario Rossi. */
  public static Map<String, String> familyStatus() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("field0", "Mario");
    values.put("field1", "Rossi");
    values.put("field2", TaxCodes.MARIO_ROSSI);
    values.put("field3", "1985-12-10");
    values.put("field4", "San Giuliano Terme");
    values.put("field5", "Pisa");
    values.put("field6", "PI");
    return values;
  }
}
