package org.starkit.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.starkit.markdown.SearchWords;
import org.starkit.model.Format;
import org.starkit.model.Lesson;
import org.starkit.plan.Catalog;
import org.starkit.plan.PlannedLesson;
import org.starkit.render.SitePaths;
import org.starkit.write.OutputFile;

/**
 * Writes the search index of the lessons as {@code search/search-index.js}, a script that assigns
 * the global {@code starkitSearchIndex}: a script rather than JSON because browsers refuse
 * {@code fetch()} of a file when the site is opened from disk. The search page builds its lunr
 * index from these documents when it loads: lunr's serialized index can only be made by running
 * lunr itself, and it is several times larger than the documents (the README gives the figures).
 * Lessons come in catalog order and keys in a fixed order, so equal catalogs give byte-identical
 * files.
 */
public final class SearchIndexBuilder {
  public static final String PATH = "search/search-index.js";
  public static final String GLOBAL = "starkitSearchIndex";
  public static final int VERSION = 1;
  /** The format id of lessons too long for every time commitment of the site. */
  public static final String LONGER = "longer";
  /** At most this many distinct body words are kept per lesson, the first to appear. */
  public static final int MAX_WORDS = SearchWords.MAX_WORDS;

  private static final String NOT_CONTENT = ".heading-anchor, .callout-label, .callout > summary";

  private final JsonMapper mapper = JsonMapper.builder().build();

  /** The index entry of every lesson, in catalog order. */
  public List<SearchDocument> documents(Catalog catalog) {
    // The words come from the Markdown stage, which has the page's tree at hand (RenderedPage.searchWords).
    return catalog.lessons().stream().map(p -> {
      Lesson l = p.lesson();
      return new SearchDocument(l.id(), l.title(), l.summary(), l.objectives(), l.tags(), l.level(),
          p.format().map(Format::id).orElse(LONGER), l.duration().toString(), SitePaths.lesson(l.id()),
          p.page().searchWords());
    }).toList();
  }

  /**
   * The index script for the catalog: {@code {"version":1,"lessons":[...]}}, each lesson's document
   * written on any core (ten thousand lessons' words are tens of megabytes of JSON), joined in
   * catalog order into what one writer would have written.
   */
  public OutputFile write(Catalog catalog) {
    ObjectWriter writer = mapper.writer().with(new ScriptSafeEscapes());
    List<String> lessons = documents(catalog).parallelStream().map(d -> {
      try {
        return writer.writeValueAsString(document(d));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("the search index could not be written", e);
      }
    }).toList();
    StringBuilder script = new StringBuilder(lessons.stream().mapToInt(String::length).sum() + lessons.size() + 200)
        .append("/* Search index of the lessons, written by starkit build. */\nwindow.").append(GLOBAL)
        .append(" = {\"version\":").append(VERSION).append(",\"lessons\":[");
    for (int i = 0; i < lessons.size(); i++) {
      script.append(i == 0 ? "" : ",").append(lessons.get(i));
    }
    return OutputFile.text(PATH, script.append("]};\n").toString());
  }

  /**
   * The distinct words of rendered HTML, lower-cased and sorted: the text a reader sees, without
   * markup, heading anchors or callout labels; words of one character are left out. The build takes
   * them from {@link org.starkit.markdown.RenderedPage#searchWords()} instead, which equals this for
   * the page's learner HTML.
   */
  public static String words(String html) {
    Document doc = Jsoup.parseBodyFragment(html);
    doc.select(NOT_CONTENT).remove();
    return SearchWords.of(doc.body().text());
  }

  private static Map<String, Object> document(SearchDocument d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("title", d.title());
    m.put("summary", d.summary());
    m.put("objectives", d.objectives());
    m.put("tags", d.tags());
    m.put("level", d.level());
    m.put("format", d.format());
    m.put("duration", d.duration());
    m.put("path", d.path());
    m.put("words", d.words());
    return m;
  }
}
