package dev.baton.cli;

import dev.baton.engine.BatonException;
import dev.baton.engine.audit.DecisionQuery;
import dev.baton.engine.rulepack.PackRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which recorded decisions {@code decisions list} and {@code decisions export} read. */
final class DecisionFilters {

  @Option(names = "--customer", paramLabel = "<id>", description = "Only this customer's.")
  String customer;

  @Option(names = "--request", paramLabel = "<id>[*]",
      description = "Only the decision of this request id; ending in *, of the request ids"
          + " that start with the text before it, e.g. 'VR-DEMO-1001@*'.")
  String request;

  @Option(names = "--pack", paramLabel = "<id>[@<version>]",
      description = "Only decisions whose pipeline held this pack (or this version of it).")
  String pack;

  @Option(names = "--action", paramLabel = "<action>",
      description = "Only decisions with this final action, e.g. CREATE_SALES_TASK.")
  String action;

  @Option(names = "--from", paramLabel = "<iso-instant>", converter = InstantConverter.class,
      description = "Only decisions recorded at or after this time.")
  Instant from;

  @Option(names = "--to", paramLabel = "<iso-instant>", converter = InstantConverter.class,
      description = "Only decisions recorded before this time.")
  Instant to;

  /** The query of these filters, without limit. */
  DecisionQuery query() {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new BatonException("--from " + from + " is not before --to " + to
          + ": the range [from, to) is empty.");
    }
    if (request != null && (request.isBlank() || request.strip().equals("*")
        || request.indexOf('*') < request.length() - 1 && request.indexOf('*') >= 0)) {
      throw new BatonException("--request '" + request + "' is not a request id or a prefix:"
          + " give a request id, or its start followed by one * at the end (e.g."
          + " VR-DEMO-1001@*).");
    }
    DecisionQuery q = DecisionQuery.all().customer(customer).action(action).recorded(from, to)
        .request(request == null ? null : request.strip());
    if (pack != null) {
      PackRef ref = PackRef.parse(pack);
      q = ref.version() == null ? q.pack(ref.id().value())
          : q.pack(ref.id().value(), ref.version());
    }
    return q;
  }

  /** The filters given, e.g. {@code customer C-1001, pack cmi-threshold}; empty for none. */
  String describe() {
    List<String> parts = new ArrayList<>();
    if (customer != null) {
      parts.add("customer " + customer);
    }
    if (request != null) {
      parts.add("request " + request);
    }
    if (pack != null) {
      parts.add("pack " + pack);
    }
    if (action != null) {
      parts.add("action " + action);
    }
    if (from != null) {
      parts.add("from " + from);
    }
    if (to != null) {
      parts.add("to " + to);
    }
    return String.join(", ", parts);
  }
}
