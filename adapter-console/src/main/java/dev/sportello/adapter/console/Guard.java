package dev.sportello.adapter.console;

import io.javalin.http.Context;
import io.vavr.control.Option;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * What keeps the pages safe in a browser: their security headers, and the checks every form post
 * passes (its origin and its CSRF token).
 */
final class Guard {
  /** The header htmx sends the CSRF token in, set on {@code <body>} through {@code hx-headers}. */
  static final String CSRF_HEADER = "X-CSRF-Token";

  /** The hidden field every form posts the CSRF token in. */
  static final String CSRF_FIELD = "csrf";

  /** No inline script or style, no eval, nothing from elsewhere, never framed. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private Guard() {}

  /** On every answer of the console, pages, errors and assets alike. */
  static void secureHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "same-origin");
  }

  /** Whether the request came over HTTPS, directly or through a proxy that says so. */
  static boolean overHttps(Context ctx) {
    String forwarded = ctx.header("X-Forwarded-Proto");
    return "https".equalsIgnoreCase(ctx.scheme())
        || (forwarded != null && "https".equalsIgnoreCase(forwarded.split(",", 2)[0].strip()));
  }

  /**
   * Whether a post may come from our own pages: its {@code Origin}, when the browser sends one, is
   * the configured public origin, or without one names this host; without an {@code Origin}, its
   * {@code Sec-Fetch-Site} (when sent) says it is not from another site.
   *
   * @param publicOrigin the origin browsers see the console at, such as {@code
   *     https://console.example}, when a proxy in front gives the server another {@code Host}
   */
  static boolean sameOrigin(Context ctx, Option<URI> publicOrigin) {
    String origin = ctx.header("Origin");
    if (origin != null) {
      if (publicOrigin.isDefined()) {
        return origin.strip().equalsIgnoreCase(originOf(publicOrigin.get()));
      }
      String host = ctx.header("Host");
      return host != null && authority(origin).equalsIgnoreCase(host.strip());
    }
    String site = ctx.header("Sec-Fetch-Site");
    return site == null || site.equals("same-origin") || site.equals("none");
  }

  /** Whether the post carries the expected token, in its form or in htmx's header. */
  static boolean carriesToken(Context ctx, String expected) {
    String presented = ctx.header(CSRF_HEADER);
    if (presented == null) {
      presented = ctx.formParam(CSRF_FIELD);
    }
    return presented != null
        && MessageDigest.isEqual(
            presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  /** How a browser writes an origin in its header: {@code scheme://host[:port]}, no path. */
  static String originOf(URI origin) {
    return origin.getScheme() + "://" + origin.getRawAuthority();
  }

  /** The {@code host[:port]} of an origin such as {@code https://example.org:8443}, or "". */
  private static String authority(String origin) {
    try {
      URI uri = new URI(origin.strip());
      String scheme = uri.getScheme();
      String authority = uri.getRawAuthority();
      if (scheme == null
          || authority == null
          || !(scheme.toLowerCase(Locale.ROOT).equals("http")
              || scheme.toLowerCase(Locale.ROOT).equals("https"))) {
        return "";
      }
      return authority;
    } catch (URISyntaxException malformed) {
      return "";
    }
  }
}
