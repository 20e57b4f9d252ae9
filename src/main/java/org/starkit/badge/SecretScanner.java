package org.starkit.badge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.write.OutputFile;

/**
 * The last guard before the site is written: any JSON file holding a JWK with a private member
 * fails the build, whatever put it there. Files are read as a stream of tokens, not as trees: the
 * site's JSON (the search index above all) is large, and only member names matter.
 */
public final class SecretScanner {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Set<String> PRIVATE = Set.copyOf(SigningKeys.PRIVATE_MEMBERS);
  private static final int KTY = 1;
  private static final int SECRET = 2;

  private SecretScanner() {}

  public static List<Diagnostic> scan(List<OutputFile> files) {
    List<Diagnostic> problems = new ArrayList<>();
    for (OutputFile f : files) {
      if (!f.path().endsWith(".json")) {
        continue;
      }
      try {
        if (holdsPrivateKey(f.bytes())) {
          problems.add(Diagnostic.error("site/" + f.path(), 0, 0, "private-key-in-site",
              "The site would publish private key material in " + f.path() + "; nothing was written.",
              "Private signing keys must stay outside the repository; see 'starkit badge keygen'."));
        }
      } catch (IOException e) {
        // not JSON after all: nothing to scan
      }
    }
    return problems;
  }

  /**
   * Whether some object of the JSON document has a {@code kty} member and a private JWK member
   * ({@link SigningKeys#PRIVATE_MEMBERS}) of its own, at any depth. Names are compared as the
   * parser decodes them, so escapes such as {@code "\u0064"} hide nothing.
   */
  static boolean holdsPrivateKey(byte[] json) throws IOException {
    try (JsonParser p = JSON.createParser(json)) {
      int[] seen = new int[16]; // per open object: which of KTY and SECRET its own members hold
      int depth = -1;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.START_OBJECT) {
          if (++depth == seen.length) {
            seen = java.util.Arrays.copyOf(seen, depth * 2);
          }
          seen[depth] = 0;
        } else if (t == JsonToken.END_OBJECT) {
          depth--;
        } else if (t == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          seen[depth] |= name.equals("kty") ? KTY : PRIVATE.contains(name) ? SECRET : 0;
          if (seen[depth] == (KTY | SECRET)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
