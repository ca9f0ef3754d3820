package dev.sportello.adapter.webhooks;

import dev.sportello.domain.webhook.SendResult.FailureKind;
import io.vavr.control.Either;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a message may go: an {@code https} address, or {@code http} to this machine's loopback
 * interface (for tests and a receiver beside the service). An {@code https} host that resolves to a
 * loopback, link-local, private, shared (CGNAT), reserved or wildcard address — also written inside
 * an IPv6 form (mapped, NAT64, 6to4) — is refused unless the settings allow private networks, so
 * that a caller cannot point the service at its own neighbourhood.
 *
 * <p>The check resolves the name and the HTTP client then resolves it again to connect: a name
 * whose answers change between the two (DNS rebinding) can still reach an internal address. Where
 * that matters, let the service reach the internet only through an egress proxy or firewall that
 * refuses internal destinations.
 */
final class Destination {
  private Destination() {}

  /** The address, or why it is refused. */
  static Either<FailureKind, URI> check(String text, boolean allowPrivateNetworks) {
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException malformed) {
      return Either.left(FailureKind.REFUSED_ADDRESS);
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost();
    if (host == null || host.isEmpty() || url.getRawUserInfo() != null) {
      return Either.left(FailureKind.REFUSED_ADDRESS);
    }
    return switch (scheme) {
      case "http" ->
          isLoopbackName(host) ? Either.right(url) : Either.left(FailureKind.REFUSED_ADDRESS);
      case "https" ->
          allowPrivateNetworks ? Either.right(url) : publicAddress(host).map(ignored -> url);
      default -> Either.left(FailureKind.REFUSED_ADDRESS);
    };
  }

  private static boolean isLoopbackName(String host) {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses: a name is not resolved for plain http.
    if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException unreadable) {
      return false;
    }
  }

  private static Either<FailureKind, InetAddress[]> publicAddress(String host) {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(bare);
    } catch (UnknownHostException unknown) {
      return Either.left(FailureKind.UNKNOWN_HOST);
    }
    return Arrays.stream(addresses).anyMatch(Destination::isInternal)
        ? Either.left(FailureKind.REFUSED_ADDRESS)
        : Either.right(addresses);
  }

  /** Whether the address is not one of the public internet. */
  static boolean isInternal(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return isInternalIpv4(bytes);
    }
    if (address instanceof Inet6Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      boolean uniqueLocal = (first & 0xfe) == 0xfc;
      boolean nat64 = Arrays.equals(bytes, 0, 12, NAT64_PREFIX, 0, 12);
      boolean sixToFour = first == 0x20 && second == 0x02;
      boolean compatible = Arrays.equals(bytes, 0, 12, new byte[12], 0, 12);
      return uniqueLocal
          || (nat64 && isInternalIpv4(Arrays.copyOfRange(bytes, 12, 16)))
          || (sixToFour && isInternalIpv4(Arrays.copyOfRange(bytes, 2, 6)))
          || (compatible && isInternalIpv4(Arrays.copyOfRange(bytes, 12, 16)));
    }
    return true;
  }

  /** The well-known NAT64 prefix, 64:ff9b::/96. */
  private static final byte[] NAT64_PREFIX = {
    0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0
  };

  /** The IPv4 ranges that are not the public internet (RFC 6890, and 6598 for CGNAT). */
  private static boolean isInternalIpv4(byte[] bytes) {
    int a = bytes[0] & 0xff;
    int b = bytes[1] & 0xff;
    int c = bytes[2] & 0xff;
    return a == 0
        || a == 10
        || a == 127
        || (a == 100 && b >= 64 && b <= 127)
        || (a == 169 && b == 254)
        || (a == 172 && b >= 16 && b <= 31)
        || (a == 192 && b == 0 && (c == 0 || c == 2))
        || (a == 192 && b == 168)
        || (a == 198 && (b == 18 || b == 19))
        || (a == 198 && b == 51 && c == 100)
        || (a == 203 && b == 0 && c == 113)
        || a >= 224;
  }
}
