package dev.baton.cli;

import dev.baton.engine.BatonException;
import dev.baton.engine.repository.Draft;
import dev.baton.engine.repository.DraftRef;
import dev.baton.engine.repository.PackDiff;
import dev.baton.engine.repository.PackEvent;
import dev.baton.engine.repository.PackRepository;
import dev.baton.engine.repository.PackSource;
import dev.baton.engine.repository.PackSummary;
import dev.baton.engine.repository.PublishedVersion;
import dev.baton.engine.repository.UnknownPackException;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.runtime.Baton;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code baton pack ...}: the pack repository from the command line. Sales ops import a pack
 * as a draft, publish it as an immutable version, retire or roll back versions (always saying
 * why), and read the history, a semantic diff, or a version as YAML or a zip.
 */
@Command(
    name = "pack",
    description = {
        "Manages rule packs in the repository: import, publish, retire, roll back, history, diff,"
            + " export, list, show.",
        "A published version never changes; every change is recorded with who, when and why."},
    subcommands = {
        PackCommand.Import.class,
        PackCommand.Publish.class,
        PackCommand.Retire.class,
        PackCommand.Rollback.class,
        PackCommand.History.class,
        PackCommand.Diff.class,
        PackCommand.Export.class,
        PackCommand.ListPacks.class,
        PackCommand.Show.class})
final class PackCommand extends CommandGroup {

  /** {@code baton pack import <path>}: a folder, pack file or zip becomes the pack's draft. */
  @Command(name = "import",
      description = {"Imports a pack (folder, pack file or zip) as the pack's new draft.",
          "The examples file next to the pack is imported with it. Publish the draft to use it."})
  static final class Import extends StoreCommand {
    @Parameters(paramLabel = "<path|zip>",
        description = "A pack folder (pack.yaml and examples.yaml), a pack file or a .zip.")
    Path path;

    @Option(names = "--note", paramLabel = "<text>", description = "Why it is imported.")
    String note;

    @Override
    protected void checkInputs() {
      requireExisting(path, "pack file or folder");
    }

    @Override
    protected int run(Baton baton) {
      DraftRef ref = baton.packs().importDraft(PackSource.path(path), actor(), note);
      out().printf("Imported %s %s as draft revision %d (sha256:%s).%n", ref.packId(),
          ref.version(), ref.revision(), ref.hash());
      out().printf("Publish it with: baton pack publish %s%n", ref.packId());
      return ExitCodes.OK;
    }
  }

  /** {@code baton pack publish <id>}: the draft becomes a new, active version. */
  @Command(name = "publish",
      description = {"Publishes the pack's draft as a new version, which becomes active.",
          "Refused when the draft's version is not above every published one, or its content"
              + " equals a published version's."})
  static final class Publish extends StoreCommand {
    @Parameters(paramLabel = "<id>", description = "The pack id.")
    String id;

    @Option(names = "--note", paramLabel = "<text>", description = "What changed and why.")
    String note;

    @Override
    protected int run(Baton baton) {
      PublishedVersion v = baton.packs().publish(id, actor(), note);
      out().printf("Published %s %s (sha256:%s); it is now the active version.%n", v.packId(),
          v.version(), v.hash());
      return ExitCodes.OK;
    }
  }

  /** {@code baton pack retire <id> <version> --why ...}. */
  @Command(name = "retire",
      description = {"Retires a published version: it is never active again, stays readable.",
          "When it was active, the highest remaining published version becomes active."})
  static final class Retire extends StoreCommand {
    @Parameters(index = "0", paramLabel = "<id>", description = "The pack id.")
    String id;

    @Parameters(index = "1", paramLabel = "<version>", description = "The version to retire.")
    String version;

    @Option(names = "--why", required = true, paramLabel = "<reason>",
        description = "Why it is retired; goes in the history.")
    String why;

    @Override
    protected int run(Baton baton) {
      baton.packs().retire(id, version, actor(), why);
      out().printf("Retired %s %s; %s.%n", id, version, activeNow(baton.packs(), id));
      return ExitCodes.OK;
    }
  }

