package dev.sportello.adapter.webhooks;

import io.vavr.control.Either;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a message may go: an {@code https} address, or {@code http} to this machine's loopback
 * interface (for tests and a receiver beside the service). An {@code https} host that resolves to a
 * loopback, link-local, private or wildcard address is refused unless the settings allow private
 * networks, so that a caller cannot point the service at its own neighbourhood.
 */
final class Destination {
  private Destination() {}

  /** The address, or why it is refused, in words that hold no part of the address. */
  static Either<String, URI> check(URI url, boolean allowPrivateNetworks) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost();
    if (host == null || host.isEmpty()) {
      return Either.left("the address has no host");
    }
    if (url.getRawUserInfo() != null) {
      return Either.left("the address carries credentials");
    }
    return switch (scheme) {
      case "http" ->
          isLoopbackName(host)
              ? Either.right(url)
              : Either.left("plain http is allowed only to a loopback host");
      case "https" ->
          allowPrivateNetworks ? Either.right(url) : publicAddress(host).map(ignored -> url);
      default -> Either.left("the address is neither https nor http to a loopback host");
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

  private static Either<String, InetAddress[]> publicAddress(String host) {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(bare);
    } catch (UnknownHostException unknown) {
      return Either.left("the host does not resolve");
    }
    for (InetAddress address : addresses) {
      if (address.isLoopbackAddress()
          || address.isAnyLocalAddress()
          || address.isLinkLocalAddress()
          || address.isSiteLocalAddress()
          || address.isMulticastAddress()
          || isUniqueLocal(address)) {
        return Either.left("the host resolves to a loopback, private or link-local address");
      }
    }
    return Either.right(addresses);
  }

  /** IPv6 unique local addresses (fc00::/7), which {@link InetAddress} does not call site-local. */
  private static boolean isUniqueLocal(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
  }
}
