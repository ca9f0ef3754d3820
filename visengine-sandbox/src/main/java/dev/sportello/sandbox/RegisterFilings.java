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
import tools.jackson.databind.JsonNode;
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
      String wanted = request.values.getOrDefault("field1", "").strip();
      for (String[] act : acts(request.document, wanted)) {
        int daysAgo = number(taxCode + "/act/" + act[0], 30, 3000);
        LocalDate filed = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(daysAgo);
        ObjectNode filing = Json.object();
        filing.put("actId", number(taxCode + "/act/" + act[0], 100_000_000, 800_000_000));
        filing.put("actGroupCode", act[0]);
        filing.put("actGroupDescription", act[1]);
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
    return document.name().startsWith("Bilancio");
  }

  /** The acts of the wanted group, or the usual three when no group was asked for. */
  private static List<String[]> acts(DocuDocument document, String wantedGroup) {
    List<String> groups =
        wantedGroup.isEmpty() ? List.of("A01", "A06", "A99") : List.of(wantedGroup);
    List<String[]> acts = new ArrayList<>();
    for (String group : groups) {
      acts.add(new String[] {group, groupDescription(document, group)});
    }
    return acts;
  }

  private static String groupDescription(DocuDocument document, String group) {
    for (JsonNode option : document.served().at("/requestStructure/fields/field1/options")) {
      if (option.path("code").asString().equals(group)) {
        return option.path("description").asString();
      }
    }
    return "ATTO";
  }

  private static String taxCode(DocuDocument document, Map<String, String> values) {
    return document.fields().stream()
        .filter(field -> field.name().equals("taxCode"))
        .map(field -> values.getOrDefault(field.key(), ""))
        .findFirst()
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
