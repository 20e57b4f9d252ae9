package org.starkit.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Base58DecoderTest {
  @Test
  void decodesBitcoinAlphabetWithLeadingZeros() {
    assertThat(Base58Decoder.decode("2NEpo7TZRRrLZSi2U")).isEqualTo("Hello World!".getBytes(StandardCharsets.US_ASCII));
    assertThat(Base58Decoder.decode("11")).containsExactly(0, 0);
    assertThat(Base58Decoder.decode("1112")).containsExactly(0, 0, 0, 1);
    assertThat(Base58Decoder.decode("")).isEmpty();
  }

  @Test
  void rejectsCharactersOutsideTheAlphabetAndOtherMultibases() {
    assertThatThrownBy(() -> Base58Decoder.decode("0OIl")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Base58Decoder.decodeMultibase("uSGVsbG8")).hasMessageContaining("'z'");
  }
}
