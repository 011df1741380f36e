package dev.baton.engine.repository.internal;

import dev.baton.engine.BatonException;
import dev.baton.engine.Problem;
import dev.baton.engine.ValidationException;
import dev.baton.engine.repository.PackSource;
import dev.baton.engine.repository.RepositoryOptions;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a pack and its examples from a folder, a pack file or a zip. A zip is read in memory
 * and never extracted; still, it is refused as a whole when an entry's path leaves the zip's
 * root (zip slip: {@code ../}, an absolute path, a drive letter), when an entry or the whole is
 * larger than the limits once uncompressed (sizes are counted while inflating, headers are not
 * trusted), or when it has too many entries.
 */
public final class PackImporter {
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  private PackImporter() {}

  /** A pack read from a source, with its examples file when it has one. */
  public record Imported(RulePack pack, String examplesName, String examples, String source) {}

  /** Reads a source; throws {@link ValidationException} for anything not acceptable. */
  public static Imported read(PackSource source, RepositoryOptions limits) {
    if (source instanceof PackSource.FromPath p) {
      return readPath(p.path(), limits);
    }
    PackSource.FromBytes b = (PackSource.FromBytes) source;
    byte[] bytes = b.content();
    if (isZip(b.name(), bytes)) {
      return readZip(b.name(), bytes, limits);
    }
    String text = utf8(b.name(), bytes);
    return new Imported(RulePacks.parse(b.name(), text), null, null, b.name());
  }

  private static Imported readPath(Path path, RepositoryOptions limits) {
    if (Files.isDirectory(path)) {
      Path packFile = RulePacks.packFile(path);
      RulePack pack = RulePacks.read(packFile);
      Optional<Path> examples = RulePacks.examplesFile(path);
      if (examples.isEmpty()) {
        return new Imported(pack, null, null, path.toString());
      }
      String text = readString(examples.get());
      RulePacks.parseExamples(examples.get().toString(), text);
      return new Imported(pack, examples.get().getFileName().toString(), text, path.toString());
    }
    if (!Files.isRegularFile(path)) {
      throw new BatonException("No such file or folder: " + path + ".");
    }
    try {
      if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")
          || startsWithMagic(path)) {
        if (Files.size(path) > limits.maxZipTotalBytes()) {
          throw refused(path.toString(), List.of(problem(path.toString(), null,
              "The zip file is " + Files.size(path) + " bytes; at most "
                  + limits.maxZipTotalBytes() + " are accepted.",
              "Put only the pack file and its examples in the zip.")));
        }
        return readZip(path.toString(), Files.readAllBytes(path), limits);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
    }
    return new Imported(RulePacks.read(path), null, null, path.toString());
  }

