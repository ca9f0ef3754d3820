package dev.sportello.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * The company register behind DocuEngine's search documents: the balance sheets a "Bilancio" search
 * finds and the filed acts an "Atto Ottico" search finds, made up from the tax code so that the
 * same input always finds the same results.
 */
final class RegisterFilings {

  /** A company founded this year: it has no balance sheet yet (422/320). */
  static final String COMPANY_FOUNDED_THIS_YEAR = "09999999999";

  private static final int BALANCE_SHEET_YEARS = 3;

  /** The catalogue's balance-sheet documents: Bilancio Ottico, XBRL and Riclassificato. */
  private static final Set<String> BALANCE_SHEET_DOCUMENTS =
      Set.of("667443c29e6f0e447bc265aa", "667c131a9e6f0e447bc265c1", "669533fe6d4f51cbde8da353");

  /** The groups an Atto Ottico search finds when the request names none. */
  private static final List<String> USUAL_ACT_GROUPS = List.of("A01", "A06", "A99");

  /** A group of filed acts, as the document's {@code actGroupCode} field describes it. */
  private record ActGroup(String code, String description) {}

  private RegisterFilings() {}

  /** Why the register refuses the request outright, before anything is charged. */
  static Optional<ApiRefusal> refusal(DocuDocument document, Map<String, String> values) {
    if (balanceSheets(document) && taxCode(document, values).equals(COMPANY_FOUNDED_THIS_YEAR)) {
      return Optional.of(ApiError.NO_BALANCE_SHEET_YET.error());
    }
    return Optional.empty();
  }

  /** What the request's search finds, as of {@code now}. */
  static List<DocuRequest.Result> results(DocuRequest request, Instant now) {
    String taxCode = taxCode(request.document, request.values);
    List<ObjectNode> found = new ArrayList<>();
    if (balanceSheets(request.document)) {
      int lastYear = LocalDate.ofInstant(now, ZoneOffset.UTC).getYear() - 1;
      for (int back = 0; back < BALANCE_SHEET_YEARS; back++) {
        ObjectNode sheet = Json.object();
        sheet.put("balanceSheetId", number(taxCode + "/sheet/" + back, 10_000_000, 90_000_000));
        sheet.put("id", number(taxCode + "/company", 1_000_000, 9_000_000));
        sheet.put("balanceSheetDate", (lastYear - back) + "-12-31T00:00:00.000Z");
        sheet.put("balanceSheetTypeCode", "710");
        sheet.put("balanceSheetTypeDescription", "BILANCIO D'ESERCIZIO");
        found.add(sheet);
      }
    } else {
      for (ActGroup act : actGroups(request)) {
        int daysAgo = number(taxCode + "/act/" + act.code(), 30, 3000);
        LocalDate filed = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(daysAgo);
        ObjectNode filing = Json.object();
        filing.put("actId", number(taxCode + "/act/" + act.code(), 100_000_000, 800_000_000));
        filing.put("actGroupCode", act.code());
        filing.put("actGroupDescription", act.description());
        filing.put("requestDate", filed.toString());
        filing.put("documentDate", filed.minusDays(7).toString());
        found.add(filing);
      }
    }
    List<DocuRequest.Result> results = new ArrayList<>();
    for (int index = 0; index < found.size(); index++) {
      results.add(new DocuRequest.Result(resultId(request.id, index), found.get(index)));
    }
    return results;
  }

  private static boolean balanceSheets(DocuDocument document) {
    return BALANCE_SHEET_DOCUMENTS.contains(document.id());
  }

  /** The group the request asks for, or the usual three when it names none. */
  private static List<ActGroup> actGroups(DocuRequest request) {
    Optional<DocuDocument.Field> field = request.document.fieldNamed("actGroupCode");
    String wanted =
        field.map(groups -> request.values.getOrDefault(groups.key(), "")).orElse("").strip();
    return (wanted.isEmpty() ? USUAL_ACT_GROUPS : List.of(wanted))
        .stream()
            .map(code ->
                new ActGroup(
                    code,
                    field
                        .flatMap(groups -> groups.choice(code))
                        .map(DocuDocument.Choice::description)
                        .orElse("ATTO")))
            .toList();
  }

  private static String taxCode(DocuDocument document, Map<String, String> values) {
    return document
        .fieldNamed("taxCode")
        .map(field -> values.getOrDefault(field.key(), ""))
        .orElse("")
        .strip()
        .toUpperCase(Locale.ROOT);
  }

  private static int number(String seed, int from, int span) {
    return from + Math.floorMod(seed.hashCode(), span);
  }

  /** 32 hex digits, like the vendor's example, stable for a request and position. */
  private static String resultId(String requestId, int index) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of()
          .formatHex(md5.digest((requestId + "/" + index).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("every JDK has MD5", missing);
    }
  }
}
