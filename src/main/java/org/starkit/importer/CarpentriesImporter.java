package org.starkit.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.starkit.importer.ImportPlan.Lack;

/**
 * Converts a Carpentries Workbench lesson ({@code config.yaml}, {@code episodes/*.md},
 * {@code learners/setup.md}, {@code instructors/instructor-notes.md}) into one starkit lesson per
 * episode, in the order of {@code config.yaml}, and a kit that teaches them.
 */
public final class CarpentriesImporter {
  private static final Map<String, String> CARPENTRIES = Map.of("swc", "Software Carpentry", "dc", "Data Carpentry",
      "lc", "Library Carpentry", "cp", "The Carpentries", "incubator", "The Carpentries Incubator",
      "lab", "The Carpentries Lab");
  private static final String INSTRUCTOR_NOTES = "instructors/instructor-notes.md";

  /** The name a lesson gets by default: its folder's, such as {@code shell-novice}. */
  public static String defaultName(ImportSource source) {
    return IdMaker.slug(source.folderName());
  }

  public ImportPlan convert(ImportSource source, ImportSettings settings) {
    WorkbenchConfig config = WorkbenchConfig.read(source);
    List<Lack> lacks = new ArrayList<>();
    List<String> episodes = new ArrayList<>();
    for (String name : config.episodes()) {
      String path = "episodes/" + name;
      if (source.text(path).isPresent()) {
        episodes.add(path);
      } else {
        lacks.add(new Lack(path + " (an episode listed in config.yaml)"));
      }
    }
    if (episodes.isEmpty()) {
      throw new ImportException("No episode of " + source.folderName() + " could be read: config.yaml lists "
          + (config.episodes().isEmpty() ? "none and episodes/ has no .md files" : String.join(", ", config.episodes())
          + ", but episodes/ does not have them") + ".");
    }
    LicenseChoice license = LicenseChoice.of(config.license().flatMap(LicenseRecognizer::fromName)
        .or(() -> source.text("LICENSE.md").or(() -> source.text("LICENSE")).flatMap(LicenseRecognizer::fromText)),
        settings.config(), "config.yaml has no 'license' and LICENSE.md names none");
    license.lack().ifPresent(lacks::add);
    List<String> ids = IdMaker.ids(settings.name(), episodes.stream()
        .map(p -> p.substring("episodes/".length(), p.lastIndexOf('.'))).toList());
    Map<String, String> pages = new LinkedHashMap<>();
    for (int i = 0; i < episodes.size(); i++) {
      pages.put(episodes.get(i), ids.get(i) + ".md");
    }
    LinkRewriter links = new LinkRewriter(source, "episodes/", pages, config.webBase());
    ChapterConverter converter = new ChapterConverter(links);
    Set<String> notes = new LinkedHashSet<>();
    List<String> setup = setup(source, converter, notes);
    String origin = config.source().orElse(source.folderName());
    String by = config.carpentry().map(c -> CARPENTRIES.getOrDefault(c, c)).map(c -> " by " + c).orElse("");
    List<LessonDraft> drafts = new ArrayList<>();
    for (int i = 0; i < episodes.size(); i++) {
      String path = episodes.get(i);
      Episode episode = Episode.read(path, source.text(path).orElseThrow());
      String cleaned = converter.clean(episode.body());
      List<String> objectives = ProseReader.calloutItems(cleaned, "objectives");
      String summary = ProseReader.firstSentence(ProseReader.calloutItems(cleaned, "questions").stream().findFirst()
          .or(() -> objectives.stream().findFirst()).or(() -> ProseReader.firstParagraph(cleaned))
          .orElse(episode.title() + "."));
      if (!objectives.isEmpty()) {
        notes.add("The objectives blocks became the lessons' 'objectives' fields, which the lesson pages show.");
      }
      String kept = objectives.isEmpty() ? cleaned : ProseReader.withoutCallout(cleaned, "objectives");
      String body = converter.finish(path, kept, false).text()
          + (i == 0 ? instructorNotes(source, converter, notes) : "");
      List<String> todo = new ArrayList<>(links.todos(path));
      if (i == 0) {
        todo.addAll(links.todos(INSTRUCTOR_NOTES));
      }
      if (episode.teaching().isEmpty()) {
        lacks.add(new Lack("teaching minutes for " + path + ": its front matter has no 'teaching', so the lesson"
            + " says 'duration: " + LessonWriter.DURATION_PLACEHOLDER + "' until you fill it in"));
      }
      List<String> attribution = List.of("Adapted from \"" + episode.title() + "\", an episode of \"" + config.title()
          .orElse(source.folderName()) + "\"" + by + " (" + origin + "), licensed " + license.name() + ".");
      drafts.add(new LessonDraft(ids.get(i), episode.title(), settings.level(), episode.teaching(),
          episode.exercises(), OptionalInt.empty(), summary, objectives, i == 0 ? List.of() : List.of(ids.get(i - 1)),
          license.id(), config.language().map(l -> l.replace('_', '-')).orElse(""), setup, attribution, body, todo));
    }
    lacks.addAll(links.lacks());
    notes.addAll(converter.notes());
    Optional<String> audience = source.text("index.md").map(Episode::withoutFrontMatter)
        .flatMap(t -> ProseReader.callout(converter.clean(t), "prereq")).flatMap(ProseReader::firstParagraph)
        .map(ProseReader::firstSentence);
    return ImportAssembler.assemble(settings, drafts, links.copies(), lacks, List.copyOf(notes),
        config.title().orElse(source.folderName()), origin, audience);
  }

  /** Setup lines: the list items of learners/setup.md outside callouts, or its first paragraph. */
  private static List<String> setup(ImportSource source, ChapterConverter converter, Set<String> notes) {
    Optional<String> text = source.text("learners/setup.md").map(Episode::withoutFrontMatter).map(converter::clean);
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> items = ProseReader.items(text.get()).stream().map(ProseReader::firstSentence).toList();
    List<String> setup = items.isEmpty() ? ProseReader.firstParagraph(text.get()).map(ProseReader::firstSentence)
        .map(List::of).orElse(List.of()) : items;
    notes.add("learners/setup.md became " + setup.size() + " short 'setup' lines on every lesson;"
        + " its longer instructions (per operating system) were not copied.");
    return setup;
  }

  /** instructors/instructor-notes.md as an instructor block for the first lesson, or nothing. */
  private static String instructorNotes(ImportSource source, ChapterConverter converter, Set<String> notes) {
    Optional<String> text = source.text(INSTRUCTOR_NOTES).map(Episode::withoutFrontMatter);
    if (text.isEmpty() || text.get().isBlank()) {
      return "";
    }
    notes.add("instructors/instructor-notes.md became an instructor block at the end of the first lesson.");
    String cleaned = converter.clean(text.get());
    String relinked = converter.finish(INSTRUCTOR_NOTES, cleaned, false).text();
    return "\n\n::: instructor Instructor notes for the whole lesson\n\n" + relinked + "\n\n:::\n";
  }
}
