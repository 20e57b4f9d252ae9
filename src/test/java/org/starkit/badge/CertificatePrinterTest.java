package org.starkit.badge;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.render.TemplateRenderer;

/**
 * The printable certificate, checked the way a reader sees it: PDFs are not byte-reproducible,
 * so the tests extract the text with PDFBox and decode the QR code from the rendered page.
 */
class CertificatePrinterTest {
  @TempDir
  static Path tmp;

  static BadgeFixture f;
  static BadgeIssuer.Issued award;
  static byte[] pdf;

  @BeforeAll
  static void print() throws Exception {
    f = new BadgeFixture(tmp);
    award = f.issue("ada@example.org", Optional.empty());
    pdf = print(award, "Łucja Żółć-Ørsted");
  }

  static byte[] print(BadgeIssuer.Issued a, String learner) throws Exception {
    CertificatePrinter printer = new CertificatePrinter(f.urls, "Example Workshops");
    String html = new TemplateRenderer(Path.of("themes/default"), "themes/default").render("certificate.peb",
        Map.of("certificate", printer.certificate(a, learner, BadgeArtist.png(f.achievement, List.of("beginner"))),
            "lang", "en"));
    return printer.pdf(html);
  }

  @Test
  void showsTheLearnerAchievementDateAndCredentialIdOnOnePage() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Łucja Żółć-Ørsted", "First Steps", "1 March 2026", "2026-03-01", award.id(),
          "Example Workshops", f.urls.verify());
      assertThat(text).doesNotContain("#ucja", "ada@example.org");
    }
  }

  @Test
  void embedsTheBundledFontSoEveryNamePrints() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<String> fonts = new ArrayList<>();
      PDPage page = doc.getPage(0);
      for (COSName n : page.getResources().getFontNames()) {
        var font = page.getResources().getFont(n);
        fonts.add(font.getName());
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
      }
      assertThat(fonts).isNotEmpty().allSatisfy(name -> assertThat(name).contains("DejaVuSans"));
    }
  }

  @Test
  void qrCodeOnThePrintedPageOpensTheVerifyPageForThisCredential() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
      assertThat(decode(page)).isEqualTo(f.urls.verify() + "#credential=" + award.id());
      boolean embedded = false;
      for (COSName n : doc.getPage(0).getResources().getXObjectNames()) {
        if (doc.getPage(0).getResources().getXObject(n) instanceof PDImageXObject img) {
          try {
            embedded |= decode(img.getImage()).equals(f.urls.verifyCredential(award.id()));
          } catch (com.google.zxing.NotFoundException e) {
            // the badge image, not the QR code
          }
        }
      }
      assertThat(embedded).as("the QR code is embedded as an image").isTrue();
    }
  }

  @Test
  void withoutANameTheCertificateSpeaksOfItsHolder() throws Exception {
    try (PDDocument doc = Loader.loadPDF(print(award, null))) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("The holder of this certificate has earned the badge", award.id())
          .doesNotContain("This certifies that");
    }
  }

  @Test
  void markupInANameIsPrintedAsText() throws Exception {
    try (PDDocument doc = Loader.loadPDF(print(award, "<b>Bobby</b> & \"Tables\""))) {
      assertThat(new PDFTextStripper().getText(doc)).contains("<b>Bobby</b> & \"Tables\"");
    }
  }

  @Test
  void theSamePagePrintsToTheSameBytes() throws Exception {
    assertThat(print(award, "Łucja Żółć-Ørsted")).isEqualTo(pdf);
  }

  @Test
  void standardPdfFontsNeedNoStandInFromTheMachine() {
    // openhtmltopdf prepares the 14 standard PDF fonts for every page; PDFBox's own mapper looked for
    // each on the machine and, with no Symbol font installed, warned once per certificate
    for (String base : List.of("Symbol", "ZapfDingbats", "Helvetica", "Times-Roman", "Courier")) {
      assertThat(FontMappers.instance().getFontBoxFont(base, null).isFallback()).as(base).isFalse();
    }
  }

  static String decode(BufferedImage image) throws Exception {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
    return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
  }
}
