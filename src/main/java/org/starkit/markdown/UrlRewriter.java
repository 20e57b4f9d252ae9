package org.starkit.markdown;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.Suggester;

/**
 * Turns the URLs an author writes into URLs of the built site: a relative link to another
 * lesson's {@code .md} file becomes a link to its page, a relative image path the image's copy.
 * Links that cannot work, or could run script, become diagnostics.
 */
final class UrlRewriter {
  private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*):.*", Pattern.DOTALL);

  /** Rewritten URL (null to drop it), and the page link to check later, if any. */
  record Result(String url, Optional<PageLink> pageLink) {}

  private final String file;
  private final String folder;
  private final String root;
  private final LinkTargets targets;
  private final List<Diagnostic> problems;

  /**
   * @param file the source path of the page being rendered
   * @param root relative path from the page to the site root, such as {@code ../../}
   */
  UrlRewriter(String file, String root, LinkTargets targets, List<Diagnostic> problems) {
    this.file = file;
    int slash = file.lastIndexOf('/');
    this.folder = slash < 0 ? "" : file.substring(0, slash + 1);
    this.root = root;
    this.targets = targets;
    this.problems = problems;
  }

  Result rewrite(String written, boolean image, int line, int column) {
    String url = written.strip();
    String squeezed = url.replaceAll("[\\x00-\\x20\\x7f]", "");
    Matcher scheme = SCHEME.matcher(squeezed);
    if (scheme.matches()) {
      String name = scheme.group(1).toLowerCase(Locale.ROOT);
      boolean web = name.equals("http") || name.equals("https");
      if (web && image) {
        problems.add(Diagnostic.error(file, line, column, "external-image",
            "The image " + url + " is on another site; pages must not load anything from elsewhere.",
            "Download the image (if its licence allows), put it beside the lesson and link to it by relative path."));
        return new Result(null, Optional.empty());
      }
      if (web || (name.equals("mailto") && !image)) {
        return new Result(url, Optional.empty());
      }
      problems.add(Diagnostic.error(file, line, column, "unsafe-link",
          "'" + name + ":' " + (image ? "images" : "links") + " are not allowed; this one was removed.",
          "Use https:// links to other sites and relative paths to files in the curriculum."));
      return new Result(null, Optional.empty());
    }
    if (url.startsWith("//")) {
      return rewrite("https:" + url, image, line, column);
    }
    if (url.isEmpty()) {
      return new Result(url, Optional.empty());
    }
    String anchor = "";
    String path = url;
    int hash = path.indexOf('#');
    if (hash >= 0) {
      anchor = path.substring(hash + 1);
      path = path.substring(0, hash);
    }
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    if (path.isEmpty()) {
      return new Result("#" + anchor, Optional.of(new PageLink(file, anchor, line, column)));
    }
    if (path.startsWith("/")) {
      problems.add(Diagnostic.error(file, line, column, "broken-link",
          "The link '" + url + "' starts with '/', which depends on where the site is published.",
          "Link to the other lesson's .md file by its path relative to this file, such as ../beginner/loops.md."));
      return new Result(url, Optional.empty());
    }
    Optional<String> resolved = resolve(UrlPaths.decode(path));
    if (resolved.isEmpty()) {
      problems.add(Diagnostic.error(file, line, column, "broken-link",
          "The link '" + url + "' points outside the curriculum.",
          "Links may only point to lessons, images and files inside the source directory."));
      return new Result(null, Optional.empty());
    }
    String target = resolved.get();
    String page = targets.pages().get(target);
    if (page != null && !image) {
      String suffix = anchor.isEmpty() ? "" : "#" + anchor;
      Optional<PageLink> check = anchor.isEmpty() ? Optional.empty()
          : Optional.of(new PageLink(target, anchor, line, column));
      return new Result(root + page + suffix, check);
    }
    String asset = targets.assets().get(target);
    if (asset != null) {
      return new Result(root + UrlPaths.encode(asset) + (anchor.isEmpty() ? "" : "#" + anchor), Optional.empty());
    }
    String near = Suggester.closest(target, targets.all()).map(s -> " Did you mean '" + relativeTo(s) + "'?").orElse("");
    if (image) {
      problems.add(Diagnostic.error(file, line, column, "missing-image",
          "The image '" + url + "' does not exist (looked for " + target + ")." + near,
          "Put the image beside the lesson (for example in an images/ folder) and give its path relative to the lesson."));
    } else {
      problems.add(Diagnostic.error(file, line, column, "broken-link",
          "The link '" + url + "' points to " + target + ", which does not exist." + near,
          "Link to another lesson by the path of its .md file relative to this one, such as loops.md or ../intermediate/files.md."));
    }
    return new Result(url, Optional.empty());
  }

  private String relativeTo(String target) {
    if (target.startsWith(folder)) {
      return target.substring(folder.length());
    }
    return target;
  }

  /** The normalised source path a relative path names, or empty if it leaves the source tree. */
  private Optional<String> resolve(String relative) {
    Deque<String> parts = new ArrayDeque<>();
    for (String p : (folder + relative).split("/", -1)) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.removeLast();
      } else {
        parts.addLast(p);
      }
    }
    return Optional.of(String.join("/", parts));
  }
}
