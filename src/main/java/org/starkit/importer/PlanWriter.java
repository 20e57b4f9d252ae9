package org.starkit.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Writes an {@link ImportPlan} into a curriculum folder, never replacing a file that is already there. */
public final class PlanWriter {
  private final Path curriculum;
  private final Path imported;

  /**
   * @param curriculum the folder holding starkit.yml, which the plan's paths are relative to
   * @param imported the folder the plan was made from, which copies come from
   */
  public PlanWriter(Path curriculum, Path imported) {
    this.curriculum = curriculum;
    this.imported = imported;
  }

  /** The files the plan would create that exist already; the plan may be written only when there are none. */
  public List<Path> existing(ImportPlan plan) {
    return targets(plan).stream().filter(Files::exists).toList();
  }

  /**
   * Writes every file and copy, and returns their paths in order.
   *
   * @throws java.nio.file.FileAlreadyExistsException when a file appeared since {@link #existing} was asked
   */
  public List<Path> write(ImportPlan plan) throws IOException {
    List<Path> written = new ArrayList<>();
    for (ImportPlan.WrittenFile f : plan.files()) {
      Path target = curriculum.resolve(f.path());
      Files.createDirectories(target.getParent());
      Files.writeString(target, f.text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      written.add(target);
    }
    for (ImportPlan.CopiedFile c : plan.copies()) {
      Path target = curriculum.resolve(c.to());
      Files.createDirectories(target.getParent());
      Files.copy(imported.resolve(c.from()), target);
      written.add(target);
    }
    return written;
  }

  private List<Path> targets(ImportPlan plan) {
    List<Path> targets = new ArrayList<>();
    plan.files().forEach(f -> targets.add(curriculum.resolve(f.path())));
    plan.copies().forEach(c -> targets.add(curriculum.resolve(c.to())));
    return targets;
  }
}
