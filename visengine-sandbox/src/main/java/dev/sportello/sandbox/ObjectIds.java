package dev.sportello.sandbox;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Request ids shaped like the vendor's MongoDB ObjectIds: 24 hex digits made of the creation time
 * in seconds, a per-process random part and a counter.
 */
final class ObjectIds {

  /** What a request id of either engine looks like; anything else is malformed. */
  static final Pattern SHAPE = Pattern.compile("[0-9a-f]{24}");

  private final String processPart;
  private int counter;

  ObjectIds(RandomGenerator random) {
    byte[] process = new byte[5];
    random.nextBytes(process);
    this.processPart = HexFormat.of().formatHex(process);
    this.counter = random.nextInt(0x1000000);
  }

  /**
   * A request of either engine by id, refused in the engine's words when the id is malformed or
   * names no request.
   */
  static <R> R find(
      Map<String, R> requests,
      String id,
      Supplier<ApiRefusal> malformed,
      Supplier<ApiRefusal> unknown) {
    if (!SHAPE.matcher(id).matches()) {
      throw malformed.get();
    }
    R request = requests.get(id);
    if (request == null) {
      throw unknown.get();
    }
    return request;
  }

  synchronized String next(Instant at) {
    counter = (counter + 1) & 0xFFFFFF;
    return String.format(Locale.ROOT, "%08x%s%06x", at.getEpochSecond(), processPart, counter);
  }
}
