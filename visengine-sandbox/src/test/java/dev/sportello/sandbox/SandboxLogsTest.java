package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.sportello.sandbox.SandboxHttp.Response;
import dev.sportello.sandbox.SandboxSettings.Account;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The sandbox's own log lines, debug ones included, carry no API key and no token. */
class SandboxLogsTest {

  private static final String API_KEY = "a-secret-api-key";
  private static final String EVERLASTING = "an-everlasting-token";
  private static final Account DEV = new Account("dev@example.com", API_KEY);

  private final Logger sandboxLogger = (Logger) LoggerFactory.getLogger("dev.sportello.sandbox");
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private Level levelBefore = Level.INFO;

  @BeforeEach
  void listen() {
    levelBefore = sandboxLogger.getLevel();
    logged.start();
    sandboxLogger.addAppender(logged);
    sandboxLogger.setLevel(Level.DEBUG);
  }

  @AfterEach
  void stopListening() {
    sandboxLogger.detachAppender(logged);
    sandboxLogger.setLevel(levelBefore);
  }

  @Test
  void neitherApiKeysNorTokensReachTheLog() {
    Response minted;
    try (SandboxHttp api =
        SandboxHttp.start(
            SandboxSettings.defaults()
                .withStepDelay(Duration.ofMinutes(1))
                .withControlApi(true)
                .withTokens(EVERLASTING)
                .withAccounts(DEV))) {
      minted = api.mint(DEV, List.of("GET:test.visengine2.altravia.com/visure"));
      String token = minted.json().path("token").asString();
      api.send("GET", "/visure", null, token);
      api.send("POST", "/richiesta", "{}", token);
      api.oauth(DEV, "GET", "/tokens/" + token, null);
      api.sendBasic("GET", "/tokens", null, DEV.email(), API_KEY + "-wrong");
      api.post("/_sandbox/tokens/" + token + "/expire", "");
      api.send("GET", "/visure", null, token);
      api.oauth(DEV, "DELETE", "/tokens/" + token, null);
    }

    List<String> lines =
        logged.list.stream()
            .map(event ->
                event.getFormattedMessage()
                    + (event.getThrowableProxy() == null
                        ? ""
                        : ThrowableProxyUtil.asString(event.getThrowableProxy())))
            .toList();
    assertThat(lines).anyMatch(line -> line.contains("POST /tokens"));
    assertThat(lines)
        .noneMatch(line ->
            line.contains(API_KEY)
                || line.contains(EVERLASTING)
                || line.contains(minted.json().path("token").asString())
                || line.contains(minted.json().path("refreshToken").asString()));
  }
}
