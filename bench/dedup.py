"""Copy detection (generator.dedupe) on Reuters-21578: quality against exact Jaccard, and speed.

    .venv/bin/python bench/dedup.py                      # quality + speed (10k, 100k)
    .venv/bin/python bench/dedup.py quality --thresholds 0.6 0.8
    .venv/bin/python bench/dedup.py speed --sizes 10000 100000 [--profile]

Quality: every Reuters body becomes an Article; copy pairs found by `similar_pairs` with the
LSH path forced (EXACT_LIMIT = 0, so lsh_candidates + exact Jaccard check, the path taken
above 400 articles) are compared with exact all-pairs Jaccard on the same 5-word shingles.
The exact ground truth multiplies the sparse article x shingle matrix by its transpose in
row blocks (an inverted index: only pairs sharing a shingle get an intersection count).

Speed: `fold_copies` (what the build calls) on N articles, each size in a fresh child
process so that ru_maxrss is that run's peak. N <= 19,043 takes the first N real bodies;
above that, perturbed variants of random real bodies are added (see `synthesise`).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import pstats
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reuters

from generator import dedupe
from generator.text import jaccard

SEED = 1987
MIN_RATE, MAX_RATE = 0.01, 0.15


def real_articles(limit: int | None = None) -> list:
    items = list(reuters.stories())[:limit]
    return [reuters.article(s.id, s.title, s.paragraphs) for s in items]


def synthesise(count: int, seed: int = SEED) -> tuple[list, str]:
    """All real bodies plus perturbed variants up to `count` articles, and how they were made."""
    base = list(reuters.stories())
    rng = random.Random(seed)
    vocabulary = [w for s in base for p in s.paragraphs for w in p.split()]
    items = [reuters.article(s.id, s.title, s.paragraphs) for s in base][:count]
    for k in range(count - len(items)):
        source = rng.choice(base)
        rate = rng.uniform(MIN_RATE, MAX_RATE)
        paragraphs = []
        for paragraph in source.paragraphs:
            kept = []
            for word in paragraph.split():
                r = rng.random()
                if r >= rate:
                    kept.append(word)
                elif r >= rate / 2:
                    kept.append(rng.choice(vocabulary))
                # else: the word is dropped
            if kept:
                paragraphs.append(" ".join(kept))
        items.append(reuters.article(f"synth-{k:06d}-of-{source.newid:05d}", source.title,
                                     tuple(paragraphs)))
    how = (f"{min(count, len(base))} real bodies + {max(0, count - len(base))} variants; each variant "
           f"copies a random real body (random.Random({seed})) and, per word, with probability "
           f"rate ~ U({MIN_RATE}, {MAX_RATE}) drops it (rate/2) or replaces it by a random corpus "
           f"word (rate/2)")
    return items, how


# --- quality -----------------------------------------------------------------------------


def exact_pairs(sets: dict[str, set[str]], threshold: float,
                block: int = 1000) -> tuple[dict[tuple[str, str], float], int]:
    """Exact Jaccard >= threshold for all pairs, and how many pairs share at least one shingle."""
    import numpy as np
    from scipy import sparse

    ids = sorted(sets)
    vocabulary: dict[str, int] = {}
    indptr, indices = [0], []
    for key in ids:
        indices.extend(vocabulary.setdefault(s, len(vocabulary)) for s in sets[key])
        indptr.append(len(indices))
    matrix = sparse.csr_matrix(
        (np.ones(len(indices), dtype=np.int32), np.array(indices, dtype=np.int64), indptr),
        shape=(len(ids), len(vocabulary)))
    sizes = np.diff(matrix.indptr)
    transposed = matrix.T.tocsc()
    found: dict[tuple[str, str], float] = {}
    sharing = 0
    for start in range(0, len(ids), block):
        product = (matrix[start:start + block] @ transposed).tocoo()
        rows = product.row + start
        upper = product.col > rows
        rows, cols, inter = rows[upper], product.col[upper], product.data[upper]
        sharing += len(rows)
        score = inter / (sizes[rows] + sizes[cols] - inter)
        near = score >= threshold - 1e-9
        for i, j in zip(rows[near].tolist(), cols[near].tolist(), strict=True):
            exact = jaccard(sets[ids[i]], sets[ids[j]])  # the same float the generator computes
            if exact >= threshold:
                found[(ids[i], ids[j])] = exact
    return found, sharing


def forced_lsh_pairs(sets: dict[str, set[str]], threshold: float) -> tuple[set[tuple[str, str]], int]:
    """LSH candidates confirmed by exact Jaccard (the path above EXACT_LIMIT articles); also the
    number of candidates checked."""
    scores = dedupe.lsh_scores(sets, threshold)
    return {p for p, score in scores.items() if score >= threshold}, len(scores)


def quality(thresholds: list[float]) -> None:
    started = time.perf_counter()
    articles = real_articles()
    sets = {a.id: dedupe.article_shingles(a) for a in articles}
    print(f"== quality: {len(articles)} Reuters bodies, {sum(map(len, sets.values())):,} shingles "
          f"({len({s for v in sets.values() for s in v}):,} distinct), "
          f"loaded+shingled in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    truth_all, sharing = exact_pairs(sets, min(thresholds))
    print(f"exact ground truth (sparse inverted index, J >= {min(thresholds)}): "
          f"{len(truth_all)} pairs in {time.perf_counter() - started:.1f} s; "
          f"{sharing:,} pairs share >= 1 shingle (of {len(sets) * (len(sets) - 1) // 2:,})")
    for threshold in sorted(thresholds):
        truth = {p for p, s in truth_all.items() if s >= threshold}
        started = time.perf_counter()
        found, candidates = forced_lsh_pairs(sets, threshold)
        seconds = time.perf_counter() - started
        print(f"-- threshold {threshold} (LSH threshold {max(0.05, threshold - 0.1):.2f}, "
              f"num_perm {dedupe.NUM_PERM}): similar_pairs via LSH {seconds:.1f} s")
        compare(truth, found, {p: s for p, s in truth_all.items() if s >= threshold})
        print(f"   LSH candidates {candidates:,}; {len(found) / max(candidates, 1):.1%} pass the exact check")
    print(_banding_note(thresholds))
    _, merges = dedupe.fold_copies(articles, min(thresholds))
    _chaining(merges, min(thresholds))


def compare(truth: set[tuple[str, str]], found: set[tuple[str, str]],
            scores: dict[tuple[str, str], float]) -> None:
    """Precision, recall, recall by Jaccard band, and whether missed pairs were folded anyway."""
    hits = len(found & truth)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(truth) if truth else 1.0
    print(f"   exact pairs {len(truth)}, LSH-path pairs {len(found)}, true positives {hits}, "
          f"false positives {len(found - truth)}, missed {len(truth - found)}")
    print(f"   precision {precision:.4f}  recall {recall:.4f}")
    missed = sorted(truth - found, key=lambda p: scores[p])
    band = Counter(min(int(s * 20) / 20, 0.95) for s in scores.values())
    band_missed = Counter(min(int(scores[p] * 20) / 20, 0.95) for p in missed)
    print("   recall by exact Jaccard band: " + ", ".join(
        f"[{b:.2f},{b + 0.05:.2f}) {1 - band_missed[b] / n:.3f} of {n}" for b, n in sorted(band.items())))
    if missed:
        group = _components(found)
        rescued = sum(1 for a, b in missed if a in group and group.get(a) == group.get(b))
        print(f"   missed pairs still linked through other detected pairs (transitively): "
              f"{rescued}/{len(missed)}")
        for a, b in missed[:3]:
            print(f"   e.g. missed {a} ~ {b}: J={scores[(a, b)]:.3f}")


def _banding_note(thresholds: list[float]) -> str:
    """Probability that a pair of true Jaccard s becomes an LSH candidate, for the (b, r) datasketch picks."""
    from datasketch import MinHashLSH

    lines = []
    for threshold in sorted(thresholds):
        lsh = MinHashLSH(threshold=max(0.05, threshold - 0.1), num_perm=dedupe.NUM_PERM)
        curve = ", ".join(f"{s:.2f}: {1 - (1 - s ** lsh.r) ** lsh.b:.3f}"
                          for s in (threshold, threshold + 0.05, threshold + 0.1, threshold + 0.15))
        lines.append(f"   threshold {threshold}: bands b={lsh.b}, rows r={lsh.r}; "
                     f"P(candidate | J) = {curve}")
    return "-- theoretical LSH recall (banding curve 1-(1-J^r)^b)\n" + "\n".join(lines)


def _chaining(merges: list, threshold: float) -> None:
    """fold_copies links copies transitively: a kept article's copy may be far from it."""
    copies = [m for m in merges if m.kind == "copy"]
    below = [m for m in copies if m.score < threshold]
    print(f"-- fold_copies(threshold={threshold}): {len(copies)} copies folded; {len(below)} of them have "
          f"Jaccard < {threshold} to the article they were folded into (transitive chaining)"
          + (f", lowest {min(m.score for m in below):.3f}" if below else ""))


