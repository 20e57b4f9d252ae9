package org.starkit.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.ParserEmulationProfile;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.starkit.diagnostic.Diagnostic;

/**
 * Renders lesson Markdown (CommonMark with GFM tables, task lists, strikethrough, autolinks,
 * footnotes and Carpentries callouts) to safe HTML, and checks its structure: headings, links,
 * images and callout fences. One instance is shared by all threads.
 */
public final class MarkdownRenderer {
  private final Parser parser;
  private final HtmlRenderer renderer;
  private final HtmlSanitizer sanitizer;

  public MarkdownRenderer() {
    this(new HtmlSanitizer(), false);
  }

  /**
   * A renderer with the given sanitizer, and with or without the quick paths around Flexmark (tests
   * compare them with stock Flexmark and the full sanitizer).
   *
   * @param stock Flexmark's own inline parser, autolink extension and text renderer, as they come
   */
  MarkdownRenderer(HtmlSanitizer sanitizer, boolean stock) {
    this.sanitizer = sanitizer;
    MutableDataSet options = new MutableDataSet();
    options.setFrom(ParserEmulationProfile.COMMONMARK);
    options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create(),
        StrikethroughExtension.create(), stock ? AutolinkExtension.create() : new QuickAutolinkExtension(),
        FootnoteExtension.create(), new CalloutExtension()));
    options.set(TablesExtension.COLUMN_SPANS, false);
    options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
    options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
    options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
    options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    options.set(HtmlRenderer.RENDER_HEADER_ID, true);
    options.set(HtmlRenderer.SOFT_BREAK, "\n");
    Parser.Builder parsers = Parser.builder(options);
    if (!stock) {
      parsers.customInlineParserFactory(RegionInlineParser.FACTORY);
      // With an inline parser of its own, Flexmark leaves out its core paragraph pre-processor, the one
      // that reads link reference definitions; it goes back in at the same place.
      if (Parser.REFERENCE_PARAGRAPH_PRE_PROCESSOR.get(options)) {
        parsers.paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
      }
    }
    this.parser = parsers.build();
    HtmlRenderer.Builder renderers = HtmlRenderer.builder(options);
    if (!stock) {
      renderers.nodeRendererFactory(QuickTextRenderer.FACTORY);
    }
    this.renderer = renderers.build();
  }

  /**
   * @param file source path of the page, for diagnostics and relative links
   * @param body the Markdown, with front-matter lines blanked so that line numbers are file lines
   * @param root relative path from the page to the site root
   */
  public RenderedPage render(String file, String body, String root, LinkTargets targets) {
    List<Diagnostic> problems = new ArrayList<>();
    FenceScanner.scan(file, body, problems);
    Document document = parser.parse(body);
    Positions positions = new Positions(body);
    HeaderIdGenerator ids = new HeaderIdGenerator(document);
    ids.generateIds(document);
    UrlRewriter urls = new UrlRewriter(file, root, targets, problems);
    List<org.starkit.markdown.Heading> headings = new ArrayList<>();
    List<PageLink> pageLinks = new ArrayList<>();
    int previousLevel = 1;
    List<Node> nodes = new ArrayList<>();
    document.getDescendants().forEach(nodes::add);
    for (Node node : nodes) {
      if (node instanceof Heading h) {
        String text = new TextCollectingVisitor().collectAndGetText(h).strip();
        int[] at = positions.of(h.getStartOffset());
        if (h.getLevel() == 1) {
          problems.add(Diagnostic.error(file, at[0], at[1], "heading-h1",
              "The body has a level-1 heading ('# " + text + "').",
              "The page title comes from 'title' in the front matter; start body sections at '##'."));
        } else if (h.getLevel() > previousLevel + 1) {
          problems.add(Diagnostic.warning(file, at[0], at[1], "heading-jump",
              "The heading level jumps from " + previousLevel + " to " + h.getLevel() + ".",
              "Go down one level at a time (## then ###) so screen readers and the outline make sense."));
        }
        previousLevel = h.getLevel();
        headings.add(new org.starkit.markdown.Heading(h.getLevel(), text, ids.getId(h)));
      } else if (node instanceof Image image) {
        int[] at = positions.of(image.getStartOffset());
        if (image.getText().isBlank()) {
          problems.add(Diagnostic.warning(file, at[0], at[1], "missing-alt",
              "The image '" + image.getUrl() + "' has no alt text.",
              "Describe what the image shows inside the brackets: ![A for loop counting to three](images/loop.png)."));
        }
        rewrite(image, urls.rewrite(image.getUrl().toString(), true, at[0], at[1]), pageLinks);
      } else if (node instanceof Link link) {
        int[] at = positions.of(link.getStartOffset());
        rewrite(link, urls.rewrite(link.getUrl().toString(), false, at[0], at[1]), pageLinks);
      } else if (node instanceof Reference ref) {
        int[] at = positions.of(ref.getStartOffset());
        UrlRewriter.Result r = urls.rewrite(ref.getUrl().toString(), false, at[0], at[1]);
        ref.setUrl(BasedSequence.of(r.url() == null ? "" : r.url()));
        r.pageLink().ifPresent(pageLinks::add);
      }
    }
    String html = renderer.render(document);
    HtmlSanitizer.Result clean = sanitizer.clean(html);
    return new RenderedPage(clean.learner(), clean.instructor(), clean.notes(), headings, pageLinks,
        problems, clean.words());
  }

  private static void rewrite(Node node, UrlRewriter.Result result, List<PageLink> pageLinks) {
    if (result.url() == null) {
      if (node instanceof Link) {
        while (node.getFirstChild() != null) {
          Node child = node.getFirstChild();
          child.unlink();
          node.insertBefore(child);
        }
      }
      node.unlink();
      return;
    }
    BasedSequence url = BasedSequence.of(result.url() == null ? "" : result.url());
    if (node instanceof Image image) {
      image.setUrl(url);
    } else if (node instanceof Link link) {
      link.setUrl(url);
    }
    result.pageLink().ifPresent(pageLinks::add);
  }

  /** Line and column of character offsets, from a table of line starts. */
  private static final class Positions {
    private final int[] starts;

    Positions(String text) {
      int[] s = new int[16];
      int n = 0;
      s[n++] = 0;
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if (n == s.length) {
          s = Arrays.copyOf(s, n * 2);
        }
        s[n++] = i + 1;
      }
      starts = Arrays.copyOf(s, n);
    }

    int[] of(int offset) {
      int i = Arrays.binarySearch(starts, offset);
      int line = i >= 0 ? i : -i - 2;
      return new int[] {line + 1, offset - starts[line] + 1};
    }
  }
}
