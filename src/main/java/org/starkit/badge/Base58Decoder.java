package org.starkit.badge;

import java.math.BigInteger;

/** Decodes base58btc (the Bitcoin alphabet), as multibase values starting with 'z' use it. */
final class Base58Decoder {
  private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);

  private Base58Decoder() {}

  /** The bytes of a base58btc string; throws IllegalArgumentException on a character outside the alphabet. */
  static byte[] decode(String text) {
    if (text.length() > 512) {
      throw new IllegalArgumentException("the base58 value is too long");
    }
    BigInteger value = BigInteger.ZERO;
    int zeros = 0;
    boolean leading = true;
    for (int i = 0; i < text.length(); i++) {
      int digit = ALPHABET.indexOf(text.charAt(i));
      if (digit < 0) {
        throw new IllegalArgumentException("'" + text.charAt(i) + "' is not a base58btc character");
      }
      if (leading && digit == 0) {
        zeros++;
      } else {
        leading = false;
      }
      value = value.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
    int skip = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
    byte[] out = new byte[zeros + magnitude.length - skip];
    System.arraycopy(magnitude, skip, out, zeros, magnitude.length - skip);
    return out;
  }

  /** The bytes of a multibase base58btc value ('z' prefix). */
  static byte[] decodeMultibase(String value) {
    if (value == null || !value.startsWith("z")) {
      throw new IllegalArgumentException("not a base58btc multibase value (it must start with 'z')");
    }
    return decode(value.substring(1));
  }
}
