package org.starkit.search;

import java.util.List;

/**
 * One lesson as the search index holds it: plain text only, never HTML.
 *
 * @param format the id of the lesson's time commitment, or {@link SearchIndexBuilder#LONGER} when
 *     no format of the site holds it
 * @param path the lesson page, relative to the site root
 * @param words the distinct words of the learner view of the body, lower-cased and sorted:
 *     instructor notes, heading anchors and callout labels are left out
 */
public record SearchDocument(String id, String title, String summary, List<String> objectives, List<String> tags,
    String level, String format, String duration, String path, String words) {
  public SearchDocument {
    objectives = List.copyOf(objectives);
    tags = List.copyOf(tags);
  }
}
