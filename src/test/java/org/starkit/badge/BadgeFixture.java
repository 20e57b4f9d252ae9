package org.starkit.badge;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.starkit.build.BuildOptions;
import org.starkit.build.BuildResult;
import org.starkit.build.SiteBuilder;
import org.starkit.model.Achievement;
import org.starkit.model.Issuer;
import org.starkit.render.Theme;

/** A small curriculum with one achievement and a signing key, built into a site, for badge tests. */
final class BadgeFixture {
  static final String BASE = "https://badges.example.org/py/";
  final Path dir;
  final Path source;
  final Path site;
  final JWK key;
  final String base;
  final BadgeUrls urls;
  final Achievement achievement;

  BadgeFixture(Path dir) throws Exception {
    this(dir, BASE, dir.resolve("site"));
  }

  /** A fixture published at {@code base}, built into {@code site}. */
  BadgeFixture(Path dir, String base, Path site) throws Exception {
    this.dir = dir;
    this.base = base;
    this.urls = new BadgeUrls(base);
    this.source = dir.resolve("curriculum");
    this.site = site;
    Files.createDirectories(source.resolve("lessons"));
    Files.createDirectories(source.resolve("badges/keys"));
    Files.writeString(source.resolve("starkit.yml"), "title: Badge tests\nbase_url: " + base
        + "\nissuer:\n  name: Example Workshops\n  email: badges@example.org\n");
    Files.writeString(source.resolve("lessons/project.md"), "---\ntitle: Project\nlevel: beginner\nduration: 1h\n"
        + "summary: Build something.\nbadge: first-steps\n---\n\n## Build\n\nText.\n");
    Files.writeString(source.resolve("badges/first-steps.yml"), "name: First Steps\ndescription: Wrote a program.\n"
        + "criteria:\n  narrative: Finish the project.\n  lessons: [project]\nlevel: beginner\ntags: [python]\n");
    this.key = SigningKeys.generate("RS256", urls);
    Files.writeString(source.resolve("badges/keys/" + SigningKeys.nameOf(key) + ".json"), SigningKeys.publicJson(key));
    this.achievement = new Achievement("first-steps", "badges/first-steps.yml", "First Steps", "Wrote a program.",
        "Finish the project.", List.of(), Optional.empty(), Optional.empty(), List.of("python"), Optional.empty(),
        "beginner");
  }

  BuildResult build() throws IOException {
    return new SiteBuilder().build(new BuildOptions(source, "curriculum", site,
        new Theme(Path.of("themes/default"), "themes/default"), Optional.empty(), false));
  }

  BadgeIssuer issuer(JWK signingKey) throws Exception {
    return new BadgeIssuer(new CredentialFactory(urls, new Issuer("Example Workshops", base, "badges@example.org")),
        signingKey);
  }

  BadgeIssuer.Issued issue(String email, Optional<Instant> expires) throws Exception {
    return issuer(key).issue(new BadgeIssuer.Request(achievement, email, Optional.empty(), Optional.empty(),
        Optional.empty(), Instant.parse("2026-03-01T10:00:00Z"), expires),
        BadgeArtist.png(achievement, List.of("beginner")), BadgeArtist.svg(achievement, List.of("beginner")));
  }

  Verdict verify(byte[] input, String email) {
    return new BadgeVerifier(DocumentSource.site(site, base), Instant.parse("2026-06-01T00:00:00Z"), false)
        .verify(input, Optional.ofNullable(email));
  }
}
