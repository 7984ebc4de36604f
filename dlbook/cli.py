"""The `dlbook` command: `dlbook build-chapters [--check]`."""

import argparse
import sys

__all__ = ["main"]


def _build_chapters(args):
    from . import build

    try:
        changed = build.stale(args.root) if args.check else build.write(args.root)
    except build.BuildError as err:
        print(f"dlbook build-chapters: {err}", file=sys.stderr)
        return 2
    if args.check:
        for path in changed:
            print(f"out of date: {path}")
        if changed:
            print("run `python -m dlbook build-chapters` and commit the result", file=sys.stderr)
        return 1 if changed else 0
    for path in changed:
        print(f"wrote {path}")
    print(f"{len(changed)} file(s) changed" if changed else "everything was up to date")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="dlbook", description="The dlbook textbook's tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    chapters = commands.add_parser(
        "build-chapters",
        help="generate chapters/ (learners' notebooks) and the solutions index from solutions/",
    )
    chapters.add_argument("--check", action="store_true",
                          help="write nothing; exit 1 if any generated file is out of date")
    chapters.add_argument("--root", default=".", help="the repository root (default: .)")
    chapters.set_defaults(run=_build_chapters)
    args = parser.parse_args(argv)
    return args.run(args)
