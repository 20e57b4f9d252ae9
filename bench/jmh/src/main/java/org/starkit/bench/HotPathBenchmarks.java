package org.starkit.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.starkit.badge.BadgeArtist;
import org.starkit.badge.BadgeIssuer;
import org.starkit.badge.BadgeUrls;
import org.starkit.badge.CredentialFactory;
import org.starkit.badge.PngBaker;
import org.starkit.badge.SvgBaker;
import org.starkit.build.BuildOptions;
import org.starkit.build.BuildResult;
import org.starkit.build.MarkdownBatch;
import org.starkit.build.SiteBuilder;
import org.starkit.build.SitePlanner;
import org.starkit.load.CurriculumLoader;
import org.starkit.markdown.LinkTargets;
import org.starkit.markdown.MarkdownRenderer;
import org.starkit.markdown.RenderedPage;
import org.starkit.markdown.SearchWords;
import org.starkit.model.Achievement;
import org.starkit.model.Issuer;
import org.starkit.render.PagePlanner;
import org.starkit.render.SiteRenderer;
import org.starkit.render.TemplateRenderer;
import org.starkit.render.Theme;
import org.starkit.source.SourceReader;
import org.starkit.write.OutputFile;

/**
 * The hot paths bench/run.sh and JFR found: Markdown rendering per lesson (Flexmark, then the jsoup
 * sanitizer, which also collects the page's search words), the word splitting of those search words, one lesson
 * page through the templates, the whole pipeline
 * without writing on the shipped curriculum (templates included), RSA-2048 signing as badge issuing does it,
 * PNG and SVG baking, and one whole award (two signatures, four bakes).
 * Run from the repository root (the paths are relative to it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotPathBenchmarks {
  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private String lessonBody;
  private String lessonText;
  private LinkTargets targets;
  private RSASSASigner signer;
  private JWSHeader header;
  private byte[] png;
  private BuildOptions shipped;
  private BadgeIssuer issuer;
  private BadgeIssuer.Request request;
  private byte[] badgePng;
  private String badgeSvg;
  private PagePlanner.Page lessonPage;

  @Setup
  public void setUp() throws Exception {
    Path lesson = Path.of("curriculum/lessons/python/beginner/loops.md");
    if (!Files.exists(lesson)) {
      throw new IllegalStateException("run from the repository root: " + lesson + " is missing");
    }
    String text = Files.readString(lesson);
    int end = text.indexOf("\n---", 3);
    // Blank the front matter lines, as the loader does, so line numbers stay file lines.
    lessonBody = "\n".repeat((int) text.substring(0, end + 4).chars().filter(c -> c == '\n').count())
        + text.substring(end + 4);
    targets = new LinkTargets(Map.of(), Map.of());
    // The visible text the sanitizer hands to SearchWords (the build takes no second parse of the HTML).
    lessonText = org.jsoup.Jsoup.parseBodyFragment(
        markdown.render("lessons/loops.md", lessonBody, "../", targets).learnerHtml()).body().text();
    RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
    signer = new RSASSASigner(key);
    header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench").build();
    png = Files.readAllBytes(Path.of("bench/jmh/src/main/resources/one-pixel.png"));
    BadgeUrls urls = new BadgeUrls("https://workshops.example.org/");
    issuer = new BadgeIssuer(new CredentialFactory(urls, new Issuer("Bench Workshops", "", "")), key);
    Achievement achievement = new Achievement("first-steps", "badges/first-steps.yml", "First Steps",
        "Wrote a program.", "Finish the project.", List.of(), Optional.empty(), Optional.empty(), List.of("python"),
        Optional.empty(), "beginner");
    request = new BadgeIssuer.Request(achievement, "ada@example.org", Optional.of("Ada"), Optional.empty(),
        Optional.empty(), Instant.parse("2030-01-01T00:00:00Z"), Optional.empty());
    badgePng = BadgeArtist.png(achievement, List.of("beginner"));
    badgeSvg = BadgeArtist.svg(achievement, List.of("beginner"));
    shipped = new BuildOptions(Path.of("curriculum"), "curriculum", Path.of("target/jmh-site"),
        Theme.locate("default").orElseThrow(), Optional.empty(), false, LocalDate.of(2030, 1, 1));
    lessonPage = lessonPage(shipped, "lessons/loops/index.html");
  }

  /** One planned page of the shipped curriculum (read, loaded, Markdown rendered), not rendered yet. */
  private PagePlanner.Page lessonPage(BuildOptions options, String path) throws Exception {
    SitePlanner.Plan plan = SitePlanner.plan(options,
        new CurriculumLoader().load(new SourceReader().read(options.source())), (bodies, links) -> {
          Map<String, RenderedPage> pages = new java.util.HashMap<>();
          for (MarkdownBatch.Body b : bodies) {
            pages.put(b.path(), markdown.render(b.path(), b.markdown(), b.root(), links));
          }
          return pages;
        });
    TemplateRenderer templates = new TemplateRenderer(options.theme().dir(), options.theme().label());
    PagePlanner.Page page = new SiteRenderer(templates).plan(plan.catalog()).get(path);
    if (page == null) {
      throw new IllegalStateException("the shipped site has no page " + path);
    }
    return page;
  }

  @Benchmark
  public RenderedPage markdownPerLesson() {
    return markdown.render("lessons/loops.md", lessonBody, "../", targets);
  }

  @Benchmark
  public String searchWordsPerLesson() {
    return SearchWords.of(lessonText);
  }

  /** Template rendering: one lesson page through Pebble (layout, navigation, the page's view). */
  @Benchmark
  public OutputFile templatePerLessonPage() throws Exception {
    return lessonPage.render();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public BuildResult checkShippedCurriculum() throws Exception {
    return new SiteBuilder().check(shipped);
  }

  @Benchmark
  public String signRs256() throws Exception {
    JWSObject jws = new JWSObject(header, new Payload("{\"sub\":\"urn:uuid:0\",\"type\":\"Assertion\"}"));
    jws.sign(signer);
    return jws.serialize();
  }

  @Benchmark
  public byte[] bakePng() throws Exception {
    return PngBaker.bake(png, PngBaker.OB3, "eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl");
  }

  @Benchmark
  public String bakeSvg() throws Exception {
    return SvgBaker.bake(badgeSvg, true, "eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl");
  }

  /** One whole award as `badge issue` makes it, without writing: two RS256 signatures and four bakes. */
  @Benchmark
  public BadgeIssuer.Issued issueOneAward() throws Exception {
    return issuer.issue(request, badgePng, badgeSvg);
  }
}
