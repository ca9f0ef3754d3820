package dev.sportello.adapter.console;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Locale;

/** The console's languages. */
enum Language {
  IT("it", Locale.ITALIAN),
  EN("en", Locale.ENGLISH);

  /** For a browser that asks for neither. */
  static final Language FALLBACK = EN;

  private final String code;
  private final Locale locale;

  Language(String code, Locale locale) {
    this.code = code;
    this.locale = locale;
  }

  /** The ISO 639-1 code, as {@code lang} attributes and the language cookie write it. */
  String code() {
    return code;
  }

  Locale locale() {
    return locale;
  }

  static Option<Language> ofCode(String code) {
    return List.of(values()).find(language -> language.code.equalsIgnoreCase(code.strip()));
  }

  /** The browser's first choice among ours, from an {@code Accept-Language} header. */
  static Language preferred(String acceptLanguage) {
    try {
      return List.ofAll(Locale.LanguageRange.parse(acceptLanguage))
          .filter(range -> range.getWeight() > 0)
          .sortBy(range -> -range.getWeight())
          .flatMap(range -> ofCode(range.getRange().split("-", 2)[0]))
          .headOption()
          .getOrElse(FALLBACK);
    } catch (IllegalArgumentException malformed) {
      return FALLBACK;
    }
  }
}
