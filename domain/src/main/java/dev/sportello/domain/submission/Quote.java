package dev.sportello.domain.submission;

import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.shared.Money;
import io.vavr.collection.List;
import java.util.Objects;

/**
 * What a request costs: the document, the first search round for products with a search phase, and
 * the chosen extras, plus VAT.
 *
 * @param document the net document price
 * @param search the net price of the first search round; zero for products without one
 * @param extras the net price of the chosen extras
 * @param net the sum of the above
 * @param vat the VAT on the net amount
 * @param total what is paid
 */
public record Quote(Money document, Money search, Money extras, Money net, Money vat, Money total) {
  /** The Italian standard VAT rate, in percent. */
  public static final int VAT_PERCENT = 22;

  /** Checks the components. */
  public Quote {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(extras, "extras");
    Objects.requireNonNull(net, "net");
    Objects.requireNonNull(vat, "vat");
    Objects.requireNonNull(total, "total");
    if (!document.plus(search).plus(extras).equals(net) || !net.plus(vat).equals(total)) {
      throw new IllegalArgumentException("a quote's parts must add up");
    }
  }

  /**
   * Prices a certificate with the chosen extras.
   *
   * @param certificate the certificate
   * @param chosen the extras chosen
   * @return the quote
   */
  public static Quote of(Certificate certificate, List<Extra> chosen) {
    Money search = certificate.hasSearchPhase() ? certificate.searchPrice() : Money.ZERO;
    Money extras = chosen.foldLeft(Money.ZERO, (sum, extra) -> sum.plus(extra.price()));
    Money net = certificate.documentPrice().plus(search).plus(extras);
    Money vat = net.percent(VAT_PERCENT);
    return new Quote(certificate.documentPrice(), search, extras, net, vat, net.plus(vat));
  }
}
