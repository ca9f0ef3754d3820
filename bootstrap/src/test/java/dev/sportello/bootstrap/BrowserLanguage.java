package dev.sportello.bootstrap;

/** A language the console speaks, as a person's browser asks for it. */
enum BrowserLanguage {
  ITALIAN("it"),
  ENGLISH("en");

  private final String code;

  BrowserLanguage(String code) {
    this.code = code;
  }

  /** The ISO 639-1 code, as Chromium's {@code --lang} and the pages' {@code lang} write it. */
  String code() {
    return code;
  }

  /** The words a page shows in this language. */
  String says(String italian, String english) {
    return switch (this) {
      case ITALIAN -> italian;
      case ENGLISH -> english;
    };
  }
}
