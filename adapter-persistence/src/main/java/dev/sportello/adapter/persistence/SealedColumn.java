package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.StorageFailure;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A column of a small table that holds one sealed text per row, each sealed for its row's key (the
 * place is {@code prefix} and the key), such as the credentials or the webhook endpoints' secrets.
 *
 * @param table the table
 * @param keyColumn its key column
 * @param sealedColumn the column of sealed texts
 * @param prefix what the place of a row's text starts with, before its key
 * @param what what a row holds, for logs and failures, such as {@code credential}
 */
record SealedColumn(
    String table, String keyColumn, String sealedColumn, String prefix, String what) {
  private static final Logger LOG = LoggerFactory.getLogger(SealedColumn.class);

  /** The place a row's text is sealed for. */
  byte[] place(String key) {
    return (prefix + key).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Seals again with the current key every text an older key sealed. A row is written back only if
   * it still holds what was read, so a row saved meanwhile keeps its save; one that does not open
   * is left as it is.
   *
   * @return how many texts were sealed again, and how many were left as they are
   */
  Either<StorageFailure, SealedAgain> sealAgain(Database database, SealedText text) {
    Either<StorageFailure, java.util.List<Kept>> kept =
        database.withHandle(
            "read the " + what + "s to seal again",
            handle ->
                Either.right(
                    handle
                        .createQuery(
                            "SELECT "
                                + keyColumn
                                + ", "
                                + sealedColumn
                                + " FROM "
                                + table
                                + " ORDER BY "
                                + keyColumn)
                        .map((rs, ctx) ->
                            new Kept(
                                RequestRow.required(rs, keyColumn),
                                RequestRow.required(rs, sealedColumn)))
                        .list()));
    if (kept.isLeft()) {
      return Either.left(kept.getLeft());
    }
    int sealed = 0;
    int left = 0;
    for (Kept row : kept.get()) {
      if (text.sealedWithCurrentKey(row.sealed())) {
        continue;
      }
      Either<String, String> again =
          text.opened(row.sealed(), place(row.key()))
              .map(plain -> text.sealed(plain, place(row.key())));
      if (again.isLeft()) {
        LOG.warn("the {} {} does not open: {}; left as it is", what, row.key(), again.getLeft());
        left++;
        continue;
      }
      Either<StorageFailure, Integer> written = writeOver(database, row, again.get());
      if (written.isLeft()) {
        return Either.left(written.getLeft());
      }
      sealed += written.get();
    }
    return Either.right(new SealedAgain(sealed, left));
  }

  /**
   * What {@link #sealAgain} did.
   *
   * @param sealed texts sealed again
   * @param left texts that do not open, left as they are
   */
  record SealedAgain(int sealed, int left) {}

  private Either<StorageFailure, Integer> writeOver(Database database, Kept row, String sealed) {
    return database.withHandle(
        "seal the " + what + " " + row.key() + " again",
        handle ->
            Either.right(
                handle
                    .createUpdate(
                        "UPDATE "
                            + table
                            + " SET "
                            + sealedColumn
                            + " = :sealed WHERE "
                            + keyColumn
                            + " = :key AND "
                            + sealedColumn
                            + " = :read")
                    .bind("sealed", sealed)
                    .bind("key", row.key())
                    .bind("read", row.sealed())
                    .execute()));
  }

  private record Kept(String key, String sealed) {}
}
