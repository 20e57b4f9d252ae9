package org.starkit.badge;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Draws a QR code as a black-and-white PNG, a few pixels per module with the standard quiet
 * zone, so that it prints sharply and phones read it from paper. Deterministic: the same text
 * always gives the same bytes.
 *
 * <p>The PNG is written directly as a 1-bit palette image (black, white): PDFBox copies such a
 * PNG's compressed data into a certificate as it is, where a grey-scale PNG (what ImageIO
 * writes for a black-and-white image) would be decoded and compressed again for every page.
 */
public final class QrPainter {
  private static final int PIXELS_PER_MODULE = 8;
  private static final int QUIET_ZONE_MODULES = 4;
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  /** Palette index 0 is black (a dark module), 1 is white. */
  private static final byte[] PALETTE = {0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff};

  private QrPainter() {}

  public static byte[] png(String text) {
    BitMatrix modules;
    try {
      // size 0: one matrix cell per module, scaled below without blur
      modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE_MODULES,
              EncodeHintType.CHARACTER_SET, "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot draw a QR code of " + text.length() + " characters: " + e.getMessage(), e);
    }
    int size = modules.getWidth() * PIXELS_PER_MODULE;
    int rowBytes = (size + 7) / 8;
    byte[] raw = new byte[(rowBytes + 1) * size]; // each row: filter type 0, then 1 bit per pixel
    byte[] row = new byte[rowBytes];
    for (int my = 0; my < modules.getHeight(); my++) {
      java.util.Arrays.fill(row, (byte) 0);
      for (int x = 0; x < size; x++) {
        if (!modules.get(x / PIXELS_PER_MODULE, my)) {
          row[x >> 3] |= (byte) (0x80 >>> (x & 7));
        }
      }
      for (int y = my * PIXELS_PER_MODULE; y < (my + 1) * PIXELS_PER_MODULE; y++) {
        System.arraycopy(row, 0, raw, y * (rowBytes + 1) + 1, rowBytes);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 8 + 256);
    out.writeBytes(SIGNATURE);
    chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(size).putInt(size)
        .put((byte) 1).put((byte) 3).put((byte) 0).put((byte) 0).put((byte) 0).array());
    chunk(out, "PLTE", PALETTE);
    chunk(out, "IDAT", deflate(raw));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(t);
    out.writeBytes(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
