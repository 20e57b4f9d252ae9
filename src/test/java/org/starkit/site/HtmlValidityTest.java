package org.starkit.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every page of the shipped site, and of its offline zips, passes the W3C Nu HTML Checker. */
class HtmlValidityTest {
  private static ShippedSite site;
  private static HtmlChecker checker;

  @BeforeAll
  static void build() throws Exception {
    site = ShippedSite.build();
    checker = new HtmlChecker();
  }

  @AfterAll
  static void clean() throws Exception {
    if (site != null) {
      site.close();
    }
  }

  @Test
  void checkerReportsErrorsInABrokenPage() throws Exception {
    // guards the test itself: a checker that reports nothing would pass every page
    String broken = "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head>"
        + "<body><p id=\"a\">one</p><p id=\"a\">two<div></span></body></html>";
    assertThat(checker.errors("broken.html", broken.getBytes(StandardCharsets.UTF_8)))
        .anySatisfy(m -> assertThat(m).contains("Duplicate ID"))
        .anySatisfy(m -> assertThat(m).contains("span"));
  }

  @Test
  void everyPageOfTheShippedSiteIsValidHtml() throws Exception {
    List<String> pages = site.pages();
    assertThat(pages).contains("index.html", "404.html", ShippedSite.LESSON, ShippedSite.INSTRUCTOR,
        ShippedSite.KIT, "kits/python-half-day-beginners/print.html", ShippedSite.EVENT, ShippedSite.VERIFY,
        "badges/index.html");
    Map<String, List<String>> invalid = new LinkedHashMap<>();
    for (String page : pages) {
      List<String> errors = checker.errors(page, Files.readAllBytes(site.resolve(page)));
      if (!errors.isEmpty()) {
        invalid.put(page, errors);
      }
    }
    assertThat(invalid).as("pages with HTML errors").isEmpty();
  }

  @Test
  void everyPageInTheOfflineZipsIsValidHtml() throws Exception {
    List<String> zips = site.files(".zip");
    assertThat(zips).isNotEmpty();
    Map<String, List<String>> invalid = new LinkedHashMap<>();
    int checked = 0;
    for (String zip : zips) {
      try (ZipInputStream in = new ZipInputStream(Files.newInputStream(site.resolve(zip)))) {
        for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          if (e.getName().endsWith(".html")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            List<String> errors = checker.errors(zip + "!" + e.getName(), bytes.toByteArray());
            checked++;
            if (!errors.isEmpty()) {
              invalid.put(zip + "!" + e.getName(), new ArrayList<>(errors));
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(zips.size());
    assertThat(invalid).as("offline pages with HTML errors").isEmpty();
  }
}
