package dev.sportello.adapter.console;

import java.util.Objects;

/**
 * What the layout shows around every page.
 *
 * @param text the words in the page's language
 * @param title the page's own title, before the service's name
 * @param path the page's address without its query, where a change of language comes back to
 * @param signedIn whether a caller is signed in: the layout then offers to sign out
 * @param csrfToken what every form on the page posts, and htmx sends as a header
 */
record Page(Text text, String title, String path, boolean signedIn, String csrfToken) {
  Page {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(csrfToken, "csrfToken");
  }

  Language language() {
    return text.language();
  }

  /** Whether the page is in this language, for the language switch's {@code aria-pressed}. */
  String showsIn(Language language) {
    return String.valueOf(language == text.language());
  }

  /** The JSON of the header htmx sends with each request, for {@code hx-headers}. */
  String htmxHeaders() {
    // The token is URL-safe Base64: nothing in it needs escaping in JSON.
    return "{\"" + Guard.CSRF_HEADER + "\": \"" + csrfToken + "\"}";
  }
}
