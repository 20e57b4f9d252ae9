package org.starkit.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Puts the parts of an import together: lesson files, the fitted kit, and copies placed under the lessons' folder. */
final class ImportAssembler {
  private ImportAssembler() {}

  /**
   * @param copies files to copy, with {@code to} relative to the lessons' folder
   * @param title the title of the imported material
   * @param origin where it came from, for the kit
   * @param audience what the source says learners need, if anything
   */
  static ImportPlan assemble(ImportSettings settings, List<LessonDraft> drafts, List<ImportPlan.CopiedFile> copies,
      List<ImportPlan.Lack> lacks, List<String> notes, String title, String origin, Optional<String> audience) {
    List<ImportPlan.WrittenFile> files = new ArrayList<>();
    drafts.forEach(d -> files.add(new ImportPlan.WrittenFile(settings.lessonPath(d.id()), LessonWriter.write(d))));
    KitFitter.Fitted kit = new KitFitter(settings).fit(drafts, title, origin, audience);
    files.add(kit.file());
    List<ImportPlan.CopiedFile> placed = copies.stream()
        .map(c -> new ImportPlan.CopiedFile(c.from(), settings.into() + "/" + c.to())).toList();
    return new ImportPlan(files, placed, lacks, notes, kit.outcome());
  }
}
