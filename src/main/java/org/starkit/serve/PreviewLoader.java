package org.starkit.serve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.load.CurriculumLoader;
import org.starkit.load.LessonParser;
import org.starkit.model.Curriculum;
import org.starkit.model.Lesson;
import org.starkit.model.SiteConfig;
import org.starkit.source.SourceFile;
import org.starkit.source.SourceSet;
import org.starkit.source.TextDecoder;

/**
 * Loads the curriculum as {@link CurriculumLoader} does, parsing again only the lessons whose file
 * changed: a lesson's parse depends on nothing but its file and the configuration, so each parse
 * (the lesson and the problems found) is kept by path with the file and configuration it came from.
 * Everything else (configuration, guides, kits, events, badges: a few files) is loaded by
 * {@link CurriculumLoader} itself.
 */
final class PreviewLoader {
  /** One lesson file's parse. */
  record Parse(SourceFile file, Object config, Optional<Lesson> lesson, List<Diagnostic> problems) {}

  private Map<String, Parse> parses = new HashMap<>();
  private SiteConfig config;
  private int parsed;

  /** How many lesson files were parsed, over all loads. */
  int parsed() {
    return parsed;
  }

  /** The parse the last load kept for a lesson file, or null when it had none. */
  Parse kept(String path) {
    return parses.get(path);
  }

  /**
   * Parses a lesson file again as the last load would have, with its configuration, and keeps the
   * parse in place of the old one: the next load reuses it while the file stays as it is.
   */
  Parse reparse(SourceFile f) {
    if (config == null) {
      throw new IllegalStateException("nothing loaded yet");
    }
    List<Diagnostic> found = new ArrayList<>();
    LessonParser parser = new LessonParser(config);
    Optional<Lesson> lesson = TextDecoder.decode(f, found).flatMap(t -> parser.parse(f.path(), t, found));
    Parse p = new Parse(f, config, lesson, List.copyOf(found));
    parsed++;
    parses.put(f.path(), p);
    return p;
  }

  CurriculumLoader.Result load(SourceSet sources) {
    List<SourceFile> others = new ArrayList<>();
    List<SourceFile> lessonFiles = new ArrayList<>();
    for (SourceFile f : sources.files()) {
      boolean lesson = f.isUnder("lessons") && f.path().endsWith(".md");
      if (!lesson) {
        others.add(f);
      } else if (CurriculumLoader.isLesson(f)) {
        lessonFiles.add(f);
      }
    }
    CurriculumLoader.Result rest = new CurriculumLoader().load(new SourceSet(others, sources.diagnostics()));
    Curriculum c = rest.curriculum();
    List<Diagnostic> problems = new ArrayList<>(rest.diagnostics());
    LessonParser parser = new LessonParser(c.config());
    Map<String, Parse> next = new HashMap<>();
    List<Lesson> lessons = new ArrayList<>();
    for (SourceFile f : lessonFiles) {
      Parse p = parses.get(f.path());
      if (p == null || !p.config().equals(c.config()) || (p.file() != f && !p.file().equals(f))) {
        List<Diagnostic> found = new ArrayList<>();
        Optional<Lesson> lesson = TextDecoder.decode(f, found).flatMap(t -> parser.parse(f.path(), t, found));
        p = new Parse(f, c.config(), lesson, List.copyOf(found));
        parsed++;
      }
      next.put(f.path(), p);
      problems.addAll(p.problems());
      p.lesson().ifPresent(lessons::add);
    }
    parses = next;
    config = c.config();
    lessons = CurriculumLoader.unique(lessons, problems);
    return new CurriculumLoader.Result(new Curriculum(c.config(), lessons, c.guides(), c.assets(), c.kits(),
        c.organizing(), c.events(), c.badges()), problems);
  }
}
