package dev.sportello.adapter.console;

import dev.sportello.application.port.in.CallerKeys;
import dev.sportello.application.service.UseCases;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import java.time.InstantSource;

/**
 * The web console: sign-in with an API key, the catalogue, order forms checked as they are filled
 * in, and the caller's requests, as HTML pages at {@code /} with small htmx enhancements. It is
 * mounted on a Javalin server that others may share (the REST API's): {@link #mount} adds its
 * routes, and its error pages for its own addresses.
 */
public final class ConsoleAdapter {
  private final Sessions sessions;
  private final Templates templates = new Templates();
  private final Tracking tracking;
  private final Assets assets = new Assets();
  private final SignIn signIn;
  private final Catalogue catalogue;
  private final Forms forms;
  private final ConsoleSettings settings;

  private ConsoleAdapter(UseCases useCases, ConsoleSettings settings, InstantSource clock) {
    this.settings = settings;
    this.sessions = new Sessions(settings.sessionIdleTimeout(), settings.maxSessions(), clock);
    Listings listings = new Listings(useCases.retrieveDocument());
    this.tracking =
        new Tracking(
            useCases.listRequests(),
            useCases.getRequest(),
            useCases.selectCandidate(),
            useCases.describeCertificate(),
            useCases.addSearch(),
            useCases.cancelRequest(),
            useCases.retrieveDocument(),
            listings,
            new LiveRequests(useCases.getRequest(), listings, sessions, templates));
    this.signIn =
        new SignIn(CallerKeys.of(settings.apiKeys()), sessions, settings.refusedSignInDelay());
    this.catalogue = new Catalogue(useCases.browseCatalog(), useCases.describeCertificate());
    this.forms =
        new Forms(
            useCases.describeCertificate(),
            useCases.validateSubmission(),
            useCases.submitRequest(),
            settings.files(),
            sessions);
  }

  /**
   * Builds the console over the application's use cases; it serves nothing until mounted.
   *
   * @param useCases the application's use cases
   * @param settings who may sign in, and the sessions' limits
   * @return the console, not mounted yet
   */
  public static ConsoleAdapter create(UseCases useCases, ConsoleSettings settings) {
    return create(useCases, settings, InstantSource.system());
  }

  /** With another clock for the sessions' idle time, for tests. */
  static ConsoleAdapter create(UseCases useCases, ConsoleSettings settings, InstantSource clock) {
    return new ConsoleAdapter(useCases, settings, clock);
  }

  /**
   * Adds the console's routes and error pages to a server's configuration. Its routes are {@code
   * /}, {@code /sign-in}, {@code /sign-out}, {@code /language}, {@code /catalogue}, {@code
   * /certificates/…}, {@code /requests…} and its assets under {@code /console/}; it sets no
   * exception handler and leaves every other address alone. It bounds the server's multipart
   * bodies: each file to the largest the file policy takes, and a whole body to what the largest
   * form may carry.
   *
   * @param config the configuration of the server that serves the console
   */
  public void mount(JavalinConfig config) {
    long maxPostBytes = Forms.maxPostBytes(settings.files());
    config.jetty.multipartConfig.maxFileSize(settings.files().maxFileBytes(), SizeUnit.BYTES);
    config.jetty.multipartConfig.maxTotalRequestSize(maxPostBytes, SizeUnit.BYTES);
    Visits visits = new Visits(sessions, templates);
    ErrorPages errors = new ErrorPages(visits);
    Routes routes = new Routes(config, visits, errors, maxPostBytes, settings.publicOrigin());
    tracking.register(routes);
    config.events.serverStopping(tracking::closeStreams);
    signIn.register(routes);
    catalogue.register(routes);
    forms.register(routes);
    assets.register(routes);
    errors.register(config);
  }
}
