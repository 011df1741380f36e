package dev.baton.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code baton --version}: the version the build wrote into {@code version.properties}. */
final class BatonVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
        "baton " + version(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
            + ")"};
  }

  static String version() {
    Properties p = new Properties();
    try (InputStream in = BatonVersion.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version", "(unknown version)");
  }
}
