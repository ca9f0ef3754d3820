package dev.sportello.adapter.console;

import io.vavr.control.Option;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;

/** The console's words in one language, from the {@code messages} resource bundles. */
final class Text {
  private static final String BUNDLE = "dev.sportello.adapter.console.messages";
  private static final Map<Language, Text> ALL = load();

  private final Language language;
  private final ResourceBundle bundle;

  private Text(Language language, ResourceBundle bundle) {
    this.language = language;
    this.bundle = bundle;
  }

  static Text of(Language language) {
    Text text = ALL.get(language);
    if (text == null) {
      throw new IllegalStateException("no messages in " + language);
    }
    return text;
  }

  Language language() {
    return language;
  }

  /** The message under a key; a missing key is a bug, caught by the bundles' test. */
  String get(String key) {
    return bundle.getString(key);
  }

  /** The message under a key, when the bundle has one. */
  Option<String> find(String key) {
    return bundle.containsKey(key) ? Option.some(bundle.getString(key)) : Option.none();
  }

  /** The message under a key with its {@code {0}}, {@code {1}}… filled in. */
  String format(String key, Object... arguments) {
    return new MessageFormat(get(key), language.locale()).format(arguments);
  }

  private static Map<Language, Text> load() {
    Map<Language, Text> texts = new EnumMap<>(Language.class);
    ResourceBundle.Control exact =
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    for (Language language : Language.values()) {
      texts.put(
          language, new Text(language, ResourceBundle.getBundle(BUNDLE, language.locale(), exact)));
    }
    return texts;
  }
}
