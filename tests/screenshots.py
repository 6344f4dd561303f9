"""Full-page screenshots of a built site, for a look by eye.

    python -m tests.screenshots SITE_DIR OUT_DIR
    python -m tests.screenshots --after-update OUT_DIR

Serves SITE_DIR on 127.0.0.1 (a free port), opens the home page, the first topic and the
Vladimir Putin entity page (links from SITE_DIR/digest.json) in Debian's headless Chromium at
desktop and phone widths, and writes OUT_DIR/<page>-<width>.png, printing each path. Requests
for anything but the local server are blocked. With --after-update, the seeds are built, one
more article on their story is added and the site rebuilt, and the home and topic pages are
shot as a returning reader sees them ("updated-home-…", "updated-topic-…").
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import Route, sync_playwright

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
ENTITY = "Vladimir Putin"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def pages(site: Path) -> dict[str, str]:
    """Page name -> URL relative to the site root."""
    digest = json.loads((site / "digest.json").read_text(encoding="utf-8"))
    found = {"home": "index.html"}
    if digest["topics"]:
        found["topic"] = digest["topics"][0]["url"]
    else:
        print("warning: digest.json has no topics", file=sys.stderr)
    entity = next((e for e in digest["entities"] if e["name"] == ENTITY), None)
    if entity:
        found["entity"] = entity["url"]
    else:
        print(f"warning: digest.json has no entity named {ENTITY!r}", file=sys.stderr)
    return found


def shoot(site: Path, out: Path, prefix: str = "") -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    targets = {f"{prefix}{name}": url for name, url in pages(site).items()
               if not prefix or name != "entity"}
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    saved: list[Path] = []

    def local_only(route: Route) -> None:
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlsplit(url).netloc == urlsplit(base).netloc:
            route.continue_()
        else:
            print(f"blocked off-site request: {url}", file=sys.stderr)
            route.abort("blockedbyclient")

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
            try:
                for label, viewport in VIEWPORTS.items():
                    context = browser.new_context(viewport=viewport, service_workers="block")
                    context.route("**/*", local_only)
                    page = context.new_page()
                    for name, relative in targets.items():
                        page.goto(urljoin(base, relative), wait_until="networkidle")
                        path = out / f"{name}-{label}.png"
                        page.screenshot(path=str(path), full_page=True)
                        saved.append(path)
                        print(path, flush=True)
                    context.close()
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("--after-update", action="store_true",
                        help="build the seeds, add one article, rebuild, and shoot that site")
    parser.add_argument("site", type=Path, nargs="?", help="the built site (with digest.json)")
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    args = parser.parse_args(argv)
    if args.after_update:
        with tempfile.TemporaryDirectory() as tmp:
            shoot(_updated_site(Path(tmp)), args.out, prefix="updated-")
        return 0
    if args.site is None or not (args.site / "digest.json").is_file():
        parser.error(f"{args.site}: no digest.json — build the site first")
    shoot(args.site, args.out)
    return 0


def _updated_site(tmp: Path) -> Path:
    from generator.pipeline import build
    from tests.conftest import SEEDS, UPDATE_ARTICLE, make_config

    seeds = tmp / "seeds"
    shutil.copytree(SEEDS, seeds)
    config = make_config(tmp, seeds)
    build(config)
    (seeds / "update.txt").write_text(UPDATE_ARTICLE, encoding="utf-8")
    build(config)
    return config.out


if __name__ == "__main__":
    raise SystemExit(main())
