package org.starkit.model;

import java.util.Arrays;
import java.util.List;

/**
 * The front-matter fields a lesson may have. The parser accepts exactly these, and the
 * contributor guide's reference table is generated from them, so the two cannot drift apart.
 */
public enum LessonField {
  TITLE("title", true, "text", "The lesson's title, shown as its page heading.", "Loops"),
  LEVEL("level", true, "one of the levels in starkit.yml", "Who the lesson is for.", "beginner"),
  DURATION("duration", true, "duration",
      "Teaching plus exercise time. Or give Carpentries-style 'teaching' and 'exercises' minutes instead.",
      "1h15m"),
  TEACHING("teaching", false, "minutes", "Carpentries-style teaching time; used when 'duration' is absent.", "30"),
  EXERCISES("exercises", false, "minutes", "Carpentries-style exercise time; added to 'teaching'.", "15"),
  SUMMARY("summary", true, "one sentence", "What learners get out of the lesson, shown in listings.",
      "Repeat work with for and while loops."),
  OBJECTIVES("objectives", false, "list of text", "What learners can do afterwards.",
      "[Write a for loop over a list.]"),
  PREREQUISITES("prerequisites", false, "list of lesson ids", "Lessons to teach before this one.",
      "[lists, conditions]"),
  TAGS("tags", false, "list of words", "Topics, for the tag pages.", "[python, basics]"),
  AUTHORS("authors", false, "list of names, or of name/github/orcid",
      "Who wrote the lesson.", "[{name: Ada Lovelace, github: ada}]"),
  LICENSE("license", false, "SPDX id from starkit.yml",
      "The lesson's licence; defaults to the curriculum's licence.", "CC-BY-4.0"),
  LANGUAGE("language", false, "BCP 47 tag", "The language the lesson is written in.", "en"),
  SETUP("setup", false, "list of text", "What learners must install or bring.",
      "[Python 3.10 or newer]"),
  ATTRIBUTION("attribution", false, "list of text",
      "Credit for material adapted from elsewhere, one line each.",
      "[Adapted from ... (CC-BY-4.0)]"),
  BADGE("badge", false, "achievement id", "The badge that completing this lesson's project earns.",
      "python-beginner"),
  TRANSLATION_OF("translation_of", false, "lesson id",
      "The lesson this one translates; give 'language' too. The two pages link each other.", "first-program"),
  ORIGINAL_HASH("original_hash", false, "12 hex digits",
      "The original's fingerprint when the translation was last brought up to date; starkit check prints it.",
      "3f9c2a7b1d04"),
  TODO("todo", false, "list of text",
      "Work left to do, one item each, such as what 'starkit import' could not find in the source; starkit check"
          + " warns about each item, so --strict fails until the list is gone.",
      "[the image fig/tree.svg, missing from the source]");

  private final String key;
  private final boolean required;
  private final String type;
  private final String description;
  private final String example;

  LessonField(String key, boolean required, String type, String description, String example) {
    this.key = key;
    this.required = required;
    this.type = type;
    this.description = description;
    this.example = example;
  }

  public String key() {
    return key;
  }

  public boolean required() {
    return required;
  }

  public String type() {
    return type;
  }

  public String description() {
    return description;
  }

  public String example() {
    return example;
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(LessonField::key).toList();
  }
}
