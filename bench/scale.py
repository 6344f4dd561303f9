"""Whole-build scaling on Reuters-21578: cold build, warm rebuild after one new article, site size,
bare spaCy NER over the same text, and the bytes a reader downloads for one search query.

    .venv/bin/python bench/scale.py 1000 [10000 ...] [--workers N] [--root /tmp]

For each N the first N Reuters bodies (by NEWID) are written as Markdown seeds into
ROOT/reuters-seeds-N (never inside the project). A cold build uses a fresh work and out
folder (ROOT/reuters-work-N, ROOT/reuters-site-N; the cache is enabled so the warm rebuild
can use it); the warm rebuild adds article N+1 and builds again into the same folders.
Each build runs `generator.pipeline.build` in a fresh child process, which reports
BuildResult.seconds (per stage) and its own and its workers' peak RSS. Bare NER is
`spacy.load(model, exclude=["parser", "lemmatizer"]).pipe(paragraphs)` over the same bodies in
one process (the limit a build cannot beat). Search bytes: the site is served on 127.0.0.1 and
Debian's Chromium types one query into the Pagefind search page; the bytes of every
`pagefind/` response are summed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reuters


def peak_rss_mb() -> int:
    """This process's peak RSS (VmHWM; ru_maxrss would start from the parent's RSS at fork)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def child_build(seeds: str, out: str, work: str, workers: int) -> dict:
    """Runs in the child process: one build, in-process."""
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=logging.INFO)
    started = time.perf_counter()
    from generator.config import load_config
    from generator.pipeline import build

    imported = time.perf_counter() - started
    import generator
    config = load_config(None, seeds=Path(seeds), out=Path(out), work=Path(work), workers=workers)
    started = time.perf_counter()
    result = build(config)
    seconds = time.perf_counter() - started
    digest = result.digest
    return {
        "generator": str(Path(generator.__file__).parent),
        "import_s": round(imported, 2), "build_s": round(seconds, 2), "stages": result.seconds,
        "computed": result.computed, "pages_written": result.pages_written,
        "articles": len(digest.articles), "copies": sum(len(a.duplicates) for a in digest.articles),
        "topics": len(digest.topics), "entities": len(digest.entities),
        "skipped": result.skipped, "warnings": result.warnings,
        "self_rss_mb": peak_rss_mb(),
        "workers_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024,
    }


def run_build(seeds: Path, out: Path, work: Path, workers: int, log: Path, code: Path) -> dict:
    command = [sys.executable, __file__, "_build", str(seeds), str(out), str(work), str(workers)]
    env = {**os.environ, "PYTHONPATH": str(code)}
    started = time.perf_counter()
    with log.open("a") as errors:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=errors, text=True, env=env)
    wall = time.perf_counter() - started
    if done.returncode:
        tail = [line for line in log.read_text().splitlines() if line and not line[:4].isdigit()][-1:]
        raise SystemExit(f"build failed (exit {done.returncode}) after {wall:.0f} s: "
                         f"{' '.join(tail)}; see {log}")
    result = json.loads(done.stdout.splitlines()[-1])
    result["wall_s"] = round(wall, 2)
    return result


def bare_ner_seconds(corpus: list[reuters.Story], code: Path) -> float:
    """Bare spaCy NER over the same paragraphs, one process, in a child (same model as builds)."""
    script = ("import json,sys,time,spacy\n"
              "from generator.config import Config\n"
              "texts=json.load(sys.stdin)\n"
              "nlp=spacy.load(Config().spacy_model, exclude=['parser','lemmatizer'])\n"
              "list(nlp.pipe(texts[:20]))\n"
              "t=time.perf_counter(); list(nlp.pipe(texts)); print(time.perf_counter()-t)\n")
    texts = [p for story in corpus for p in story.paragraphs]
    done = subprocess.run([sys.executable, "-c", script], input=json.dumps(texts), text=True,
                          capture_output=True, env={**os.environ, "PYTHONPATH": str(code)}, check=True)
    return float(done.stdout.strip())


