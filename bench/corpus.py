#!/usr/bin/env python3
"""Deterministic synthetic curriculum for starkit's benchmarks (written for starkit, no outside code).

Usage: corpus.py N OUTDIR --format starkit|hugo [--seed S]

Lesson i gets its own random generator seeded with "<seed>:<i>" and only links to lessons with a
smaller index, so the same N and seed give byte-identical files and the first 1,000 lessons of a
10,000 corpus are the 1,000 corpus. Both formats carry the same front matter and the same Markdown
body (headings, emphasis, inline code, links to earlier lessons, lists, a blockquote, fenced
Python, a pipe table and one image), so starkit and Hugo render the same Markdown.

  starkit  OUTDIR/curriculum/starkit.yml (a title only) and OUTDIR/curriculum/lessons/<id>.md,
           images in OUTDIR/curriculum/lessons/images/
  hugo     OUTDIR/hugo.yaml, OUTDIR/content/lessons/<id>.md, OUTDIR/static/lessons/images/ and
           minimal layouts: one page per lesson, a home page listing all, one page per level
"""
import argparse
import os
import random

WORDS = ("value list loop function module error test string number record file path index "
         "class object method return import package branch merge input output print format "
         "result memory thread queue stack table column query cache token parser sample").split()
TOPICS = ("variables loops functions recursion classes testing files errors strings dictionaries "
          "generators decorators iterators modules packaging logging sorting searching regex "
          "dates networking databases threads async typing").split()
SUFFIX = ["basics", "in-practice", "step-by-step", "pitfalls", "patterns", "workshop"]
LEVELS = ["beginner", "intermediate", "advanced"]
DURATIONS = ["30m", "45m", "1h", "1h30m"]
PEOPLE = ["Ada Byron", "Alan Turing", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov", "Dennis Ritchie"]
# A 1x1 transparent PNG.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082")


def slug(i):
    r = random.Random(f"slug:{i}")
    return f"l{i:05d}-{r.choice(TOPICS)}-{r.choice(SUFFIX)}"


def sentence(r, earlier):
    words = [r.choice(WORDS) for _ in range(r.randint(8, 18))]
    k = r.randrange(len(words))
    words[k] = r.choice([f"*{words[k]}*", f"**{words[k]}**", f"`{words[k]}()`", words[k]])
    if earlier and r.random() < 0.25:
        j = r.choice(earlier)
        words.insert(r.randrange(len(words)), f"[see {j.split('-')[1]}]({j}.md)")
    return " ".join(words).capitalize() + r.choice([".", ".", "?", "!"])


def paragraph(r, earlier):
    return " ".join(sentence(r, earlier) for _ in range(r.randint(3, 6)))


def lesson(i, seed):
    r = random.Random(f"{seed}:{i}")
    s = slug(i)
    topic = s.split("-")[1]
    earlier = [slug(j) for j in sorted({r.randrange(i) for _ in range(min(i, 4))})] if i else []
    title = f"{topic.capitalize()} {s.split('-', 2)[2].replace('-', ' ')}"
    fm = [
        "---",
        f'title: "{title}"',
        f"level: {r.choice(LEVELS)}",
        f"duration: {r.choice(DURATIONS)}",
        f'summary: "Work through {topic} with examples and exercises."',
        f"tags: [{', '.join(sorted(set(r.sample(TOPICS, 2))))}]",
        "authors:",
        *[f'  - "{p}"' for p in r.sample(PEOPLE, 2)],
    ]
    if earlier[:2]:
        fm += ["prerequisites:", *[f"  - {p}" for p in earlier[:2]]]
    fm += ["objectives:", *[f'  - "{r.choice(["Use", "Explain", "Write"])} {r.choice(WORDS)} code"'
                            for _ in range(3)], "---", ""]
    body = [paragraph(r, earlier), "", f"![Diagram of {topic}](images/{s}-fig.png)", ""]
    for sec in range(r.randint(3, 6)):
        body += [f"## {r.choice(WORDS).capitalize()} {r.choice(WORDS)} {sec + 1}", "", paragraph(r, earlier), ""]
        kind = r.randrange(5)
        if kind == 0:
            body += [f"- {sentence(r, earlier)}" for _ in range(r.randint(3, 6))] + [""]
        elif kind == 1:
            body += [f"{n + 1}. {sentence(r, earlier)}" for n in range(r.randint(3, 5))] + [""]
        elif kind == 2:
            body += ["```python", f"def {r.choice(WORDS)}_{sec}(items):",
                     f"    total = {r.randint(0, 9)}", "    for item in items:",
                     f"        total += len(str(item)) * {r.randint(1, 9)}", "    return total", "```", ""]
        elif kind == 3:
            body += ["| name | kind | count |", "|---|---|---:|"]
            body += [f"| {r.choice(WORDS)} | {r.choice(WORDS)} | {r.randint(1, 999)} |" for _ in range(r.randint(3, 6))]
            body += [""]
        else:
            body += [f"> {sentence(r, earlier)}", ""]
        body += [paragraph(r, earlier), ""]
    return s, "\n".join(fm) + "\n".join(body)


HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} | {{ site.Title }}</title></head>
<body><header><a href="/">{{ site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ .Params.level }} &middot; {{ .Params.duration }} &middot; {{ delimit .Params.authors ", " }}</p>
{{ with .Params.prerequisites }}<ul>{{ range . }}{{ with site.GetPage (printf "/lessons/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ul>{{ end }}
<ul>{{ range .Params.objectives }}<li>{{ . }}</li>{{ end }}</ul>
{{ .Content }}</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{ range $pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.level }}</li>{{ end }}</ul>{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></li>{{ end }}</ul>{{ end }}
""",
}


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("outdir")
    ap.add_argument("--format", choices=["starkit", "hugo"], default="starkit")
    ap.add_argument("--seed", default="starkit-bench")
    a = ap.parse_args()
    if a.format == "starkit":
        lessons = os.path.join(a.outdir, "curriculum", "lessons")
        images = os.path.join(lessons, "images")
        write(os.path.join(a.outdir, "curriculum", "starkit.yml"), 'title: "Synthetic Curriculum"\n')
    else:
        lessons = os.path.join(a.outdir, "content", "lessons")
        images = os.path.join(a.outdir, "content", "lessons", "images")
        write(os.path.join(a.outdir, "hugo.yaml"),
              'baseURL: "http://localhost/"\ntitle: "Synthetic Curriculum"\nlanguageCode: en\n'
              'disableKinds: [RSS, sitemap, robotsTXT, "404", section]\n'
              # starkit highlights fenced code at build time, so Hugo does too (like for like)
              'taxonomies:\n  level: level\nmarkup:\n  highlight:\n    codeFences: true\n    noClasses: false\n')
        for name, text in HUGO_LAYOUTS.items():
            write(os.path.join(a.outdir, "layouts", name), text)
    for i in range(a.n):
        s, text = lesson(i, a.seed)
        write(os.path.join(lessons, s + ".md"), text)
        write(os.path.join(images, s + "-fig.png"), PNG)


if __name__ == "__main__":
    main()
