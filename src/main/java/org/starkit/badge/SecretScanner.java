package org.starkit.badge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.write.OutputFile;

/**
 * The last guard before the site is written: any JSON file holding a JWK with a private member
 * fails the build, whatever put it there.
 */
public final class SecretScanner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SecretScanner() {}

  public static List<Diagnostic> scan(List<OutputFile> files) {
    List<Diagnostic> problems = new ArrayList<>();
    for (OutputFile f : files) {
      if (!f.path().endsWith(".json")) {
        continue;
      }
      try {
        if (holdsPrivateKey(JSON.readTree(f.bytes()))) {
          problems.add(Diagnostic.error("site/" + f.path(), 0, 0, "private-key-in-site",
              "The site would publish private key material in " + f.path() + "; nothing was written.",
              "Private signing keys must stay outside the repository; see 'starkit badge keygen'."));
        }
      } catch (java.io.IOException e) {
        // not JSON after all: nothing to scan
      }
    }
    return problems;
  }

  static boolean holdsPrivateKey(JsonNode node) {
    if (node.isObject()) {
      if (node.has("kty") && SigningKeys.PRIVATE_MEMBERS.stream().anyMatch(node::has)) {
        return true;
      }
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        if (holdsPrivateKey(it.next())) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode n : node) {
        if (holdsPrivateKey(n)) {
          return true;
        }
      }
    }
    return false;
  }
}
