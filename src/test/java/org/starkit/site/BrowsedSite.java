package org.starkit.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a browser test class of the shipped site starts once: Chromium (or the class is skipped when
 * it is not installed), the shipped site built into a temporary folder, and a local server for it.
 */
final class BrowsedSite implements AutoCloseable {
  final ShippedSite site;
  final StaticServer server;
  final Browser browser;
  private final Path tmp;

  private BrowsedSite(Path tmp, Browser browser, ShippedSite site, StaticServer server) {
    this.tmp = tmp;
    this.browser = browser;
    this.site = site;
    this.server = server;
  }

  static BrowsedSite start(String prefix) throws IOException {
    Path tmp = Files.createTempDirectory(prefix);
    Browser browser;
    try {
      browser = Browser.startOrSkip(tmp);
    } catch (RuntimeException e) {
      ShippedSite.delete(tmp);
      throw e;
    }
    ShippedSite site = ShippedSite.build();
    return new BrowsedSite(tmp, browser, site, new StaticServer(site.root()));
  }

  @Override
  public void close() throws IOException {
    try (AutoCloseable b = browser; AutoCloseable s = server; AutoCloseable w = site) {
      // closed in reverse order
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    } finally {
      ShippedSite.delete(tmp);
    }
  }
}
