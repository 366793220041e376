#!/usr/bin/env python3
"""Checks the relative links of the project's Markdown: README.md, BENCHMARKS.md, docs/**/*.md.

Every link [text](target) or reference definition [name]: target whose target is a path must name
a file or directory that exists, and a #anchor must match a heading of the target file (GitHub's
slug: lower case, punctuation dropped, spaces to hyphens, -1, -2 ... for repeats). Links inside
code blocks and code spans are not links. http(s) and mailto links are skipped: the CI network
reaches only package registries, so an external link cannot be checked there.

Usage: tools/docs/check-links.py [repository root]. Exits 1 and lists each broken link.
"""
import os
import re
import sys
import unicodedata
from urllib.parse import unquote

FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*(<[^>]*>|[^)\s]*)(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
HTML_ANCHOR = re.compile(r"<a\s+(?:name|id)=\"([^\"]+)\"")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def slug(heading):
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link in a heading counts by its text
    text = re.sub(r"<[^>]+>", "", text)
    text = text.replace("`", "").replace("*", "").strip().lower()
    kept = []
    for char in text:
        if char in " -_" or unicodedata.category(char)[0] in "LN":
            kept.append("-" if char == " " else char)
    return "".join(kept)


def lines_outside_code(path):
    """The file's lines outside fenced code blocks, numbered from 1."""
    fence = None
    with open(path, encoding="utf-8") as source:
        for number, line in enumerate(source, 1):
            match = FENCE.match(line)
            if match:
                marker = match.group(1)
                if fence is None:
                    fence = marker[0] * len(marker)
                elif marker.startswith(fence):
                    fence = None
                continue
            if fence is None:
                yield number, line.rstrip("\n")


def anchors(path, cache={}):
    if path not in cache:
        seen = {}
        found = set()
        for _, line in lines_outside_code(path):
            found.update(HTML_ANCHOR.findall(line))
            match = HEADING.match(line)
            if match:
                base = slug(match.group(2))
                count = seen.get(base, 0)
                seen[base] = count + 1
                found.add(base if count == 0 else f"{base}-{count}")
        cache[path] = found
    return cache[path]


def targets(path):
    for number, line in lines_outside_code(path):
        line = CODE_SPAN.sub("", line)
        for match in INLINE_LINK.finditer(line):
            yield number, match.group(1).strip("<>")
        match = REFERENCE.match(line)
        if match:
            yield number, match.group(1).strip("<>")


def broken_links(root, path):
    for number, target in targets(path):
        if not target or SCHEME.match(target):
            continue
        file_part, _, anchor = target.partition("#")
        resolved = os.path.normpath(os.path.join(os.path.dirname(path), unquote(file_part))) if file_part else path
        where = f"{os.path.relpath(path, root)}:{number}: {target}"
        if not os.path.exists(resolved):
            yield f"{where} (no such file: {os.path.relpath(resolved, root)})"
        elif anchor and resolved.endswith(".md") and unquote(anchor) not in anchors(resolved):
            yield f"{where} (no heading #{anchor} in {os.path.relpath(resolved, root)})"


def markdown_files(root):
    for name in ("README.md", "BENCHMARKS.md"):
        if os.path.exists(os.path.join(root, name)):
            yield os.path.join(root, name)
    for directory, _, names in sorted(os.walk(os.path.join(root, "docs"))):
        for name in sorted(names):
            if name.endswith(".md"):
                yield os.path.join(directory, name)


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../.."))
    files = list(markdown_files(root))
    problems = [problem for path in files for problem in broken_links(root, path)]
    for problem in problems:
        print(problem)
    if problems:
        sys.stdout.flush()
        print(f"{len(problems)} broken link(s) in {len(files)} Markdown files", file=sys.stderr)
        return 1
    print(f"Links checked in {len(files)} Markdown files: none broken")
    return 0


if __name__ == "__main__":
    sys.exit(main())
