package org.starkit.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class QuickTextRendererTest {
  private final MutableDataSet options = new MutableDataSet();
  private final Parser parser = Parser.builder(options).build();
  private final HtmlRenderer stock = HtmlRenderer.builder(options).build();
  private final HtmlRenderer quick = HtmlRenderer.builder(options).nodeRendererFactory(QuickTextRenderer.FACTORY).build();

  @Test
  void aRendererAddedToTheBuilderTakesTextNodesFromFlexmarksOwn() {
    NodeRenderer probe = new NodeRenderer() {
      @Override
      public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(Text.class, (node, context, html) -> html.raw("PROBE")));
      }
    };
    HtmlRenderer probed = HtmlRenderer.builder(options).nodeRendererFactory(o -> probe).build();
    assertThat(probed.render(parser.parse("Some words."))).isEqualTo("<p>PROBE</p>\n");
  }

  @Test
  void writesTextAsFlexmarkDoes() {
    for (String md : List.of("Plain words, and more.", "Tom & Jerry", "a \\*not emphasis\\*", "&copy; &amp; &#35;",
        "x < y > z \"quoted\"", "line one\r\nline two\rthree", "**bold** and `code <b>`", "ü ✓ \ud83d\ude00",
        "[link](https://example.org \"t&t\")", "- item\n- \\# escaped\n", "")) {
      Document doc = parser.parse(md);
      assertThat(quick.render(doc)).as(md).isEqualTo(stock.render(doc));
    }
  }

  @Test
  void writesRandomTextAsFlexmarkDoes() {
    String alphabet = "ab \\&<>\"'*_`#\r\n;:x1[]()!~|&amp;&#10;\t";
    Random random = new Random(11);
    for (int round = 0; round < 2000; round++) {
      StringBuilder md = new StringBuilder();
      for (int i = random.nextInt(60); i > 0; i--) {
        md.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      Document doc = parser.parse(md.toString());
      assertThat(quick.render(doc)).as("%s", md).isEqualTo(stock.render(doc));
    }
  }

  @Test
  void writesEveryShippedLessonAsFlexmarkDoes() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("curriculum"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        Document doc = parser.parse(Files.readString(file));
        assertThat(quick.render(doc)).as(file.toString()).isEqualTo(stock.render(doc));
      }
    }
  }

  @Test
  void onlyTextThatEscapingWouldChangeTakesFlexmarksPath() {
    assertThat(QuickTextRenderer.isPlain("Loops repeat work, 3 times: ü ✓")).isTrue();
    for (String s : List.of("a\\b", "a&b", "a\rb", "a<b", "a>b", "a\"b")) {
      assertThat(QuickTextRenderer.isPlain(s)).as(s).isFalse();
    }
  }
}
