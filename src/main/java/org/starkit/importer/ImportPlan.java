package org.starkit.importer;

import java.util.List;

/**
 * What an import produces; nothing is written yet.
 *
 * @param files lesson and kit files, by path relative to the curriculum folder
 * @param copies images and data files to copy from the source
 * @param lacks what the source refers to but does not contain; the lessons list what they lost by it
 *     under {@code todo}, which {@code starkit check} reports as warnings
 * @param notes what was changed or left out on the way, one sentence each
 * @param kit what the kit came to: its format and time, or why it does not plan
 */
public record ImportPlan(List<WrittenFile> files, List<CopiedFile> copies, List<Lack> lacks, List<String> notes,
    KitOutcome kit) {

  public ImportPlan {
    files = List.copyOf(files);
    copies = List.copyOf(copies);
    lacks = List.copyOf(lacks);
    notes = List.copyOf(notes);
  }

  /** A text file to create, relative to the curriculum folder. */
  public record WrittenFile(String path, String text) {}

  /**
   * A file to copy.
   *
   * @param from relative to the imported folder
   * @param to relative to the curriculum folder
   */
  public record CopiedFile(String from, String to) {}

  /**
   * Something the source lacks.
   *
   * @param what a description, such as "episodes/fig/tree.svg (an image in episodes/02-filedir.md)"
   */
  public record Lack(String what) {}

  /**
   * @param format the time commitment chosen
   * @param summary such as "full-day, 6h45m of 8h"
   * @param problems why the kit does not plan cleanly; empty when it does
   */
  public record KitOutcome(String format, String summary, List<String> problems) {
    public KitOutcome {
      problems = List.copyOf(problems);
    }
  }
}
