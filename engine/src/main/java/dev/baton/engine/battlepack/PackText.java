package dev.baton.engine.battlepack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text of a battle pack as a message key with arguments, for a user interface that shows it in
 * the user's language. The pack keeps its English texts as generated (they are part of what is
 * stored and hashed, so stored packs verify as before); this class derives the key and the
 * arguments from the texts the deterministic generator writes (docs/battle-pack.md). A text of
 * another shape (another generator's, or an edit) becomes {@code pack.text} with the text as its
 * argument, and is shown as it is.
 *
 * <p>Arguments are the values of the text as it has them (ids, names, amounts, percentages,
 * dates and ISO instants); a deal's stage is given as {@code pack.stage.<STAGE>} for the user
 * interface to translate ({@link #STAGE_PREFIX}).
 *
 * @param key the message key
 * @param args the arguments
 */
public record PackText(String key, List<String> args) {

  /** Prefix of an argument that is itself a key: a deal's stage. */
  public static final String STAGE_PREFIX = "pack.stage.";

  private static final Map<String, String> NAMES = Map.of(
      "Hold price, add value", "pack.strategy.holdPrice",
      "Answer the competitor", "pack.strategy.answerCompetitor",
      "Stay ahead of the competition", "pack.strategy.stayAhead",
      "Commit to the next purchase cycle", "pack.strategy.commitCycle",
      "Catalogue price cap", "pack.risk.priceCap",
      "Catalogue change", "pack.risk.catalogueChange",
      "Discount approval", "pack.risk.discountApproval",
      "Comparative claims", "pack.risk.comparativeClaims",
      "Gifts and hospitality", "pack.risk.gifts");

  private record Shape(String key, Pattern pattern) {}

  private static Shape shape(String key, String regex) {
    return new Shape(key, Pattern.compile(regex, Pattern.DOTALL));
  }

  /** Sentences of rationales and risk texts, tried in order; a text may be several. */
  private static final List<Shape> SENTENCES = List.of(
      shape("pack.rationale.holdPrice", "Quote at the customer's usual discount of (\\S+)"
          + " \\(average of the last won deals\\) and add services instead of price\\."),
      shape("pack.rationale.answerCompetitor",
          "(.+) cut (.+) by (\\S+) in (.+); meet half of the cut on top of the usual discount\\."),
      shape("pack.rationale.stayAhead", "No competitor price cut in the region; two points above"
          + " the usual discount keep the offer ahead without a price war\\."),
      shape("pack.rationale.noCycle", "No purchase cycle on record; offer three extra points for"
          + " a framework agreement\\."),
      shape("pack.rationale.cycles", "The last (\\d+) purchase cycles took (\\d+) days on"
          + " average; the next order is expected around (\\S+)\\. Offer three extra points for a"
          + " commitment covering the next cycle\\."),
      shape("pack.rationale.cap", "The price is lowered to the catalogue cap of (\\S+)\\."),
      shape("pack.risk.priceCap.text", "From (\\S+) (.+) caps (.+) at (\\S+): no quote, rebate"
          + " or bundled service may take the effective price above it\\."),
      shape("pack.risk.catalogueChange.text", "(.+?): (.*) Check the quote's reimbursement"
          + " terms\\."),
      shape("pack.risk.discountApproval.text", "No catalogue update on record; a discount of"
          + " (\\S+) needs the discount approval on file before it is quoted\\."),
      shape("pack.risk.comparativeClaims.text", "The customer is comparing offers; statements"
          + " about competitors must be factual and provable \\(advertising and"
          + " unfair-competition law\\)\\. Use only the published comparison material\\."),
      shape("pack.risk.gifts.text", "Keep gifts, meals and travel for the customer's staff"
          + " within the company policy and record them; no benefit may be tied to the order"
          + " \\(anti-commercial-bribery rules\\)\\."));

  private static final Map<Evidence.Kind, Shape> EVIDENCE = Map.of(
      Evidence.Kind.VISIT_REQUEST, shape("pack.evidence.visit", "Visit request (\\S+) for (.+)"),
      Evidence.Kind.DEAL, shape("pack.evidence.deal", "([A-Z_]+) (.+), (\\S+) at (\\S+)"
          + " discount"),
      Evidence.Kind.CATALOGUE_UPDATE, shape("pack.evidence.catalogue",
          "(.+) ([A-Z_]+) (.+) from (\\S+)"),
      Evidence.Kind.PURCHASE_CYCLE, shape("pack.evidence.cycle",
          "Cycle (\\d+): (\\S+) to (\\S+) \\((\\d+) days\\), (\\S+)"));

  public PackText {
    args = List.copyOf(args);
  }

  /** A strategy's name or a risk hint's title. */
  public static PackText title(String text) {
    String key = NAMES.get(text);
    return key == null ? new PackText("pack.text", List.of(String.valueOf(text)))
        : new PackText(key, List.of());
  }

  /** A strategy's rationale or a risk hint's text: one text per sentence the generator wrote. */
  public static List<PackText> sentences(String text) {
    String rest = text == null ? "" : text;
    List<PackText> out = new ArrayList<>();
    // the cap sentence is appended to a rationale: split it off first
    Matcher cap = Pattern.compile("(.*) (The price is lowered to the catalogue cap of \\S+\\.)",
        Pattern.DOTALL).matcher(rest);
    String tail = null;
    if (cap.matches()) {
      rest = cap.group(1);
      tail = cap.group(2);
    }
    out.add(sentence(rest));
    if (tail != null) {
      out.add(sentence(tail));
    }
    return out;
  }

  private static PackText sentence(String text) {
    for (Shape s : SENTENCES) {
      Matcher m = s.pattern().matcher(text);
      if (m.matches()) {
        return new PackText(s.key(), groups(m));
      }
    }
    return new PackText("pack.text", List.of(text));
  }

  /** An evidence's summary. */
  public static PackText evidence(Evidence e) {
    Shape s = EVIDENCE.get(e.kind());
    if (s != null) {
      Matcher m = s.pattern().matcher(e.summary() == null ? "" : e.summary());
      if (m.matches()) {
        List<String> args = groups(m);
        if (e.kind() == Evidence.Kind.DEAL) {
          args.set(0, STAGE_PREFIX + args.get(0));
        }
        return new PackText(s.key(), args);
      }
    }
    return new PackText("pack.text", List.of(String.valueOf(e.summary())));
  }

  private static List<String> groups(Matcher m) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= m.groupCount(); i++) {
      out.add(m.group(i));
    }
    return out;
  }
}
