package dev.sportello.adapter.openapi;

import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.domain.request.UpstreamId;
import dev.sportello.domain.shared.Money;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Values as Openapi's answers carry them, read into ours; what cannot be read is malformed. */
public final class WireValues {
  private static final int SHORT_TEXT = 40;

  private WireValues() {}

  /** A text stripped of blanks; none is empty. */
  public static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }

  /** A text cut to a length fit to quote in a message or a log. */
  public static String shorten(String text) {
    return text.length() > SHORT_TEXT ? text.substring(0, SHORT_TEXT) + "…" : text;
  }

  /** An amount upstream may leave out, which is then nothing to pay. */
  public static BigDecimal orZero(@Nullable BigDecimal amount) {
    return amount == null ? BigDecimal.ZERO : amount;
  }

  public static <T> Either<RemoteFailure, T> malformed(String message) {
    return Either.left(new RemoteFailure.Malformed(message));
  }

  /**
   * An amount in euros.
   *
   * @param what the member it was read from, as the message names it
   */
  public static Either<RemoteFailure, Money> money(BigDecimal euros, String what) {
    var money = Money.ofEuros(euros);
    return money.isValid() ? Either.right(money.get()) : malformed(what + ": " + money.getError());
  }

  /**
   * A request's id upstream.
   *
   * @param member the member it was read from, as the message names it
   */
  public static Either<RemoteFailure, UpstreamId> upstreamId(@Nullable String id, String member) {
    if (id == null) {
      return malformed("a request has no " + member);
    }
    var parsed = UpstreamId.parse(id);
    return parsed.isValid()
        ? Either.right(parsed.get())
        : malformed("a request " + member + " is malformed: " + parsed.getError());
  }

  /**
   * A JSON value as flat attributes, such as a search result's: each scalar under its path of
   * member names and array indexes joined by dots, a lone scalar under {@code value}.
   */
  public static SortedMap<String, String> attributes(JsonNode node) {
    return flatten("", node, TreeMap.empty());
  }

  private static SortedMap<String, String> flatten(
      String prefix, JsonNode node, SortedMap<String, String> into) {
    if (node.isObject()) {
      SortedMap<String, String> result = into;
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        result = flatten(join(prefix, entry.getKey()), entry.getValue(), result);
      }
      return result;
    }
    if (node.isArray()) {
      SortedMap<String, String> result = into;
      for (int index = 0; index < node.size(); index++) {
        result = flatten(join(prefix, Integer.toString(index)), node.get(index), result);
      }
      return result;
    }
    String name = prefix.isEmpty() ? "value" : prefix;
    return into.put(name, node.isNull() ? "" : node.asString(""));
  }

  private static String join(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }
}
