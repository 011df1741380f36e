package dev.baton.engine.rulepack;

import dev.baton.engine.BatonException;
import dev.baton.engine.Problem;
import dev.baton.engine.ValidationException;
import dev.baton.engine.rulepack.internal.ExampleReader;
import dev.baton.engine.rulepack.internal.Json;
import dev.baton.engine.rulepack.internal.Node;
import dev.baton.engine.rulepack.internal.PackReader;
import dev.baton.engine.rulepack.internal.PackWriter;
import dev.baton.engine.rulepack.internal.TreeParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads, validates and writes rule packs, their examples and facts files. Reading either
 * returns a complete, valid pack or throws {@link RulePackInvalidException} with every problem;
 * a pack is never half-loaded. Thread-safe.
 */
public final class RulePacks {

  /** File names tried, in order, when a folder is given. */
  public static final List<String> PACK_FILES = List.of("pack.yaml", "pack.yml", "pack.json");

  /** Example file names tried, in order, in a pack folder. */
  public static final List<String> EXAMPLE_FILES =
      List.of("examples.yaml", "examples.yml", "examples.json");

  private RulePacks() {}

  /**
   * Reads a pack from YAML or JSON text.
   *
   * @param source a name for messages, e.g. the file path; a {@code .json} ending selects JSON
   */
  public static RulePack parse(String source, String text) {
    List<Problem> problems = new ArrayList<>();
    Node root = TreeParser.parse(source, text, TreeParser.Syntax.guess(source, text), problems);
    RulePack pack = root == null ? null : PackReader.read(source, root, problems);
    if (!problems.isEmpty() || pack == null) {
      throw new RulePackInvalidException(source, problems);
    }
    return pack;
  }

  /** Reads a pack from a file, or from the pack file in a folder. */
  public static RulePack read(Path path) {
    Path file = packFile(path);
    return parse(display(file), readText(file));
  }

  /** Checks a pack and returns every problem; empty when it is valid. */
  public static List<Problem> validate(String source, String text) {
    try {
      parse(source, text);
      return List.of();
    } catch (ValidationException e) {
      return e.problems();
    }
  }

  /** The pack file of a folder (pack.yaml, pack.yml or pack.json), or the path itself. */
  public static Path packFile(Path path) {
    if (Files.isDirectory(path)) {
      for (String name : PACK_FILES) {
        Path p = path.resolve(name);
        if (Files.isRegularFile(p)) {
          return p;
        }
      }
      throw new BatonException("No pack file in " + display(path) + ": expected one of "
          + PACK_FILES + ".");
    }
    if (!Files.isRegularFile(path)) {
      throw new BatonException("No such file or folder: " + display(path) + ".");
    }
    return path;
  }

  /** The examples file of a pack folder, if it has one. */
  public static Optional<Path> examplesFile(Path packFolder) {
    if (!Files.isDirectory(packFolder)) {
      return Optional.empty();
    }
    return EXAMPLE_FILES.stream().map(packFolder::resolve).filter(Files::isRegularFile)
        .findFirst();
  }

  /** Reads the examples of a pack from YAML or JSON text (a list of examples). */
  public static List<PackExample> parseExamples(String source, String text) {
    List<Problem> problems = new ArrayList<>();
    Node root = TreeParser.parse(source, text, TreeParser.Syntax.guess(source, text), problems);
    List<PackExample> examples =
        root == null ? List.of() : ExampleReader.examples(source, root, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException("The examples " + source + " are not valid", problems);
    }
    return examples;
  }

  /** Reads an examples file. */
  public static List<PackExample> readExamples(Path file) {
    return parseExamples(display(file), readText(file));
  }

  /** Reads a facts document: {@code {"now": ..., "facts": {"Type": [...]}}}. */
  public static FactsDocument parseFacts(String source, String text) {
    List<Problem> problems = new ArrayList<>();
    Node root = TreeParser.parse(source, text, TreeParser.Syntax.guess(source, text), problems);
    FactsDocument doc = root == null ? null : ExampleReader.factsDocument(source, root, problems);
    if (!problems.isEmpty() || doc == null) {
      throw new ValidationException("The facts " + source + " are not valid", problems);
    }
    return doc;
  }

  /** Reads a facts file. */
  public static FactsDocument readFacts(Path file) {
    return parseFacts(display(file), readText(file));
  }

  /** The pack in YAML, in the canonical layout. */
  public static String toYaml(RulePack pack) {
    return Json.yaml(PackWriter.toTree(pack));
  }

  /** The pack in pretty-printed JSON, in the canonical layout. */
  public static String toJson(RulePack pack) {
    return Json.pretty(PackWriter.toTree(pack));
  }

  /**
   * The canonical content: compact JSON of the canonical layout (numbers without trailing zeros,
   * times in ISO-8601 UTC). Equal content gives equal bytes, whatever the source syntax.
   */
  public static String canonicalJson(RulePack pack) {
    return Json.compact(PackWriter.toTree(pack));
  }

  /** SHA-256 of the canonical content, in lower-case hex. */
  public static String contentHash(RulePack pack) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(
          sha.digest(canonicalJson(pack).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String readText(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BatonException("No such file: " + display(file) + ".");
    }
    try {
      if (Files.size(file) > TreeParser.MAX_CHARS * 4L) {
        throw new BatonException("The file " + display(file) + " is too large.");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new BatonException("The file " + display(file) + " is not UTF-8 text.", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + display(file) + ": " + e.getMessage(), e);
    }
  }

  private static String display(Path p) {
    return p.toString();
  }
}
