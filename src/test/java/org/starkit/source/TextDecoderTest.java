package org.starkit.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.Severity;

class TextDecoderTest {
  private static final String PATH = "lessons/loops.md";

  private final List<Diagnostic> problems = new ArrayList<>();

  private Optional<String> decode(byte[] bytes) {
    return TextDecoder.decode(new SourceFile(PATH, bytes), problems);
  }

  private Optional<String> decode(String text) {
    return decode(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Concatenates UTF-8 text and raw bytes (given as Integers 0..255). */
  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      if (p instanceof String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      } else {
        out.write((Integer) p);
      }
    }
    return out.toByteArray();
  }

  @Test
  void decodesPlainUtf8Unchanged() {
    assertThat(decode("---\ntitle: Café ☕ 𝄞\n---\n")).contains("---\ntitle: Café ☕ 𝄞\n---\n");
    assertThat(problems).isEmpty();
  }

  @Test
  void dropsLeadingByteOrderMark() {
    assertThat(decode(bytes(0xEF, 0xBB, 0xBF, "---\ntitle: X\n"))).contains("---\ntitle: X\n");
    assertThat(problems).isEmpty();
  }

  @Test
  void keepsByteOrderMarkThatIsNotAtTheStart() {
    assertThat(decode("a\uFEFFb")).contains("a\uFEFFb");
  }

  @Test
  void turnsCrlfIntoLf() {
    assertThat(decode("---\r\ntitle: X\r\n---\r\n\r\nBody\r\n")).contains("---\ntitle: X\n---\n\nBody\n");
    assertThat(problems).isEmpty();
  }

  @Test
  void turnsLoneCrIntoLf() {
    assertThat(decode("one\rtwo\rthree")).contains("one\ntwo\nthree");
  }

  @Test
  void turnsMixedLineEndingsIntoOneLfEach() {
    assertThat(decode("a\r\nb\rc\nd\r\r\ne")).contains("a\nb\nc\nd\n\ne");
  }

  @Test
  void dropsBomAndNormalisesCrlfTogether() {
    assertThat(decode(bytes(0xEF, 0xBB, 0xBF, "---\r\ntitle: X\r\n---\r\n"))).contains("---\ntitle: X\n---\n");
  }

  @Test
  void reportsInvalidUtf8WithLineAndColumn() {
    Optional<String> text = decode(bytes("---\ntitle: X\nab", 0xFF, "c\n"));

    assertThat(text).isEmpty();
    assertThat(problems)
        .extracting(Diagnostic::file, Diagnostic::line, Diagnostic::column, Diagnostic::severity, Diagnostic::code)
        .containsExactly(tuple(PATH, 3, 3, Severity.ERROR, "invalid-utf8"));
    assertThat(problems.get(0).message()).contains("0xFF").contains("offset 15");
  }

  @Test
  void reportsInvalidUtf8OnFirstLineAtColumnOne() {
    assertThat(decode(bytes(0xC0, 0x80, "rest"))).isEmpty();
    assertThat(problems).extracting(Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly(tuple(1, 1, "invalid-utf8"));
  }

  @Test
  void reportsLatin1EncodedFileAsInvalidUtf8AtTheAccentedLetter() {
    byte[] latin1 = "---\ntitle: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(decode(latin1)).isEmpty();
    assertThat(problems).extracting(Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly(tuple(2, 11, "invalid-utf8"));
    assertThat(problems.get(0).message()).contains("0xE9");
  }

  @Test
  void reportsTruncatedMultiByteSequenceAtEndOfFile() {
    assertThat(decode(bytes("ok\nabc", 0xE2, 0x82))).isEmpty();
    assertThat(problems).extracting(Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly(tuple(2, 4, "invalid-utf8"));
  }

  @Test
  void countsColumnOfInvalidUtf8InBytesOfTheLine() {
    // Documented behaviour: the column is the byte offset in the line plus one, so "é" counts twice.
    assertThat(decode(bytes("x\n\u00e9", 0xFF))).isEmpty();
    assertThat(problems).extracting(Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly(tuple(2, 3, "invalid-utf8"));
  }

  @Test
  void reportsUtf8EncodedSurrogateAsInvalid() {
    assertThat(decode(bytes("a", 0xED, 0xA0, 0x80))).isEmpty();
    assertThat(problems).extracting(Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly(tuple(1, 2, "invalid-utf8"));
  }

  @Test
  void reportsNulByteAsBinaryFileWithPosition() {
    Optional<String> text = decode(bytes("---\nti", 0x00, "tle\n"));

    assertThat(text).isEmpty();
    assertThat(problems)
        .extracting(Diagnostic::file, Diagnostic::line, Diagnostic::column, Diagnostic::severity, Diagnostic::code)
        .containsExactly(tuple(PATH, 2, 3, Severity.ERROR, "binary-file"));
  }

  @Test
  void reportsBinaryBeforeInvalidUtf8() {
    byte[] png = bytes(0x89, "PNG\r\n", 0x1A, "\n", 0x00, 0x00, 0x00, 0x0D, "IHDR");

    assertThat(decode(png)).isEmpty();
    assertThat(problems).extracting(Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly(tuple(3, 1, "binary-file"));
  }

  @Test
  void decodesEmptyFileToEmptyText() {
    assertThat(decode(new byte[0])).contains("");
    assertThat(problems).isEmpty();
  }
}
