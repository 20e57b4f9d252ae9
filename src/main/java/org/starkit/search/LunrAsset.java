package org.starkit.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.starkit.write.OutputFile;

/**
 * The lunr search library, copied out of the {@code org.webjars.npm:lunr} WebJar on starkit's
 * classpath into the site: the minified script as published, which keeps lunr's copyright and
 * licence header, and its MIT licence beside it.
 */
public final class LunrAsset {
  public static final String SCRIPT = "assets/lunr.min.js";
  public static final String LICENSE = "assets/lunr.LICENSE.txt";

  private static final String POM = "META-INF/maven/org.webjars.npm/lunr/pom.properties";
  private static final String WEBJAR = "META-INF/resources/webjars/lunr/";

  private LunrAsset() {}

  /** The library's files for the site; read from the WebJar once. */
  public static List<OutputFile> files() {
    return Holder.FILES;
  }

  /** The version of lunr in the WebJar, such as {@code 2.3.9}. */
  public static String version() {
    return Holder.VERSION;
  }

  private static final class Holder {
    static final String VERSION = readVersion();
    static final List<OutputFile> FILES = List.of(
        new OutputFile(SCRIPT, script(read(WEBJAR + VERSION + "/lunr.min.js"))),
        new OutputFile(LICENSE, read(WEBJAR + VERSION + "/LICENSE")));

    private static String readVersion() {
      Properties p = new Properties();
      try (InputStream in = open(POM)) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String v = p.getProperty("version", "");
      if (!v.matches("[0-9][0-9A-Za-z.+-]*")) {
        throw new IllegalStateException("the lunr WebJar names no usable version in " + POM);
      }
      return v;
    }

    private static byte[] script(byte[] bytes) {
      String head = new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.UTF_8);
      if (!head.startsWith("/**") || !head.contains("Copyright") || !head.contains("@license MIT")) {
        throw new IllegalStateException("lunr.min.js in the WebJar lost its licence header");
      }
      return bytes;
    }

    private static byte[] read(String resource) {
      try (InputStream in = open(resource)) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static InputStream open(String resource) throws IOException {
      InputStream in = LunrAsset.class.getClassLoader().getResourceAsStream(resource);
      if (in == null) {
        throw new IOException("starkit was built without the lunr WebJar: " + resource + " is missing");
      }
      return in;
    }
  }
}
