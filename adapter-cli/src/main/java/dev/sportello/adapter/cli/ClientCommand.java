package dev.sportello.adapter.cli;

import io.vavr.control.Either;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * What the client commands share: they talk over HTTP to a running service, print what it answers
 * for people, and exit 0 when it did what was asked, 1 when it refused or could not be reached, 2
 * when the command line itself cannot be used (picocli's code for it).
 */
abstract class ClientCommand implements Callable<Integer> {
  static final int REFUSED = 1;
  static final int USAGE = 2;

  @Spec
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  CommandSpec spec;

  @Mixin ClientOptions client = new ClientOptions();

  /** A group of client commands, such as {@code request}, and the settings they share. */
  interface Group {
    CliSettings settings();
  }

  final PrintWriter out() {
    return spec.commandLine().getOut();
  }

  final PrintWriter err() {
    return spec.commandLine().getErr();
  }

  @Override
  public final Integer call() throws InterruptedException {
    var unusableUrl = client.givenUrl().filter(Either::isLeft);
    if (unusableUrl.isDefined()) {
      err().println("error: " + unusableUrl.get().getLeft());
      err().flush();
      return USAGE;
    }
    Either<String, ApiClient> api = client.client(((Group) spec.parent().userObject()).settings());
    int code = api.isLeft() ? fail(api.getLeft()) : run(api.get());
    out().flush();
    err().flush();
    return code;
  }

  abstract int run(ApiClient api) throws InterruptedException;

  /** The answer's body when it succeeded; otherwise prints the problem. */
  final Either<Integer, JsonNode> expect(Either<String, ApiClient.Answer> answer) {
    if (answer.isLeft()) {
      return Either.left(fail(answer.getLeft()));
    }
    if (!answer.get().ok()) {
      return Either.left(fail(answer.get().problem()));
    }
    return Either.right(answer.get().body());
  }

  /** Prints the body of an answer that succeeded and exits 0; otherwise the problem's code. */
  final int print(Either<Integer, JsonNode> answer, BiConsumer<PrintWriter, JsonNode> printer) {
    return answer.fold(
        code -> code,
        body -> {
          printer.accept(out(), body);
          return 0;
        });
  }

  final int fail(String problem) {
    err().println("error: " + problem);
    return REFUSED;
  }
}
