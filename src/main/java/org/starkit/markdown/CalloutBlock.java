package org.starkit.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A Carpentries-style fenced div such as {@code ::: challenge} ... {@code :::}. */
public final class CalloutBlock extends Block {
  private final String type;
  private final String title;

  CalloutBlock(String type, String title) {
    this.type = type;
    this.title = title;
  }

  /** The word after the colons, lower-cased, such as {@code challenge}. */
  public String type() {
    return type;
  }

  /** Text after the type on the opening line, or empty. */
  public String title() {
    return title;
  }

  @Override
  public BasedSequence[] getSegments() {
    return EMPTY_SEGMENTS;
  }

  /** The line that closes a callout; it renders as nothing. */
  public static final class End extends Block {
    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }
}
