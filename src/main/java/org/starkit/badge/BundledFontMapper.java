package org.starkit.badge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * Answers PDFBox's question "which font on this machine stands in for a font the PDF names but
 * does not embed" with the DejaVu Sans bundled in starkit, without looking at the machine's fonts.
 *
 * <p>Certificates embed every font they print with. But openhtmltopdf prepares the 14 standard PDF
 * fonts for every document it makes, and for each PDFBox's default mapper scans the system fonts
 * (writing a cache into the user's home folder) and, where none resembles the standard font,
 * logs a warning: "Using fallback font LiberationSans for base font Symbol" once per certificate
 * on a machine without a Symbol font. The stand-in is only ever used to draw a page on screen, not
 * to write one, so the bundled font is the intended answer, not a fallback.
 */
final class BundledFontMapper implements FontMapper {
  private static final String FONT = "/org/starkit/badge/fonts/DejaVuSans.ttf";
  private volatile TrueTypeFont font;

  private TrueTypeFont font() {
    TrueTypeFont f = font;
    if (f == null) {
      synchronized (this) {
        if (font == null) {
          try (InputStream in = BundledFontMapper.class.getResourceAsStream(FONT)) {
            if (in == null) {
              throw new IllegalStateException("the font " + FONT + " is missing from the starkit jar");
            }
            font = new TTFParser().parse(new RandomAccessReadBuffer(in));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        f = font;
      }
    }
    return f;
  }

  @Override
  public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
    return new FontMapping<>(font(), false);
  }

  @Override
  public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
    return new FontMapping<>(font(), false);
  }

  @Override
  public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo cidSystemInfo) {
    return new CIDFontMapping(null, font(), false);
  }
}