  /** {@code baton pack rollback <id> <version> --why ...}. */
  @Command(name = "rollback",
      description = "Makes an earlier published (not retired) version active again.")
  static final class Rollback extends StoreCommand {
    @Parameters(index = "0", paramLabel = "<id>", description = "The pack id.")
    String id;

    @Parameters(index = "1", paramLabel = "<version>",
        description = "The version to make active.")
    String version;

    @Option(names = "--why", required = true, paramLabel = "<reason>",
        description = "Why; goes in the history.")
    String why;

    @Override
    protected int run(Baton baton) {
      String before = baton.packs().activeVersion(id).map(PublishedVersion::version)
          .orElse("none");
      baton.packs().rollback(id, version, actor(), why);
      out().printf("Rolled %s back to %s: the active version is now %s (was %s).%n", id,
          version, version, before);
      return ExitCodes.OK;
    }
  }

  /** {@code baton pack history <id>}: every event, oldest first. */
  @Command(name = "history",
      description = "Prints a pack's history, oldest first: what, which version, who, when, why.")
  static final class History extends StoreCommand {
    @Parameters(paramLabel = "<id>", description = "The pack id.")
    String id;

    @Override
    protected int run(Baton baton) {
      List<PackEvent> events = baton.packs().history(id);
      if (events.isEmpty()) {
        throw noSuchPack(baton.packs(), id);
      }
      Table table = new Table("AT", "EVENT", "VERSION", "ACTIVE", "ACTOR", "WHY");
      for (PackEvent e : events) {
        String version = e.revision() > 0 ? e.version() + " (draft " + e.revision() + ")"
            : e.version();
        String active = Objects.equals(e.activeBefore(), e.activeAfter())
            ? orNone(e.activeAfter()) : orNone(e.activeBefore()) + " → " + orNone(e.activeAfter());
        table.row(e.at().truncatedTo(ChronoUnit.SECONDS), e.type(), version, active, e.actor(),
            e.why());
      }
      table.print(out());
      return ExitCodes.OK;
    }
  }

  /** {@code baton pack diff <id> <from> <to>}: what changed, by meaning. */
  @Command(name = "diff",
      description = {"Prints the semantic difference between two versions of a pack.",
          "Which rule, condition, operator, threshold, action or parameter changed; 'draft'"
              + " names the current draft."})
  static final class Diff extends StoreCommand {
    @Parameters(index = "0", paramLabel = "<id>", description = "The pack id.")
    String id;

    @Parameters(index = "1", paramLabel = "<from>", description = "A version, or draft.")
    String from;

    @Parameters(index = "2", paramLabel = "<to>", description = "A version, or draft.")
    String to;

    @Option(names = "--lang", paramLabel = "en|zh-CN", defaultValue = "en",
        description = "Language of the text: en or zh-CN (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--json", description = "Print the difference as JSON, for tools.")
    boolean json;

    @Override
    protected void checkInputs() {
      language();
    }

    @Override
    protected int run(Baton baton) {
      PackDiff diff = baton.packs().diff(id, from, to);
      String text = json ? diff.toJson() : diff.text(language());
      out().print(text.endsWith("\n") ? text : text + "\n");
      out().flush();
      return ExitCodes.OK;
    }

    private Locale language() {
      return switch (lang) {
        case "en" -> Locale.ENGLISH;
        case "zh-CN", "zh" -> Locale.SIMPLIFIED_CHINESE;
        default -> throw new BatonException("Unknown language '" + lang
            + "' for --lang: use en or zh-CN.");
      };
    }
  }

  /** {@code baton pack export <id> <version> -o <file.zip>}. */
  @Command(name = "export",
      description = {"Writes a published version as a zip: pack.yaml (canonical) and its"
          + " examples.", "Importing the zip gives the same content hash."})
  static final class Export extends StoreCommand {
    @Parameters(index = "0", paramLabel = "<id>", description = "The pack id.")
    String id;

