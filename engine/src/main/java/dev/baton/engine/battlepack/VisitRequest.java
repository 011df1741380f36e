package dev.baton.engine.battlepack;

import dev.baton.engine.Problem;
import dev.baton.engine.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rep's customer-visit request (拜访申请), the input that starts the {@code visit-battle-pack}
 * process. Construct it with {@link #of}, which checks every field and throws one {@link
 * ValidationException} naming each problem; the canonical constructor does the same.
 *
 * @param requestId the request's id (1 to 100 characters: letters, digits, {@code - _ . :}),
 *     e.g. {@code VR-2026-1127-001}
 * @param customerId the customer to visit (1 to 64 characters, as in the consent ledger)
 * @param repId the sales rep who files it (1 to 64 characters)
 * @param plannedDate the day of the visit (from 2000-01-01 to 2099-12-31)
 * @param channel the chat workplace it was filed from: {@code DINGTALK}, {@code WECOM} or {@code
 *     FEISHU} (the ai-trigger pack's {@code VisitRequest.channel})
 * @param dealSize the deal size (0 to 10^15), or null to take it from the customer's open deal
 * @param riskLevel {@code LOW}, {@code MEDIUM} or {@code HIGH}, or null to take it from the open
 *     deal
 * @param contactChannel the customer channel the rep follows up on ({@code EMAIL}, {@code SMS},
 *     {@code VOICE}, {@code WECHAT}), checked against the customer's sales follow-up consent; or
 *     null to take the open deal's next-step channel
 */
public record VisitRequest(
    String requestId,
    String customerId,
    String repId,
    LocalDate plannedDate,
    String channel,
    BigDecimal dealSize,
    String riskLevel,
    String contactChannel) {

  /** The workplaces a request may come from. */
  public static final Set<String> CHANNELS = Set.of("DINGTALK", "WECOM", "FEISHU");
  /** The risk levels. */
  public static final Set<String> RISK_LEVELS = Set.of("LOW", "MEDIUM", "HIGH");
  /** The customer channels consent is held for. */
  public static final Set<String> CONTACT_CHANNELS = Set.of("EMAIL", "SMS", "VOICE", "WECHAT");
  /** The largest deal size taken (10^15): beyond it the number is a typo or an attack. */
  public static final BigDecimal MAX_DEAL_SIZE = BigDecimal.TEN.pow(15);
  /** The earliest visit date taken. */
  public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
  /** The latest visit date taken. */
  public static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);
  /** The name of the process variable that holds the request. */
  public static final String VARIABLE = "visitRequest";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
  private static final Pattern NAME = Pattern.compile("[^\\p{Cntrl}]{1,64}");

  public VisitRequest {
    List<Problem> problems = new ArrayList<>();
    if (requestId == null || !ID.matcher(requestId).matches()) {
      problems.add(problem("requestId", requestId == null ? "is missing"
          : "'" + requestId + "' is not a valid id",
          "1 to 100 characters: letters, digits and - _ . : (starting with a letter or digit)"));
    }
    checkName(problems, "customerId", customerId, "the customer's id as in the consent ledger, e.g. C-1001");
    checkName(problems, "repId", repId, "the rep's id, e.g. REP-07");
    if (plannedDate == null) {
      problems.add(problem("plannedDate", "is missing", "an ISO date, e.g. 2026-12-02"));
    } else if (plannedDate.isBefore(EARLIEST_DATE) || plannedDate.isAfter(LATEST_DATE)) {
      problems.add(problem("plannedDate", plannedDate + " is not a plausible visit date",
          "a date from " + EARLIEST_DATE + " to " + LATEST_DATE));
    }
    checkEnum(problems, "channel", channel, CHANNELS, true);
    if (dealSize != null && dealSize.signum() < 0) {
      problems.add(problem("dealSize", "is negative (" + dealSize.toPlainString() + ")",
          "a deal size of 0 or more, or leave it out to use the open deal's amount"));
    } else if (dealSize != null && dealSize.compareTo(MAX_DEAL_SIZE) > 0) {
      problems.add(problem("dealSize", "is beyond the largest deal size (" + dealSize + ")",
          "a deal size from 0 to 10^15, or leave it out to use the open deal's amount"));
    }
    checkEnum(problems, "riskLevel", riskLevel, RISK_LEVELS, false);
    checkEnum(problems, "contactChannel", contactChannel, CONTACT_CHANNELS, false);
    if (!problems.isEmpty()) {
      throw new ValidationException("The visit request is not valid", problems);
    }
  }

  /** A request with the four required fields and everything else from the customer's open deal. */
  public static VisitRequest of(String requestId, String customerId, String repId,
      LocalDate plannedDate, String channel) {
    return new VisitRequest(requestId, customerId, repId, plannedDate, channel, null, null, null);
  }

  /** The same request with a deal size and risk level (instead of the open deal's). */
  public VisitRequest withDeal(BigDecimal newDealSize, String newRiskLevel) {
    return new VisitRequest(requestId, customerId, repId, plannedDate, channel, newDealSize,
        newRiskLevel, contactChannel);
  }

  /** The same request with the customer channel the rep follows up on. */
  public VisitRequest withContactChannel(String newContactChannel) {
    return new VisitRequest(requestId, customerId, repId, plannedDate, channel, dealSize,
        riskLevel, newContactChannel);
  }

  /**
   * The request as a JSON object (text, numbers; the date as ISO text; absent optional fields
   * left out): the value of the process variable {@value #VARIABLE}.
   */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requestId", requestId);
    m.put("customerId", customerId);
    m.put("repId", repId);
    m.put("plannedDate", plannedDate.toString());
    m.put("channel", channel);
    if (dealSize != null) {
      m.put("dealSize", dealSize);
    }
    if (riskLevel != null) {
      m.put("riskLevel", riskLevel);
    }
    if (contactChannel != null) {
      m.put("contactChannel", contactChannel);
    }
    return m;
  }

  /** The process variables that start a {@code visit-battle-pack} instance for this request. */
  public Map<String, Object> toVariables() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(VARIABLE, toJsonMap());
    return m;
  }

  /**
   * Reads a request from a JSON object as {@link #toJsonMap()} writes it (numbers may also be
   * text). Every problem is reported at once, by field name.
   *
   * @throws ValidationException when the value is not an object or a field is missing or wrong
   */
  public static VisitRequest fromJsonMap(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new ValidationException("The visit request is not valid", List.of(problem("",
          value == null ? "is missing" : "is not a JSON object",
          "set the process variable '" + VARIABLE + "' to {\"requestId\", \"customerId\","
              + " \"repId\", \"plannedDate\", \"channel\"}")));
    }
    List<Problem> problems = new ArrayList<>();
    LocalDate date = null;
    Object rawDate = map.get("plannedDate");
    if (rawDate != null) {
      try {
        date = LocalDate.parse(rawDate.toString());
      } catch (DateTimeParseException e) {
        problems.add(problem("plannedDate", "'" + rawDate + "' is not a date",
            "an ISO date, e.g. 2026-12-02"));
      }
    }
    BigDecimal size = null;
    Object rawSize = map.get("dealSize");
    if (rawSize != null) {
      try {
        size = new BigDecimal(rawSize.toString());
      } catch (NumberFormatException e) {
        problems.add(problem("dealSize", "'" + rawSize + "' is not a number", "e.g. 480000"));
      }
    }
    for (Object key : map.keySet()) {
      if (!FIELDS.contains(String.valueOf(key))) {
        problems.add(problem(String.valueOf(key), "is not a field of a visit request",
            "the fields are " + FIELDS));
      }
    }
    try {
      VisitRequest request = new VisitRequest(text(map, "requestId"), text(map, "customerId"),
          text(map, "repId"), date, text(map, "channel"), size, text(map, "riskLevel"),
          text(map, "contactChannel"));
      if (problems.isEmpty()) {
        return request;
      }
    } catch (ValidationException e) {
      for (Problem p : e.problems()) {
        boolean already = problems.stream().anyMatch(q -> q.path().equals(p.path()));
        if (!already) {
          problems.add(p);
        }
      }
    }
    throw new ValidationException("The visit request is not valid", problems);
  }

  private static final List<String> FIELDS = List.of("requestId", "customerId", "repId",
      "plannedDate", "channel", "dealSize", "riskLevel", "contactChannel");

  private static String text(Map<?, ?> map, String key) {
    Object v = map.get(key);
    return v == null ? null : v.toString();
  }

  private static void checkName(List<Problem> problems, String field, String value, String hint) {
    if (value == null || value.isBlank()) {
      problems.add(problem(field, "is missing", hint));
    } else if (!NAME.matcher(value).matches() || !value.strip().equals(value)) {
      problems.add(problem(field, "'" + value + "' is not valid (1 to 64 characters, no control"
          + " characters or surrounding spaces)", hint));
    }
  }

  private static void checkEnum(List<Problem> problems, String field, String value,
      Set<String> allowed, boolean required) {
    if (value == null) {
      if (required) {
        problems.add(problem(field, "is missing", "one of " + new java.util.TreeSet<>(allowed)));
      }
    } else if (!allowed.contains(value)) {
      problems.add(problem(field, "'" + value + "' is not allowed",
          "one of " + new java.util.TreeSet<>(allowed)));
    }
  }

  private static Problem problem(String field, String message, String hint) {
    return new Problem(VARIABLE, 0, 0, null, field, message, hint);
  }
}
