package org.starkit.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.starkit.model.Lesson;
import org.starkit.plan.Catalog;
import org.starkit.plan.PlannedLesson;
import org.starkit.write.OutputFile;

/** Writes {@code catalog.json}: every lesson's metadata, in catalog order, for other tools. */
public final class CatalogExporter {
  public static final String PATH = "catalog.json";
  public static final int VERSION = 1;

  private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  public OutputFile export(Catalog catalog) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", VERSION);
    Map<String, Object> site = new LinkedHashMap<>();
    site.put("title", catalog.config().title());
    site.put("description", catalog.config().description());
    site.put("base_url", catalog.config().baseUrl());
    site.put("language", catalog.config().language());
    site.put("levels", catalog.config().levels());
    site.put("formats", catalog.config().formats().stream().map(f -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", f.id());
      m.put("title", f.title());
      m.put("minutes", f.minutes());
      m.put("sessions", f.sessions());
      m.put("lunch_minutes", f.lunchMinutes());
      return m;
    }).toList());
    root.put("site", site);
    root.put("lessons", catalog.lessons().stream().map(CatalogExporter::lesson).toList());
    try {
      return OutputFile.text(PATH, mapper.writeValueAsString(root) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("catalog.json could not be written", e);
    }
  }

  private static Map<String, Object> lesson(PlannedLesson p) {
    Lesson l = p.lesson();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", l.id());
    m.put("title", l.title());
    m.put("level", l.level());
    m.put("minutes", l.duration().total());
    m.put("teaching_minutes", l.duration().teaching());
    m.put("exercise_minutes", l.duration().exercises());
    m.put("summary", l.summary());
    m.put("objectives", l.objectives());
    m.put("prerequisites", l.prerequisiteIds());
    m.put("dependents", p.dependents());
    m.put("time_commitment", p.format().map(f -> (Object) f.id()).orElse(null));
    m.put("tags", l.tags());
    m.put("authors", l.authors().stream().map(a -> {
      Map<String, Object> am = new LinkedHashMap<>();
      am.put("name", a.name());
      if (!a.github().isEmpty()) {
        am.put("github", a.github());
      }
      if (!a.orcid().isEmpty()) {
        am.put("orcid", a.orcid());
      }
      return am;
    }).toList());
    m.put("license", l.license());
    m.put("language", l.language());
    m.put("translation_of", l.translationOf().map(r -> (Object) r.id()).orElse(null));
    m.put("setup", l.setup());
    m.put("attribution", l.attribution());
    m.put("badge", l.badge().map(r -> (Object) r.id()).orElse(null));
    m.put("url", SitePaths.publicPath(SitePaths.lesson(l.id())));
    m.put("source", l.path());
    return m;
  }

}
