package dev.sportello.domain.field;

import io.vavr.collection.HashSet;
import io.vavr.collection.Set;

/**
 * The two-letter province codes an upstream registry may know.
 *
 * <p>All codes in force: the provinces, metropolitan cities, free municipal consortia and the
 * autonomous provinces of Bolzano and Trento, including SU (Sud Sardegna, 2016). Also accepted, on
 * purpose, the codes of recently abolished or renamed provinces, because registries keep filing
 * records under them: the Sardinian CI, OG, OT and VS (2005–2016, revived by the 2021 regional
 * reform) and FO and PS (the former spellings of Forlì-Cesena and Pesaro e Urbino). Codes of
 * territories lost in 1947 (FU, PL, ZA) and the pseudo-province EE (abroad) are refused: no office
 * handles them.
 */
final class Provinces {
  private static final Set<String> IN_FORCE =
      HashSet.of(
          "AG", "AL", "AN", "AO", "AP", "AQ", "AR", "AT", "AV", "BA", "BG", "BI", "BL", "BN", "BO",
          "BR", "BS", "BT", "BZ", "CA", "CB", "CE", "CH", "CL", "CN", "CO", "CR", "CS", "CT", "CZ",
          "EN", "FC", "FE", "FG", "FI", "FM", "FR", "GE", "GO", "GR", "IM", "IS", "KR", "LC", "LE",
          "LI", "LO", "LT", "LU", "MB", "MC", "ME", "MI", "MN", "MO", "MS", "MT", "NA", "NO", "NU",
          "OR", "PA", "PC", "PD", "PE", "PG", "PI", "PN", "PO", "PR", "PT", "PU", "PV", "PZ", "RA",
          "RC", "RE", "RG", "RI", "RM", "RN", "RO", "SA", "SI", "SO", "SP", "SR", "SS", "SU", "SV",
          "TA", "TE", "TN", "TO", "TP", "TR", "TS", "TV", "UD", "VA", "VB", "VC", "VE", "VI", "VR",
          "VT", "VV");
  private static final Set<String> FORMER = HashSet.of("CI", "OG", "OT", "VS", "FO", "PS");
  private static final Set<String> KNOWN = IN_FORCE.addAll(FORMER);

  private Provinces() {}

  /** Whether an upper-case two-letter code names a province. */
  static boolean isKnown(String code) {
    return KNOWN.contains(code);
  }
}
