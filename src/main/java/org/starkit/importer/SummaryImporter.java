package org.starkit.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.starkit.importer.ImportPlan.Lack;

/**
 * Converts a folder of Markdown chapters with a GitBook/HonKit {@code SUMMARY.md} (such as the
 * Django Girls tutorial) into one starkit lesson per chapter, in the order of the table of contents,
 * and a kit that teaches them. A chapter's title is its first {@code #} heading; its duration is the
 * one given, or a placeholder that {@code starkit check} reports until someone fills it in.
 */
public final class SummaryImporter {
  private static final Pattern ENTRY = Pattern.compile("\\s*[*+-]\\s+\\[([^\\]]+)\\]\\(\\s*<?([^)\\s>]+)>?[^)]*\\)\\s*");
  private static final Pattern LANGUAGE_FOLDER = Pattern.compile("[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?");
  private static final List<String> LICENSE_FILES = List.of("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE");

  /** The name a book gets by default: its folder's, or the folder above a language folder such as {@code en}. */
  public static String defaultName(ImportSource source) {
    return IdMaker.slug(language(source).isEmpty() ? source.folderName() : source.parentName());
  }

  public ImportPlan convert(ImportSource source, ImportSettings settings) {
    String toc = source.text("SUMMARY.md").orElseThrow(() -> new ImportException(source.folderName()
        + " has no SUMMARY.md, the table of contents that gives the chapter order."
        + (source.has("LANGS.md") ? " It has LANGS.md, so it is a book in several languages: import one language"
        + " folder, such as " + source.folderName() + "/en." : " Give the folder that holds SUMMARY.md.")));
    List<Lack> lacks = new ArrayList<>();
    Map<String, String> chapters = chapters(toc, source, lacks);
    if (chapters.isEmpty()) {
      throw new ImportException("SUMMARY.md of " + source.folderName() + " lists no chapter that exists in the folder.");
    }
    String language = language(source);
    Optional<String> licenseText = LICENSE_FILES.stream().map(f -> source.text(f).or(() ->
        language.isEmpty() ? Optional.empty() : Optional.ofNullable(source.parentTexts().get(f))))
        .flatMap(Optional::stream).findFirst();
    LicenseChoice license = LicenseChoice.of(licenseText.flatMap(LicenseRecognizer::fromText), settings.config(),
        licenseText.isEmpty() ? "the folder has no LICENSE file" : "its LICENSE file names no licence starkit knows");
    license.lack().ifPresent(lacks::add);
    List<String> paths = List.copyOf(chapters.keySet());
    List<String> ids = IdMaker.ids(settings.name(), paths.stream().map(SummaryImporter::stem).toList());
    Map<String, String> pages = new LinkedHashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      pages.put(paths.get(i), ids.get(i) + ".md");
    }
    LinkRewriter links = new LinkRewriter(source, "", pages, Optional.empty());
    ChapterConverter converter = new ChapterConverter(links);
    GitbookTemplater templater = new GitbookTemplater(source, language);
    String book = bookTitle(source);
    String origin = language.isEmpty() ? source.folderName() : source.parentName() + "/" + source.folderName();
    Optional<String> statement = licenseText.flatMap(SummaryImporter::statement);
    List<LessonDraft> drafts = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      String path = paths.get(i);
      String cleaned = converter.clean(templater.expand(path, Episode.withoutFrontMatter(source.text(path).orElseThrow())));
      HeadingLeveler.Result chapter = converter.finish(path, cleaned, true);
      String title = chapter.title().map(ProseReader::plain).filter(t -> !t.isEmpty()).orElse(chapters.get(path));
      String summary = ProseReader.firstSentence(ProseReader.firstParagraph(chapter.text()).orElse(title + "."));
      List<String> attribution = new ArrayList<>(List.of("Adapted from \"" + title + "\", a chapter of \"" + book
          + "\" (" + origin + "/" + path + "), licensed " + license.name() + "."));
      statement.ifPresent(attribution::add);
      drafts.add(new LessonDraft(ids.get(i), title, settings.level(), OptionalInt.empty(), OptionalInt.empty(),
          settings.duration(), summary, List.of(), i == 0 ? List.of() : List.of(ids.get(i - 1)), license.id(),
          language, List.of(), attribution, chapter.text(), todo(templater.todos(path), links.todos(path))));
    }
    if (settings.duration().isEmpty()) {
      lacks.add(new Lack("how long each chapter takes: the lessons say 'duration: " + LessonWriter.DURATION_PLACEHOLDER
          + "' until you fill it in (or import again with --duration)"));
    }
    lacks.addAll(templater.lacks());
    lacks.addAll(links.lacks());
    Set<String> notes = new LinkedHashSet<>(templater.notes());
    notes.add("Each chapter's first '#' heading became its title; the other headings moved up to start at '##'.");
    notes.addAll(converter.notes());
    if (source.has("GLOSSARY.md")) {
      notes.add("GLOSSARY.md was not imported: starkit has no glossary.");
    }
    return ImportAssembler.assemble(settings, drafts, links.copies(), lacks, List.copyOf(notes), book, origin,
        Optional.empty());
  }

  /** The chapter files in table-of-contents order, each with its title there; missing ones become lacks. */
  private static Map<String, String> chapters(String toc, ImportSource source, List<Lack> lacks) {
    Map<String, String> chapters = new LinkedHashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String line : toc.split("\n")) {
      Matcher m = ENTRY.matcher(line);
      if (!m.matches() || m.group(2).matches("(?:[a-zA-Z][a-zA-Z0-9+.-]*:|#).*")) {
        continue;
      }
      String path = m.group(2).replaceFirst("#.*", "").replaceFirst("^\\./", "").replaceFirst("^/", "");
      path = path.endsWith("/") ? path + "README.md" : path;
      if (!seen.add(path)) {
        continue;
      }
      if (source.text(path).isPresent()) {
        chapters.put(path, ProseReader.plain(m.group(1)));
      } else {
        lacks.add(new Lack(path + " (a chapter listed in SUMMARY.md as '" + ProseReader.plain(m.group(1)) + "')"));
      }
    }
    return chapters;
  }

  private static List<String> todo(List<String> includes, List<String> links) {
    List<String> all = new ArrayList<>(includes);
    all.addAll(links);
    return all;
  }

  /** The chapter's name for its id: the folder of a README.md, otherwise the file name. */
  private static String stem(String path) {
    String[] parts = path.split("/");
    String file = parts[parts.length - 1].replaceFirst("\\.[^.]+$", "");
    if (!file.equalsIgnoreCase("README")) {
      return file;
    }
    return parts.length > 1 ? parts[parts.length - 2] : "introduction";
  }

  /** The language of a book in several languages (a folder such as en/ beside LANGS.md), or empty. */
  private static String language(ImportSource source) {
    boolean translated = source.parentTexts().containsKey("LANGS.md");
    return translated && LANGUAGE_FOLDER.matcher(source.folderName()).matches()
        ? source.folderName().replace('_', '-') : "";
  }

  private static String bookTitle(ImportSource source) {
    Optional<String> json = source.text("book.json").map(Pattern.compile("\"title\"\\s*:\\s*\"([^\"]+)\"")::matcher)
        .filter(Matcher::find).map(m -> m.group(1));
    return json.or(() -> source.text("README.md").flatMap(t -> HeadingLeveler.level(t, true).title()))
        .map(ProseReader::plain).orElse(source.folderName());
  }

  /** The licence file's copyright line, or its first line, for the attribution. */
  private static Optional<String> statement(String licence) {
    List<String> lines = licence.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    return lines.stream().filter(l -> l.matches("(?i).*(copyright|©).*")).findFirst()
        .or(() -> lines.stream().findFirst()).map(ProseReader::plain).filter(l -> l.length() <= 300);
  }
}