def _components(pairs: set[tuple[str, str]]) -> dict[str, str]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    return {x: find(x) for x in parent}


# --- speed -------------------------------------------------------------------------------


def peak_rss_mb() -> int:
    """This process's peak RSS. VmHWM, not ru_maxrss: on Linux a child's ru_maxrss starts from its
    parent's RSS at fork (it survives exec), which would charge the quality run to the speed runs."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def speed_child(size: int, threshold: float, profile: bool, truth: bool) -> dict:
    """fold_copies on `size` articles as a cold build runs it (nothing saved), then as the
    rebuild after one more article runs it (the first run's signatures saved)."""
    started = time.perf_counter()
    articles, how = (real_articles(size + 1), f"first {size} real bodies") if size <= 19042 \
        else synthesise(size + 1)
    prepared = time.perf_counter() - started
    rss_before = peak_rss_mb()
    profiler = cProfile.Profile() if profile else None
    with tempfile.TemporaryDirectory() as work:
        saved = Path(work) / "copies.pkl"
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        kept, merges = dedupe.fold_copies(articles[:size], threshold, saved=saved)
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - started
        cold_rss = peak_rss_mb()
        started = time.perf_counter()
        again, _ = dedupe.fold_copies(articles, threshold, saved=saved)
        rebuild = time.perf_counter() - started
        fresh, _ = dedupe.fold_copies(articles, threshold)
    result = {
        "size": size, "how": how, "prepare_s": round(prepared, 1), "seconds": round(seconds, 2),
        "rebuild_s": round(rebuild, 2), "rebuild_equal": again == fresh,
        "kept": len(kept), "merges": len(merges),
        "rss_before_mb": rss_before, "peak_rss_mb": cold_rss,
        "below_threshold": sum(m.score < threshold for m in merges),
        "lowest_score": min((m.score for m in merges), default=1.0),
    }
    if truth:
        sets = {a.id: dedupe.article_shingles(a) for a in articles[:size]}
        found = {(a, b) for a, b, _ in dedupe.similar_pairs(sets, threshold)}
        started = time.perf_counter()
        exact, sharing = exact_pairs(sets, threshold)
        result["truth_s"] = round(time.perf_counter() - started, 1)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            compare(set(exact), found, exact)
        result["quality"] = out.getvalue()
        result["sharing"] = sharing
    if profiler:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(18)
        stats.sort_stats("tottime").print_stats(10)
        result["profile"] = out.getvalue()
    return result


def speed(sizes: list[int], threshold: float, profile: bool, truth: bool) -> None:
    goals = {10_000: 10.0, 100_000: 120.0}
    print(f"== speed: fold_copies(threshold={threshold}), one fresh process per size; "
          f"single-threaded (dedupe uses one core)")
    for size in sizes:
        command = [sys.executable, __file__, "_speed_child", str(size), str(threshold)]
        command += ["--profile"] * profile + ["--truth"] * truth
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        r = json.loads(output.splitlines()[-1])
        print(f"-- {r['size']:,} articles ({r['how']}; prepared in {r['prepare_s']} s)")
        goal = goals.get(size)
        verdict = f"  goal < {goal:.0f} s: {'PASS' if r['seconds'] < goal else 'FAIL'}" if goal else ""
        print(f"   fold_copies, cold (nothing saved) {r['seconds']} s{verdict}")
        print(f"   fold_copies, rebuild with one more article (signatures saved) {r['rebuild_s']} s; "
              f"same result as a cold pass: {r['rebuild_equal']}")
        print(f"   kept {r['kept']:,}, merges {r['merges']:,}; "
              f"peak RSS (VmHWM) {r['peak_rss_mb']} MB (articles built: {r['rss_before_mb']} MB)")
        print(f"   {r['below_threshold']:,} folded copies have Jaccard < {threshold} to the article kept "
              f"(transitive chaining), lowest {r['lowest_score']}")
        if "quality" in r:
            print(f"   vs exact all-pairs ground truth ({r['truth_s']} s, after the timing; "
                  f"{r['sharing']:,} pairs share >= 1 shingle):")
            print(r["quality"], end="")
        if "profile" in r:
            print(r["profile"])


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_speed_child":
        print(json.dumps(speed_child(int(sys.argv[2]), float(sys.argv[3]), "--profile" in sys.argv,
                                     "--truth" in sys.argv)))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("part", nargs="?", choices=("all", "quality", "speed"), default="all")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.6, 0.8])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--profile", action="store_true", help="cProfile fold_copies (slower)")
    parser.add_argument("--truth", action="store_true",
                        help="also score the speed runs against exact all-pairs Jaccard (untimed)")
    args = parser.parse_args()
    print(f"code {reuters.code_version(Path(dedupe.__file__).resolve().parent.parent)}")
    if args.part in ("all", "quality"):
        quality(args.thresholds)
    if args.part in ("all", "speed"):
        speed(args.sizes, args.thresholds[0], args.profile, args.truth)


if __name__ == "__main__":
    main()
