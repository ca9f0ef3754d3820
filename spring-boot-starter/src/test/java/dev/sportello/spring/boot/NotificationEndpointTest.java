package dev.sportello.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.sportello.application.port.in.HandleNotificationUseCase;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.domain.request.CertificateRequest;
import io.vavr.control.Either;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class NotificationEndpointTest {
  private static final String KNOWN = "req-1.bWFjLW9mLXJlcS0x";
  private static final String UNKNOWN = "req-2.bWFjLW9mLXJlcS0y";

  /** The use case as the application's own bean: it knows one token, and records what it got. */
  private final List<String> handled = new CopyOnWriteArrayList<>();

  private final HandleNotificationUseCase notifications =
      token -> {
        handled.add(token);
        return token.equals(KNOWN)
            ? Either.left(new UseCaseError.UpstreamUnavailable("re-read later"))
            : Either.<UseCaseError, CertificateRequest>left(
                new UseCaseError.NotFound("no request is waiting for this notification"));
      };

  private WebApplicationContextRunner web() {
    return new WebApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                DispatcherServletAutoConfiguration.class,
                WebMvcAutoConfiguration.class,
                SportelloNotificationAutoConfiguration.class))
        .withBean(HandleNotificationUseCase.class, () -> notifications);
  }

  @Test
  void aVisengineNotificationFeedsItsTokenToTheUseCase() {
    web()
        .run(context -> {
          MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();

          mvc.perform(post("/webhooks/sportello/visengine/" + KNOWN).content("{\"data\":{}}"))
              .andExpect(status().isAccepted());

          assertThat(handled).containsExactly(KNOWN);
        });
  }

  @Test
  void aDocuEngineNotificationFeedsTheTokenOfItsHeaderToTheUseCase() {
    web()
        .run(context -> {
          MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();

          mvc.perform(
                  post("/webhooks/sportello/docuengine")
                      .header(NotificationEndpoint.TOKEN_HEADER, KNOWN))
              .andExpect(status().isAccepted());

          assertThat(handled).containsExactly(KNOWN);
        });
  }

  @Test
  void aTokenThatNamesNoRequestGets404() {
    web()
        .run(context ->
            MockMvcBuilders.webAppContextSetup(context)
                .build()
                .perform(post("/webhooks/sportello/visengine/" + UNKNOWN))
                .andExpect(status().isNotFound()));
  }

  @Test
  void aTokenOfTheWrongShapeNeverReachesTheUseCase() {
    web()
        .run(context -> {
          MockMvcBuilders.webAppContextSetup(context)
              .build()
              .perform(post("/webhooks/sportello/visengine/not-a-token"))
              .andExpect(status().isNotFound());

          assertThat(handled).isEmpty();
        });
  }

  @Test
  void theEndpointMovesWithItsConfiguredPath() {
    web()
        .withPropertyValues("sportello.notifications.path=/hooks")
        .run(context -> {
          MockMvcBuilders.webAppContextSetup(context)
              .build()
              .perform(post("/hooks/visengine/" + KNOWN))
              .andExpect(status().isAccepted());

          assertThat(handled).containsExactly(KNOWN);
        });
  }

  @Test
  void outsideAServletWebApplicationThereIsNoEndpoint() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SportelloNotificationAutoConfiguration.class))
        .withBean(HandleNotificationUseCase.class, () -> notifications)
        .run(context -> assertThat(context).doesNotHaveBean(NotificationEndpoint.class));
  }
}
