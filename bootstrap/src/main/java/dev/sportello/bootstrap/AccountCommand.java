package dev.sportello.bootstrap;

import dev.sportello.adapter.account.AccountSettings;
import dev.sportello.adapter.account.AccountToken;
import dev.sportello.adapter.account.OpenapiAccount;
import dev.sportello.adapter.account.WalletBalance;
import dev.sportello.application.port.out.CredentialStore;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.StoredCredential;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.PrintWriter;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Shows the configured Openapi account as its OAuth service sees it: the wallet's balance and the
 * tokens named like the one Sportello mints, with their scopes and expiry, never the tokens.
 */
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the Openapi account of SPORTELLO_OPENAPI_EMAIL and SPORTELLO_OPENAPI_API_KEY: the"
          + " wallet's balance, and the tokens named like the one Sportello mints"
          + " (SPORTELLO_TOKEN_NAME) with their scopes and expiry; never a token itself. It asks"
          + " the OAuth service and does not open the store, so it runs beside a running service."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:the account answered",
      "1:no account is configured, or the OAuth service cannot be reached or refuses it",
      "2:the configuration is invalid"
    })
final class AccountCommand implements Callable<Integer> {
  @ParentCommand
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  private SportelloCommand parent;

  @Spec
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  private CommandSpec spec;

  @Mixin private ConfigOption configOption = new ConfigOption();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Option<Config> config = configOption.load(parent.environment(), err);
    if (config.isEmpty()) {
      return ConfigOption.INVALID;
    }
    Option<Config.Upstream.Openapi> openapi =
        Option.of(config.get().upstream())
            .filter(Config.Upstream.Openapi.class::isInstance)
            .map(Config.Upstream.Openapi.class::cast)
            .filter(upstream -> upstream.account().isDefined());
    if (openapi.isEmpty()) {
      err.println(
          "error: no Openapi account is configured; set "
              + Setting.OPENAPI_EMAIL.variable()
              + " and "
              + Setting.OPENAPI_API_KEY.variable());
      err.flush();
      return 1;
    }
    Config.Account account = openapi.get().account().get();
    AccountSettings settings =
        Service.accountSettings(config.get(), account, openapi.get().engines());
    try (OpenapiAccount opened = OpenapiAccount.create(settings, new NoStore())) {
      Either<RemoteFailure, WalletBalance> wallet = opened.readWallet();
      Either<RemoteFailure, List<AccountToken>> tokens = opened.tokens();
      if (wallet.isLeft() && tokens.isLeft()) {
        err.println("error: the OAuth service did not answer: " + wallet.getLeft().message());
        err.flush();
        return 1;
      }
      print(out, account, config.get().tokenPolicy().name(), wallet, tokens);
      return 0;
    }
  }

  private static void print(
      PrintWriter out,
      Config.Account account,
      String tokenName,
      Either<RemoteFailure, WalletBalance> wallet,
      Either<RemoteFailure, List<AccountToken>> tokens) {
    out.println("OAuth service  " + account.oauthUrl());
    out.println(
        "Balance        "
            + wallet.fold(
                failure -> "unknown (" + failure.message() + ")",
                balance ->
                    balance.euros().setScale(2, RoundingMode.HALF_UP).toPlainString()
                        + " EUR   (read "
                        + balance.readAt()
                        + ")"));
    if (tokens.isLeft()) {
      out.println("Tokens         unknown (" + tokens.getLeft().message() + ")");
    } else if (tokens.get().isEmpty()) {
      out.println(
          "Tokens         none named \"" + tokenName + "\" yet: serve mints one on its first call");
    } else {
      out.println(
          String.format(
              Locale.ROOT, "Tokens         %d named \"%s\"", tokens.get().size(), tokenName));
      for (AccountToken token : tokens.get()) {
        out.println(
            "  expires "
                + token.expiresAt().map(Instant::toString).getOrElse("never")
                + "   created "
                + token.createdAt().map(Instant::toString).getOrElse("unknown"));
        token.scopes().forEach(scope -> out.println("    " + scope));
      }
    }
    out.flush();
  }

  /**
   * The command asks the OAuth service only: it never mints, so it keeps no token, and it leaves
   * the store to the service that may be running on it.
   */
  private static final class NoStore implements CredentialStore {
    @Override
    public Either<StorageFailure, Option<StoredCredential>> find(String name) {
      return Either.right(Option.none());
    }

    @Override
    public Either<StorageFailure, StoredCredential> save(StoredCredential credential) {
      return Either.left(new StorageFailure.Unavailable("the account command keeps no token"));
    }

    @Override
    public <T> Either<StorageFailure, T> whileHolding(String name, Supplier<T> work) {
      return Either.left(new StorageFailure.Unavailable("the account command keeps no token"));
    }
  }
}