  private static boolean startsWithMagic(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return isZip("", in.readNBytes(4));
    }
  }

  private static boolean isZip(String name, byte[] bytes) {
    if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
      return true;
    }
    if (bytes.length < ZIP_MAGIC.length) {
      return false;
    }
    for (int i = 0; i < ZIP_MAGIC.length; i++) {
      if (bytes[i] != ZIP_MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------------ zip

  /** Reads a zip holding one pack, at its root or in one top-level folder. */
  static Imported readZip(String zipName, byte[] bytes, RepositoryOptions limits) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    int entries = 0;
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes),
        StandardCharsets.UTF_8)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        entries++;
        if (entries > limits.maxZipEntries()) {
          problems.add(problem(zipName, null, "The zip has more than " + limits.maxZipEntries()
              + " entries.", "Put only the pack file and its examples in the zip."));
          break;
        }
        String name = e.getName();
        String unsafe = unsafe(name);
        if (unsafe != null) {
          problems.add(problem(zipName, name, "The entry's path " + unsafe
              + ": it would leave the folder the zip is unpacked in (zip slip).",
              "Zip the pack folder itself, with paths relative to it such as pack.yaml."));
          continue;
        }
        if (e.isDirectory()) {
          continue;
        }
        byte[] content = readLimited(zip, limits.maxZipEntryBytes());
        if (content == null) {
          problems.add(problem(zipName, name, "The entry is larger than "
              + limits.maxZipEntryBytes() + " bytes uncompressed.",
              "A pack file is text of a few kilobytes; check that this is the right zip."));
          break;
        }
        total += content.length;
        if (total > limits.maxZipTotalBytes()) {
          problems.add(problem(zipName, name, "The zip's entries add up to more than "
              + limits.maxZipTotalBytes() + " bytes uncompressed.",
              "Put only the pack file and its examples in the zip."));
          break;
        }
        if (files.put(normalise(name), content) != null) {
          problems.add(problem(zipName, name, "The zip holds this entry twice.",
              "Zip the pack folder again."));
        }
      }
    } catch (ZipException ex) {
      problems.add(problem(zipName, null, "The file is not a readable zip: " + ex.getMessage()
          + ".", "Create the zip again, without encryption."));
    } catch (IOException ex) {
      throw new UncheckedIOException("Cannot read the zip " + zipName + ": " + ex.getMessage(),
          ex);
    }
    if (problems.isEmpty() && entries == 0) {
      problems.add(problem(zipName, null, "The zip is empty or not a zip.",
          "Zip the pack folder (pack.yaml and examples.yaml)."));
    }
    if (!problems.isEmpty()) {
      throw refused(zipName, problems);
    }
    return packOf(zipName, files);
  }

  /** Why an entry name is unsafe, or null. */
  static String unsafe(String name) {
    String n = name.replace('\\', '/');
    if (n.isEmpty()) {
      return "is empty";
    }
    if (n.startsWith("/")) {
      return "is absolute";
    }
    if (n.length() >= 2 && n.charAt(1) == ':' && Character.isLetter(n.charAt(0))) {
      return "starts with a drive letter";
    }
    if (n.chars().anyMatch(ch -> ch < 0x20)) {
      return "contains control characters";
    }
    for (String segment : n.split("/")) {
      if (segment.equals("..")) {
        return "contains '..'";
      }
    }
    return null;
  }

  private static String normalise(String name) {
    String n = name.replace('\\', '/');
    while (n.startsWith("./")) {
      n = n.substring(2);
    }
    return n.replace("/./", "/");
  }

  private static byte[] readLimited(InputStream in, long max) throws IOException {
    byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    return content.length > max ? null : content;
  }

  private static Imported packOf(String zipName, Map<String, byte[]> files) {
    Set<String> folders = new LinkedHashSet<>();
    for (String name : files.keySet()) {
      String[] parts = name.split("/");
      String last = parts[parts.length - 1];
      if (RulePacks.PACK_FILES.contains(last) && parts.length <= 2 && !name.startsWith("__MACOSX/")) {
        folders.add(parts.length == 1 ? "" : parts[0] + "/");
      }
    }
    String root;
    if (folders.contains("")) {
      root = "";
    } else if (folders.size() == 1) {
      root = folders.iterator().next();
    } else if (folders.isEmpty()) {
      throw refused(zipName, List.of(problem(zipName, null,
          "The zip has no pack file at its root or in a top-level folder.",
          "Zip the pack folder: it holds one of " + RulePacks.PACK_FILES + ".")));
    } else {
      throw refused(zipName, List.of(problem(zipName, null,
          "The zip holds several packs, in " + folders + ".", "Import one pack per zip.")));
    }
    String packName = single(zipName, files, root, RulePacks.PACK_FILES);
    String examplesName = single(zipName, files, root, RulePacks.EXAMPLE_FILES);
    String source = zipName + "!/" + root + packName;
    RulePack pack = RulePacks.parse(source, utf8(source, files.get(root + packName)));
    if (examplesName == null) {
      return new Imported(pack, null, null, zipName);
    }
    String exSource = zipName + "!/" + root + examplesName;
    String examples = utf8(exSource, files.get(root + examplesName));
    RulePacks.parseExamples(exSource, examples);
    return new Imported(pack, examplesName, examples, zipName);
  }

  private static String single(String zipName, Map<String, byte[]> files, String root,
      List<String> names) {
    List<String> present = names.stream().filter(n -> files.containsKey(root + n)).toList();
    if (present.size() > 1) {
      throw refused(zipName, List.of(problem(zipName, root, "The zip holds " + present
          + ": it is not clear which one to import.", "Keep only one of them.")));
    }
    return present.isEmpty() ? null : present.get(0);
  }

  // ---------------------------------------------------------------------- helpers

  private static ValidationException refused(String zipName, List<Problem> problems) {
    return new ValidationException("The zip " + zipName + " was refused; nothing was imported",
        problems);
  }

  private static Problem problem(String source, String entry, String message, String hint) {
    return new Problem(source, 0, 0, null, entry, message, hint);
  }

  private static String utf8(String source, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ValidationException("The file " + source + " was refused", List.of(problem(
          source, null, "The file is not UTF-8 text.", "Save it as UTF-8.")));
    }
  }

  private static String readString(Path file) {
    try {
      return utf8(file.toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
