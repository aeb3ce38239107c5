#!/usr/bin/env python3
"""Adds a short Apache-2.0 license header (copyright line and SPDX identifier; the full text is in LICENSE)
to the project's Java sources (and, with --all, other source files).

Idempotent: a file whose first comment already carries "Licensed under the Apache License" (or an SPDX
Apache-2.0 identifier) is left alone, so the script can be rerun after every merge. Generated code, build
output, test data and the shared data beside the checkout are never touched.

    python3 tools/add_license_headers.py            # add headers to tracked *.java files
    python3 tools/add_license_headers.py --check    # list files without a header, exit 1 if any
    python3 tools/add_license_headers.py --dry-run  # print what would change
"""
import argparse
import subprocess
import sys
from pathlib import Path

OWNER = "The Ember4j Authors"
YEAR = "2026"

HEADER_LINES = [
    f"Copyright {YEAR} {OWNER}",
    "SPDX-License-Identifier: Apache-2.0",
]

MARKERS = ("Licensed under the Apache License", "SPDX-License-Identifier: Apache-2.0")

# Comment style per extension: (first line, line prefix, last line).
STYLES = {
    ".java": ("/*", " * ", " */"),
    ".groovy": ("/*", " * ", " */"),
    ".py": (None, "# ", None),
    ".sh": (None, "# ", None),
}
DEFAULT_EXTENSIONS = (".java",)
SKIP_PARTS = {"target", "generated-sources", "generated-test-sources", "testdata", ".mvn", "node_modules"}


def header_for(ext):
    first, prefix, last = STYLES[ext]
    lines = [] if first is None else [first]
    lines += [(prefix + line).rstrip() for line in HEADER_LINES]
    if last is not None:
        lines.append(last)
    return "\n".join(lines) + "\n"


def has_header(text):
    head = text[:2000]
    return any(marker in head for marker in MARKERS)


def with_header(text, ext):
    """Returns text with the header inserted (after a shebang line, if any); text unchanged if it has one."""
    if has_header(text):
        return text
    header = header_for(ext)
    if text.startswith("#!"):
        newline = text.find("\n") + 1 or len(text)
        return text[:newline] + header + ("\n" if text[newline:] else "") + text[newline:]
    return header + ("\n" if text else "") + text


def tracked_files(root, extensions):
    out = subprocess.run(["git", "-C", str(root), "ls-files", "-z"], check=True, capture_output=True).stdout
    for name in out.decode("utf-8").split("\0"):
        if not name:
            continue
        path = Path(name)
        if path.suffix not in extensions or SKIP_PARTS.intersection(path.parts):
            continue
        yield root / path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only report files without a header")
    parser.add_argument("--dry-run", action="store_true", help="print the files that would change")
    parser.add_argument("--all", action="store_true", help="also Groovy, Python and shell files")
    parser.add_argument("--root", default=Path(__file__).resolve().parent.parent, type=Path)
    args = parser.parse_args(argv)

    extensions = tuple(STYLES) if args.all else DEFAULT_EXTENSIONS
    missing = []
    for path in tracked_files(args.root, extensions):
        text = path.read_text(encoding="utf-8")
        updated = with_header(text, path.suffix)
        if updated == text:
            continue
        missing.append(path)
        if not (args.check or args.dry_run):
            path.write_text(updated, encoding="utf-8")
    for path in missing:
        print(("missing header: " if args.check else "would add: " if args.dry_run else "added: ")
              + str(path.relative_to(args.root)))
    if args.check and missing:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
