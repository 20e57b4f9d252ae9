package org.starkit.markdown;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flexmark's inline parser, matching exactly as it does but without a copy of the paragraph per
 * match: its {@code match} calls {@link Matcher#toMatchResult()}, which on Java 17 turns the whole
 * paragraph into a new String each time (a tenth of all Markdown time on long paragraphs). The
 * start and end of the match are read from the matcher itself instead.
 */
final class RegionInlineParser extends InlineParserImpl {
  /** Makes these parsers, for {@code Parser.Builder.customInlineParserFactory}. */
  static final InlineParserFactory FACTORY = RegionInlineParser::new;

  private RegionInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
      Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
      List<InlineParserExtensionFactory> inlineParserExtensions) {
    super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors,
        inlineParserExtensions);
  }

  @Override
  public BasedSequence match(Pattern re) {
    Matcher matcher = advance(re);
    return matcher == null ? null : input.subSequence(matcher.start(), matcher.end());
  }

  @Override
  public BasedSequence[] matchWithGroups(Pattern re) {
    Matcher matcher = advance(re);
    if (matcher == null) {
      return null;
    }
    BasedSequence[] results = new BasedSequence[matcher.groupCount() + 1];
    results[0] = input.subSequence(matcher.start(), matcher.end());
    for (int i = 1; i < results.length; i++) {
      results[i] = matcher.group(i) == null ? null : input.subSequence(matcher.start(i), matcher.end(i));
    }
    return results;
  }

  /** The next match of {@code re} at or after the current position, moving past it; null if none. */
  private Matcher advance(Pattern re) {
    if (index >= input.length()) {
      return null;
    }
    Matcher matcher = re.matcher(input);
    matcher.region(index, input.length());
    if (!matcher.find()) {
      return null;
    }
    index = matcher.end();
    return matcher;
  }
}
