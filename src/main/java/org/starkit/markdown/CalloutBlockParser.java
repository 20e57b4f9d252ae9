package org.starkit.markdown;

import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses fenced divs: a line of three or more colons and a type opens a container, a line of only
 * colons closes the innermost open one. Lines inside code blocks never close a callout.
 */
final class CalloutBlockParser extends AbstractBlockParser {
  static final Pattern OPEN =
      Pattern.compile(":{3,}\\s*(?:\\{\\s*\\.?([A-Za-z][\\w-]*)[^}]*\\}|\\.?([A-Za-z][\\w-]*))\\s*(.*?)\\s*:*\\s*");
  static final Pattern CLOSE = Pattern.compile(":{3,}\\s*");

  private final CalloutBlock block;

  private CalloutBlockParser(String type, String title) {
    this.block = new CalloutBlock(type, title);
  }

  /** The type and title of an opening line, or null when the line does not open a callout. */
  static String[] opening(CharSequence line) {
    Matcher m = OPEN.matcher(line);
    if (!m.matches()) {
      return null;
    }
    String type = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
    return new String[] {type, m.group(3)};
  }

  @Override
  public Block getBlock() {
    return block;
  }

  @Override
  public boolean isContainer() {
    return true;
  }

  @Override
  public boolean canContain(ParserState state, BlockParser blockParser, Block block) {
    return true;
  }

  @Override
  public BlockContinue tryContinue(ParserState state) {
    if (!state.isBlank() && state.getIndent() < 4 && !hasOpenInner(state)) {
      CharSequence rest = state.getLine().subSequence(state.getNextNonSpaceIndex()).trimEOL();
      if (CLOSE.matcher(rest).matches()) {
        // End this callout (and whatever is open inside it); the line itself becomes a Closer.
        return BlockContinue.none();
      }
    }
    return BlockContinue.atIndex(state.getIndex());
  }

  /** True when a callout or code block opened inside this one is still open: the line is theirs. */
  private boolean hasOpenInner(ParserState state) {
    List<BlockParser> active = state.getActiveBlockParsers();
    boolean inside = false;
    for (BlockParser p : active) {
      if (p == this) {
        inside = true;
      } else if (inside && (p instanceof CalloutBlockParser || p instanceof FencedCodeBlockParser)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void closeBlock(ParserState state) {
    block.setCharsFromContent();
  }

  /** The closing line of a callout: a block that renders as nothing. */
  static final class Closer extends AbstractBlockParser {
    private final CalloutBlock.End block = new CalloutBlock.End();

    @Override
    public Block getBlock() {
      return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
      return BlockContinue.none();
    }

    @Override
    public void closeBlock(ParserState state) {}
  }

  static final class Factory implements CustomBlockParserFactory {
    @Override
    public Set<Class<?>> getAfterDependents() {
      return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return null;
    }

    @Override
    public boolean affectsGlobalScope() {
      return false;
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
      return new StartFactory(options);
    }
  }

  private static final class StartFactory extends AbstractBlockParserFactory {
    StartFactory(DataHolder options) {
      super(options);
    }

    @Override
    public BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
      if (state.getIndent() >= 4) {
        return BlockStart.none();
      }
      CharSequence rest = state.getLine().subSequence(state.getNextNonSpaceIndex()).trimEOL();
      if (CLOSE.matcher(rest).matches()) {
        return BlockStart.of(new Closer()).atIndex(state.getLineEndIndex());
      }
      String[] open = opening(rest);
      if (open == null) {
        return BlockStart.none();
      }
      return BlockStart.of(new CalloutBlockParser(open[0], open[1])).atIndex(state.getLineEndIndex());
    }
  }
}
