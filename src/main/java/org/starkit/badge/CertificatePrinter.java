package org.starkit.badge;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * Prints an award's certificate: a one-page PDF made from the theme's {@code certificate.peb}
 * with openhtmltopdf. The DejaVu Sans fonts bundled in the jar are embedded, so any learner's
 * name prints as written, whatever fonts the organizer's machine has.
 */
public final class CertificatePrinter {
  /** The font family the certificate template must use. */
  public static final String FONT_FAMILY = "DejaVu Sans";
  private static final String FONTS = "/org/starkit/badge/fonts/";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  static {
    // openhtmltopdf reports every stage at INFO on stderr, which would drown the command's output
    XRLog.setLoggingEnabled(false);
  }

  private final BadgeUrls urls;
  private final String issuerName;

  public CertificatePrinter(BadgeUrls urls, String issuerName) {
    this.urls = urls;
    this.issuerName = issuerName;
  }

  /** The certificate's content for one award. */
  public Certificate certificate(BadgeIssuer.Issued award, String learner, byte[] badgePng) {
    String verify = urls.verifyCredential(award.id());
    var day = award.issued().atOffset(ZoneOffset.UTC).toLocalDate();
    return new Certificate(learner == null ? "" : learner.strip(), award.achievement().name(),
        award.achievement().description(), issuerName, DATE.format(day), day.toString(), award.id(), urls.verify(), verify,
        dataUri(QrPainter.png(verify)), dataUri(badgePng));
  }

  /** The PDF of a certificate page rendered from the template (HTML, parsed leniently). */
  public byte[] pdf(String html) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
    builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
    builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), urls.base());
    builder.toStream(out);
    try {
      builder.run();
    } catch (RuntimeException e) {
      throw new IOException("the certificate could not be printed: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static InputStream font(String name) {
    InputStream in = CertificatePrinter.class.getResourceAsStream(FONTS + name);
    if (in == null) {
      throw new IllegalStateException("the font " + name + " is missing from the starkit jar");
    }
    return in;
  }

  private static String dataUri(byte[] png) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
  }
}
