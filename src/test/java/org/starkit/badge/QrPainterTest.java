package org.starkit.badge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrPainterTest {
  static final String URL = "https://badges.example.org/py/verify/#credential=urn:uuid:0b5cad00-1111-2222-3333-444455556666";

  @Test
  void drawsAQrCodeThatReadsBackAsTheText() throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrPainter.png(URL)));
    assertThat(CertificatePrinterTest.decode(image)).isEqualTo(URL);
    // 8 pixels per module; a QR code is 17 + 4 * version modules wide, plus 4 of quiet zone each side
    assertThat(image.getWidth()).isEqualTo(image.getHeight());
    assertThat(image.getWidth() % 8).isZero();
    assertThat((image.getWidth() / 8 - 8 - 17) % 4).isZero();
    assertThat(image.getRGB(0, 0) & 0xffffff).as("quiet zone").isEqualTo(0xffffff);
    assertThat(image.getRGB(4 * 8, 4 * 8) & 0xffffff).as("finder pattern").isZero();
  }

  @Test
  void isAOneBitPalettePngThatPdfBoxEmbedsAsItIs() {
    byte[] png = QrPainter.png(URL);
    ByteBuffer header = ByteBuffer.wrap(png, 16, 13);
    header.getInt();
    header.getInt();
    assertThat(header.get()).as("bit depth").isEqualTo((byte) 1);
    assertThat(header.get()).as("colour type: palette").isEqualTo((byte) 3);
    assertThat(header.get(12 + 16)).as("not interlaced").isZero();
  }

  @Test
  void theSameTextGivesTheSameBytes() {
    assertThat(QrPainter.png(URL)).isEqualTo(QrPainter.png(URL)).isNotEqualTo(QrPainter.png(URL + "x"));
  }
}
