package org.starkit.badge;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * Prints an award's certificate: a one-page PDF made from the theme's {@code certificate.peb}
 * with openhtmltopdf. The DejaVu Sans fonts bundled in the jar are embedded, so any learner's
 * name prints as written, whatever fonts the organizer's machine has.
 *
 * <p>Made for rosters: safe to use from several threads; each thread parses the bundled fonts
 * once, font metrics are measured once, and the images are PNGs PDFBox embeds without decoding
 * them. The same page gives the same PDF bytes: its {@code /ID} is a hash of the page, and it has
 * no creation date.
 */
public final class CertificatePrinter {
  /** The font family the certificate template must use. */
  public static final String FONT_FAMILY = "DejaVu Sans";
  private static final String FONTS = "/org/starkit/badge/fonts/";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
  private static final FSCacheEx<String, FSCacheValue> METRICS = new MetricsCache();
  private static final ThreadLocal<Fonts> PARSED = ThreadLocal.withInitial(Fonts::parse);

  static {
    // openhtmltopdf reports every stage at INFO on stderr, which would drown the command's output
    XRLog.setLoggingEnabled(false);
    FontMappers.set(new BundledFontMapper());
  }

  private final BadgeUrls urls;
  private final String issuerName;
  private volatile BadgeImage badge = new BadgeImage(new byte[0], "");

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
        dataUri(QrPainter.png(verify)), badgeUri(badgePng));
  }

  /** The PDF of a certificate page rendered from the template (HTML, parsed leniently). */
  public byte[] pdf(String html) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    Fonts fonts = PARSED.get();
    try (PDDocument doc = new PDDocument()) {
      byte[] id = Arrays.copyOf(sha256(html), 16);
      COSArray ids = new COSArray();
      ids.add(new COSString(id));
      ids.add(new COSString(id));
      doc.getDocument().getTrailer().setItem(COSName.ID, ids);
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePDDocument(doc);
      builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, METRICS);
      builder.useFont(fonts.supplier(doc, fonts.regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
      builder.useFont(fonts.supplier(doc, fonts.bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
      builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), urls.base());
      try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
        renderer.layout();
        // openhtmltopdf stamps the wall-clock time as the creation date; a certificate carries its
        // issue date in its text, and the PDF stays the same whenever it is printed
        PDDocument printed = renderer.createPDFKeepOpen();
        printed.getDocumentInformation().setCreationDate(null);
        printed.save(out);
      }
    } catch (RuntimeException e) {
      throw new IOException("the certificate could not be printed: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /**
   * The badge image as a certificate shows it: on white, as a certificate prints on white paper,
   * so that PDFBox embeds its PNG data as it is (an image with an alpha channel it decodes and
   * compresses again for every page). Converted once per image.
   */
  private String badgeUri(byte[] png) {
    BadgeImage b = badge;
    if (!Arrays.equals(b.png(), png)) {
      b = new BadgeImage(png.clone(), dataUri(onWhite(png)));
      badge = b;
    }
    return b.dataUri();
  }

  private static byte[] onWhite(byte[] png) {
    try {
      BufferedImage in = ImageIO.read(new ByteArrayInputStream(png));
      if (in == null || !in.getColorModel().hasAlpha()) {
        return png;
      }
      BufferedImage rgb = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
      Graphics2D g = rgb.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, in.getWidth(), in.getHeight());
      g.drawImage(in, 0, 0, null);
      g.dispose();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(rgb, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record BadgeImage(byte[] png, String dataUri) {}

  /** The bundled fonts, parsed once per thread: a parsed font is not safe to share between threads. */
  private record Fonts(TrueTypeFont regular, TrueTypeFont bold) {
    static Fonts parse() {
      return new Fonts(font("DejaVuSans.ttf"), font("DejaVuSans-Bold.ttf"));
    }

    /** The font for one document, made when the page first uses it. */
    PDFontSupplier supplier(PDDocument doc, TrueTypeFont ttf) {
      return new PDFontSupplier(null) {
        @Override
        public PDFont supply() {
          try {
            return PDType0Font.load(doc, ttf, true);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    }
  }

  private static TrueTypeFont font(String name) {
    try (InputStream in = CertificatePrinter.class.getResourceAsStream(FONTS + name)) {
      if (in == null) {
        throw new IllegalStateException("the font " + name + " is missing from the starkit jar");
      }
      return new TTFParser().parse(new RandomAccessReadBuffer(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Font metrics of the bundled fonts, measured once for all certificates. */
  private static final class MetricsCache implements FSCacheEx<String, FSCacheValue> {
    private final Map<String, FSCacheValue> values = new ConcurrentHashMap<>();

    @Override
    public void put(String key, FSCacheValue value) {
      values.put(key, value);
    }

    @Override
    public FSCacheValue get(String key, Callable<? extends FSCacheValue> loader) {
      return values.computeIfAbsent(key, k -> {
        try {
          return loader.call();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    }

    @Override
    public FSCacheValue get(String key) {
      return values.get(key);
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String dataUri(byte[] png) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
  }
}
