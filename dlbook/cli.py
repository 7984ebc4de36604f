"""The `dlbook` command: `dlbook build-chapters [--check]`, `dlbook grade PATH...`, `dlbook progress`."""

import argparse
import os
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


def _grade(args):
    from .grading import grade_paths, notebooks_in
    from .grading import report

    missing = [p for p in args.paths if not os.path.exists(p)]
    if missing or not notebooks_in(args.paths):
        print(f"dlbook grade: nothing to grade in {', '.join(args.paths)}"
              + (f" (no such path: {', '.join(missing)})" if missing else ""), file=sys.stderr)
        return 2
    from .grading.isolation import IsolationUnavailable

    try:
        seed, rows = grade_paths(args.paths, seed=args.seed, jobs=args.jobs, timeout=args.timeout,
                                 memory_mb=args.memory, progress=not args.quiet, isolation_name=args.isolation)
    except IsolationUnavailable as err:
        print(f"dlbook grade: {err}", file=sys.stderr)
        return 2
    print(report.table(rows, seed, args.isolation))
    failed = False
    for wanted, write in ((args.json, lambda: report.write_json(rows, seed, args.json, args.isolation)),
                          (args.csv, lambda: report.write_csv(rows, seed, args.csv, args.isolation)),
                          (args.feedback, lambda: report.write_feedback(rows, args.feedback))):
        try:  # each report alone: one that cannot be written does not cost the others
            if wanted:
                write()
        except (OSError, ValueError) as err:
            print(f"dlbook grade: could not write a report: {err}", file=sys.stderr)
            failed = True
    return 2 if failed else 0


def _progress(args):
    from .progress import progress, store_path

    print(progress())
    print(f"\n(from {store_path()})")
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
    grade = commands.add_parser("grade", help="grade submitted notebooks, each answer in its own sandbox")
    grade.add_argument("paths", nargs="+", help="notebooks, or folders to search for .ipynb files")
    grade.add_argument("--jobs", type=int, default=1, help="notebooks graded at once (default 1)")
    grade.add_argument("--json", help="write every grade to this JSON file")
    grade.add_argument("--csv", help="write every grade to this CSV file")
    grade.add_argument("--feedback", help="write one Markdown feedback file per notebook into this folder")
    grade.add_argument("--seed", type=int, help="the secret seed of the inputs (default: a fresh one, printed)")
    grade.add_argument("--timeout", type=float, default=60.0, help="seconds per exercise (default 60)")
    grade.add_argument("--memory", type=int, default=2048, help="MB of address space per exercise (default 2048)")
    grade.add_argument("--isolation", choices=("bwrap", "none"), default="bwrap",
                       help="bwrap (default): each submission in a bubblewrap sandbox; none: unconfined, "
                            "only for submissions you trust")
    grade.add_argument("--quiet", action="store_true", help="no progress bar")
    grade.set_defaults(run=_grade)
    shown = commands.add_parser("progress", help="your progress through the book, chapter by chapter")
    shown.set_defaults(run=_progress)
    args = parser.parse_args(argv)
    return args.run(args)
