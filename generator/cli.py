"""The `digest` command: parse arguments, call one library function, report.

Heavy imports (spaCy, YAKE, MkDocs) happen inside the commands, so `--help`
stays fast. A domain error becomes one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from generator import __version__
from generator.config import load_config
from generator.errors import DigestError
from generator.text import printable

if TYPE_CHECKING:
    from generator.config import Config

log = logging.getLogger("generator")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    _logging(args.verbose - args.quiet)
    try:
        return int(args.command(args))
    except DigestError as exc:
        if args.verbose:
            traceback.print_exc()
        lines = "\n".join(map(printable, str(exc).split("\n")))  # a file's name stays escaped
        print(f"digest: error: {lines}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("digest: interrupted; the previous site was kept", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug or an environment failure: one line, the trace with -v
        if args.verbose:
            traceback.print_exc()
        print(f"digest: error: {printable(f'{type(exc).__name__}: {exc}')} — the previous site "
              "was kept; run with -v for the traceback", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digest", description="Build a static news digest site from article files.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", required=True)

    def command(name: str, func: Callable[[argparse.Namespace], int],
                help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(command=func)
        sub.add_argument("-v", "--verbose", action="count", default=0, help="more log output")
        sub.add_argument("-q", "--quiet", action="count", default=0, help="less log output")
        sub.add_argument("--config", type=Path, default=Path("digest.toml"),
                         help="settings file (default: digest.toml, if present)")
        sub.add_argument("--work", type=Path, help="folder for intermediate files (default: build/)")
        return sub

    build = command("build", cmd_build, "Build the seeds into a static site and digest.json.")
    build.add_argument("--seeds", type=Path, help="folder of article files (default: seeds/)")
    build.add_argument("--out", type=Path, help="output folder for the site (default: site/)")
    build.add_argument("--templates", type=Path, help="folder of templates overriding the defaults")
    build.add_argument("--strict", action="store_true", default=None,
                       help="fail (exit 1) when any file was skipped or warned about")
    build.add_argument("--no-cache", dest="cache", action="store_false", default=None,
                       help="recompute everything instead of using the cache")
    build.add_argument("--full", action="store_true", default=None,
                       help="force a full rebuild: recompute every article and page (refreshing the cache)")
    build.add_argument("--workers", type=int, help="processes for extraction (1 = serial)")
    build.add_argument("--executor", metavar="process|serial|dask[=ADDRESS]",
                       help="where per-article work runs (default: process pool)")
    build.add_argument("--profile", action="store_true",
                       help="print the seconds each stage took")

    serve = command("serve", cmd_serve, "Preview the built site on 127.0.0.1.")
    serve.add_argument("--out", type=Path, help="the built site (default: site/)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")

    command("clean", cmd_clean, "Delete the cache and intermediate files (not the site).")
    return parser


def _config(args: argparse.Namespace) -> Config:
    keys = ("seeds", "out", "templates", "strict", "cache", "full", "workers", "work", "executor")
    return load_config(args.config, **{k: getattr(args, k, None) for k in keys})


def cmd_build(args: argparse.Namespace) -> int:
    from generator.pipeline import build

    config = _config(args)
    started = time.perf_counter()
    result = build(config, progress=_progress if sys.stderr.isatty() and args.quiet == 0 else None)
    for problem in result.digest.problems:
        kind = "skipped" if problem.fatal else "warning"
        print(printable(f"{config.seeds / problem.path}: {kind}: {problem.message}"), file=sys.stderr)
    digest = result.digest
    if args.quiet < 1:
        print(f"built {config.out}/ in {time.perf_counter() - started:.1f} s: "
              f"{len(digest.articles)} articles, {len(digest.topics)} topics, "
              f"{len(digest.entities)} entities; {result.computed} extracted, "
              f"{result.skipped} skipped, {result.warnings} warnings")
    if args.profile:
        total = sum(result.seconds.values()) or 1.0
        for stage, seconds in result.seconds.items():
            print(f"{stage:>8}: {seconds:8.2f} s {seconds / total:6.1%}", file=sys.stderr)
    if config.strict and digest.problems:
        print("digest: error: --strict: files were skipped or warned about", file=sys.stderr)
        return 1
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import functools
    import http.server

    out = args.out or _config(args).out
    if not (out / "index.html").exists():
        raise DigestError(f"{out}: no built site — run `digest build` first")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        print(f"serving {out}/ at http://127.0.0.1:{args.port}/ (Ctrl-C to stop)")
        server.serve_forever()
    return 0


def cmd_clean(args: argparse.Namespace) -> int:
    from generator.guard import remove_work

    work = _config(args).work
    print(f"removed {work}/" if remove_work(work) else f"nothing to remove: {work}/ does not exist")
    return 0


_started: dict[str, float] = {}


def _progress(stage: str, done: int, total: int) -> None:
    """One self-overwriting line per stage on a terminal: count, rate and time left."""
    now = time.perf_counter()
    start = _started.setdefault(stage, now)
    rate = done / max(now - start, 1e-6)
    left = (total - done) / rate if rate else 0.0
    end = "\n" if done == total else ""
    print(f"\r{stage}: {done}/{total} ({rate:.1f}/s, {left:.0f} s left)  ", end=end,
          file=sys.stderr, flush=True)


def _logging(level: int) -> None:
    logging.basicConfig(
        format="%(levelname)s %(name)s: %(message)s",
        level={-1: logging.ERROR, 0: logging.WARNING, 1: logging.INFO}.get(
            max(-1, min(level, 2)), logging.DEBUG),
    )