    @Parameters(index = "1", paramLabel = "<version>", description = "A published version.")
    String version;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "<file.zip>",
        description = "The zip file to write (replaced if it exists).")
    Path output;

    @Override
    protected int run(Baton baton) {
      byte[] zip = baton.packs().exportZip(id, version);
      OutputFiles.write(output, out -> out.write(zip));
      String hash = baton.packs().versions(id).stream()
          .filter(v -> v.version().equals(version)).map(PublishedVersion::hash).findFirst()
          .orElse("?");
      out().printf("Wrote %s %s (sha256:%s) to %s.%n", id, version, hash, output);
      return ExitCodes.OK;
    }
  }

  /** {@code baton pack list}: every pack with its state and versions. */
  @Command(name = "list", description = "Lists every pack with its state, active and latest"
      + " version, and draft revision.")
  static final class ListPacks extends StoreCommand {
    @Override
    protected int run(Baton baton) {
      List<PackSummary> packs = baton.packs().list();
      if (packs.isEmpty()) {
        err().println("No packs yet. Import one with: baton pack import <folder|file|zip>");
        return ExitCodes.OK;
      }
      Table table = new Table("ID", "KIND", "STATE", "ACTIVE", "LATEST", "DRAFT", "TITLE");
      for (PackSummary p : packs) {
        table.row(p.id(), p.kind().label(), p.state(), p.activeVersion(), p.latestVersion(),
            p.draftRevision() == 0 ? null : "rev " + p.draftRevision(),
            p.title() == null ? null : p.title().en());
      }
      table.print(out());
      return ExitCodes.OK;
    }
  }

  /** {@code baton pack show <id> [--version v]}: a version as YAML. */
  @Command(name = "show",
      description = "Prints a pack as YAML: the active version, a pinned one, or the draft.")
  static final class Show extends StoreCommand {
    @Parameters(paramLabel = "<id>", description = "The pack id.")
    String id;

    @Option(names = "--version", paramLabel = "<version>",
        description = "A published or retired version, or draft (default: the active one).")
    String version;

    @Override
    protected int run(Baton baton) {
      PackRepository packs = baton.packs();
      RulePack pack;
      if (PackRepository.DRAFT.equals(version)) {
        pack = packs.draft(id).map(Draft::pack).orElseThrow(() -> noSuchPack(packs, id));
      } else if (version != null) {
        pack = packs.get(id, version).orElseThrow(() -> new UnknownPackException(id, version,
            "'" + id + "' has no version " + version + "; published versions: "
                + packs.versions(id).stream().map(PublishedVersion::version).toList() + "."));
      } else {
        Optional<RulePack> active = packs.active(id);
        if (active.isEmpty()) {
          if (packs.draft(id).isEmpty()) {
            throw noSuchPack(packs, id);
          }
          throw new UnknownPackException(id, null, "'" + id + "' has no active version"
              + " (nothing published, or every version retired). Show the draft with"
              + " --version draft, or a retired one with --version <v>.");
        }
        pack = active.get();
      }
      String yaml = RulePacks.toYaml(pack);
      out().print(yaml.endsWith("\n") ? yaml : yaml + "\n");
      out().flush();
      return ExitCodes.OK;
    }
  }

  private static String activeNow(PackRepository packs, String id) {
    return packs.activeVersion(id).map(v -> "the active version is " + v.version())
        .orElse("no version is active now");
  }

  private static String orNone(String version) {
    return version == null ? "none" : version;
  }

  /** The pack does not exist: say which ones do. */
  static UnknownPackException noSuchPack(PackRepository packs, String id) {
    List<String> ids = packs.list().stream().map(PackSummary::id).toList();
    return new UnknownPackException(id, null, "There is no pack '" + id + "' in the repository"
        + (ids.isEmpty() ? " (it is empty; import one with 'baton pack import <folder>')."
            : "; packs: " + String.join(", ", ids) + "."));
  }
}
