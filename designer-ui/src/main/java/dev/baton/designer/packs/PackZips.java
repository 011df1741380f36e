package dev.baton.designer.packs;

import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds the zip that carries a pack with its examples into the repository. */
public final class PackZips {
  private PackZips() {}

  /** A zip of {@code pack.yaml} (canonical YAML) and {@code examples.yaml} when not null. */
  public static byte[] of(RulePack pack, String examplesYaml) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(zip, "pack.yaml", RulePacks.toYaml(pack));
      if (examplesYaml != null && !examplesYaml.isBlank()) {
        put(zip, "examples.yaml", examplesYaml);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
