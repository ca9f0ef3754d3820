package dev.sportello.sandbox;

/** The values of {@code stato_richiesta}, with their key in {@code timestamp_stati}. */
enum Stato {
  IN_RICERCA("In ricerca", "in_ricerca"),
  IN_EROGAZIONE("In erogazione", "in_erogazione"),
  DATI_DISPONIBILI("Dati disponibili", "dati_disponibili"),
  VISURA_EVASA("Visura evasa", "visura_evasa"),
  ANNULLATA("Annullata", "annullata");

  final String wireName;
  final String timestampKey;

  Stato(String wireName, String timestampKey) {
    this.wireName = wireName;
    this.timestampKey = timestampKey;
  }

  /** The document can be downloaded in these states (the official SDK checks the same two). */
  boolean documentReady() {
    return this == DATI_DISPONIBILI || this == VISURA_EVASA;
  }
}