def search_bytes(out: Path, query: str) -> tuple[int, int]:
    """Bytes of Pagefind files a browser downloads to show the results of one query: (index data
    — metadata, index chunks, result fragments, the delta's hidden list —, code — the search
    API, worker and WebAssembly, fetched once and cached). Sizes as served, uncompressed."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sizes: dict[str, int] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run"])
            page = browser.new_page()
            page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body()))
                    if "/pagefind" in r.url and r.ok else None)
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/find.html", wait_until="load")
            page.locator("#digest-search input").press_sequentially(query, delay=20)
            page.locator("#digest-search-results li").first.wait_for(timeout=60_000)
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.shutdown()
    data = sum(n for url, n in sizes.items() if "/index/" in url or "/fragment/" in url
               or url.split("?")[0].endswith((".pf_meta", ".json")))
    return data, sum(sizes.values()) - data


def site_figures(out: Path) -> dict:
    files = [p for p in out.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    index = out / "pagefind"
    return {
        "files": len(files), "bytes": sum(p.stat().st_size for p in files), "pages": len(pages),
        "search_index": sum(p.stat().st_size for p in index.rglob("*") if p.is_file()),
        "digest_json": (out / "digest.json").stat().st_size,
        "largest_page": largest.relative_to(out).as_posix(), "largest_bytes": largest.stat().st_size,
    }


def mb(count: float) -> str:
    return f"{count / 1e6:.1f} MB"


def stages(result: dict) -> str:
    return ", ".join(f"{k} {v:.1f}" for k, v in result["stages"].items())


def report(name: str, count: int, r: dict) -> None:
    build = r["build_s"]
    print(f"{name}: wall {r['wall_s']:.1f} s (imports {r['import_s']:.1f} s, build() {build:.1f} s); "
          f"{count / r['wall_s']:.1f} articles/s wall, {count / build:.1f} articles/s in build()")
    print(f"   stages (s): {stages(r)}")
    print(f"   {r['articles']} articles kept ({r['copies']} folded as copies), {r['topics']} topics, "
          f"{r['entities']} entities, {r['skipped']} skipped, {r['warnings']} warnings; "
          f"extracted {r['computed']}, pages written {r['pages_written']}")
    print(f"   (generator imported from {r['generator']})")
    print(f"   peak RSS: build process {r['self_rss_mb']} MB, "
          f"largest extract worker {r['workers_rss_mb']} MB")


def scale(count: int, corpus: list[reuters.Story], root: Path, workers: int, code: Path) -> dict:
    seeds, out, work = (reuters.outside_project(root / f"reuters-{kind}-{count}")
                        for kind in ("seeds", "site", "work"))
    log = root / f"reuters-build-{count}.log"
    log.unlink(missing_ok=True)
    for folder in (out, work):
        shutil.rmtree(folder, ignore_errors=True)
    reuters.write_seeds(corpus[:count], seeds)
    load = os.getloadavg()[0]
    version = reuters.code_version(code)
    size = mb(sum(p.stat().st_size for p in seeds.iterdir()))
    print(f"== N={count}: code {version}; seeds {seeds} ({size}), "
          f"workers={workers or os.cpu_count()}, load average before {load:.2f}, log {log}")
    cold = run_build(seeds, out, work, workers, log, code)
    report("cold build", count, cold)
    site = site_figures(out)
    print(f"   site: {mb(site['bytes'])} in {site['files']} files, {site['pages']} HTML pages; "
          f"pagefind/ {mb(site['search_index'])} on disk; digest.json {mb(site['digest_json'])}; "
          f"largest page {site['largest_page']} {mb(site['largest_bytes'])}")
    query = "oil prices"
    index_bytes, code_bytes = search_bytes(out, query)
    print(f"   search: one query ({query!r}) downloads {index_bytes / 1e3:.0f} KB of index (goal <= 300 KB) "
          f"plus {code_bytes / 1e3:.0f} KB of search code (once, then cached)")
    added = corpus[count]
    reuters.write_seeds([added], seeds, clear=False)
    warm = run_build(seeds, out, work, workers, log, code)
    report(f"warm rebuild (+1 article {added.id})", count + 1, warm)
    ner = bare_ner_seconds(corpus[:count], code)
    print(f"   ratios: rebuild / cold {warm['wall_s'] / cold['wall_s']:.1%} (goal <= 5%); bare spaCy NER "
          f"over the same text {ner:.1f} s, cold / NER {cold['wall_s'] / ner:.2f}x (goal <= 1.5x)")
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(f"   RUSAGE_CHILDREN peak RSS (any single descendant so far): {children} MB; "
          f"load average now {os.getloadavg()[0]:.2f}")
    if reuters.code_version(code).split("sources")[1] != version.split("sources")[1]:
        print(f"   WARNING: generator/ or templates/ changed during this run ({reuters.code_version(code)}); "
              "the warm rebuild's cache figures are not comparable")
    return {"cold": cold, "warm": warm, "site": site}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_build":
        print(json.dumps(child_build(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--workers", type=int, default=0, help="extraction processes (0 = one per core)")
    parser.add_argument("--root", type=Path, default=Path("/tmp"), help="where seeds/work/site go")
    parser.add_argument("--code", type=Path, default=reuters.PROJECT,
                        help="project checkout whose generator/ the builds import (default: this one; "
                        "e.g. a `git archive HEAD` snapshot, so that concurrent edits do not leak in)")
    parser.add_argument("--max-minutes", type=float, default=60.0,
                        help="skip a size whose linear estimate from the previous size is longer")
    args = parser.parse_args()
    corpus = list(reuters.stories())
    previous: tuple[int, float] | None = None
    for count in sorted(args.sizes):
        if previous:
            estimate = previous[1] * count / previous[0]
            print(f"(estimate for N={count} from N={previous[0]}, linear: {estimate / 60:.1f} min)")
            if estimate > args.max_minutes * 60:
                print(f"skipped N={count}: estimate over --max-minutes {args.max_minutes}")
                continue
        figures = scale(count, corpus, args.root, args.workers, args.code.resolve())
        previous = (count, figures["cold"]["wall_s"])


if __name__ == "__main__":
    main()
