package org.starkit.badge;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.starkit.badge.Verdict.Check;
import org.starkit.badge.Verdict.Result;

/** Validates an Open Badges 3.0 credential against the official 1EdTech JSON Schema, bundled in the jar. */
public final class SchemaCheck {
  private static final String RESOURCE = "/org/starkit/badge/schema/ob_v3p0_achievementcredential_schema.json";
  private static volatile Schema schema;

  private SchemaCheck() {}

  private static Schema schema() {
    if (schema == null) {
      synchronized (SchemaCheck.class) {
        if (schema == null) {
          try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                .getSchema(in, InputFormat.JSON);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return schema;
  }

  /** The schema's complaints about a credential; empty when it conforms. */
  public static List<String> errors(JsonNode credential) {
    return schema().validate(credential, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true))).stream()
        .map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList();
  }

  static void check(JsonNode credential, List<Check> checks) {
    List<String> errors = errors(credential);
    checks.add(new Check("schema", errors.isEmpty() ? Result.PASS : Result.FAIL, errors.isEmpty()
        ? "conforms to the Open Badges 3.0 AchievementCredential schema" : String.join("; ", errors)));
  }
}
