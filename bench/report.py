"""BENCHMARKS.md: every figure beside its alternative, ratio and target."""

from __future__ import annotations

from typing import Any


def _row(what: str, ours: str, other: str, ratio: str, target: str, met: bool | None) -> str:
    mark = "—" if met is None else ("yes" if met else "**no**")
    return f"| {what} | {ours} | {other} | {ratio} | {target} | {mark} |"


def render(figures: dict[str, Any]) -> str:
    m = figures["machine"]
    i = figures["ingest"]
    s = figures["search"]
    lines = [
        "# Benchmarks",
        "",
        f"Corpus `{figures['corpus']}`: {i['files']:,} files, {i['words']:,} words. "
        f"Machine: {m['cores']} cores, {m['memory_gb']:.1f} GB, {m['system']}, Python {m['python']}, {m['date']}. "
        "All figures from one run of `python -m bench CORPUS_DIR`.",
        "",
        "| measure | Guided Reader | alternative | ratio | target | met |",
        "|---|---|---|---|---|---|",
    ]
    ratio = i["add_words_per_s"] / i["pipe_words_per_s"]
    lines.append(
        _row(
            "ingest, words/s (`reader add`, end to end, fresh index)",
            f"{i['add_words_per_s']:,.0f} ({i['add_seconds']:.1f} s)",
            f"{i['pipe_words_per_s']:,.0f} (`nlp.pipe`, 2 processes, {i['pipe_seconds']:.1f} s + {i['pipe_load_seconds']:.1f} s load)",
            f"{ratio:.2f}×",
            "≥ 1× nlp.pipe",
            ratio >= 1,
        )
    )
    lines.append(_row("ingest, peak memory of one process", f"{i['add_peak_mb']:.0f} MB", "", "", "", None))
    lines.append(_row("adding the unchanged corpus again", f"{i['readd_seconds']:.2f} s", "", "", "< 2 s", i["readd_seconds"] < 2))
    lines.append(
        _row(
            f"search p50 / p95, {s['queries']} queries × 3 (with snippets)",
            f"{s['p50_ms']:.1f} / {s['p95_ms']:.1f} ms",
            f"{s['grep_p50_ms']:.1f} / {s['grep_p95_ms']:.1f} ms (`grep -ril`)",
            f"{s['grep_p50_ms'] / s['p50_ms']:.1f}× faster (p50)",
            "p95 < 10 ms",
            s["p95_ms"] < 10,
        )
    )
    if "big_p50_ms" in s:
        speedup = s["big_grep_p50_ms"] / s["big_p50_ms"]
        lines.append(
            _row(
                f"search p50 / p95 at {s['factor']}× ({s['scaled_articles']:,} articles)",
                f"{s['big_p50_ms']:.1f} / {s['big_p95_ms']:.1f} ms",
                f"{s['big_grep_p50_ms']:.1f} / {s['big_grep_p95_ms']:.1f} ms (`grep -ril`)",
                f"{speedup:.1f}× faster (p50)",
                "≥ 5× grep",
                speedup >= 5,
            )
        )
    a = figures.get("app")
    if a:
        lines.append(_row("app: process start to first paint", f"{a['first_paint_s'] * 1000:.0f} ms", "", "", "< 1 s", a["first_paint_s"] < 1))
        lines.append(_row("app: resident memory once open", f"{a['rss_mb']:.0f} MB", "", "", "< 250 MB", a["rss_mb"] < 250))
        for key, label in (("jump_ms", "`]` jump to the next statement"), ("pane_ms", "switching panes")):
            lines.append(_row(f"app: {label} (median of {a['samples']})", f"{a[key]:.1f} ms", "", "", "< 50 ms", a[key] < 50))
        lines.append(_row(f"app: opening a search result (median of {a['samples'] // 2})", f"{a['open_hit_ms']:.1f} ms", "", "", "", None))
        lines.append(_row("app: `]` jump, 95th percentile", f"{a['jump_p95_ms']:.1f} ms", "", "", "", None))
        lines.append(_row("app: pane switch, 95th percentile", f"{a['pane_p95_ms']:.1f} ms", "", "", "", None))
    lines += [
        "",
        f"Search: {s['with_hits']} of {s['queries']} queries found something, {s['errors']} errors. "
        "grep's figure is one `grep -ril` process per query over the same files (a phrase, or the first word of the query).",
        f"Ingest summary: {i['add_summary']}",
        *(
            [
                f"App: start-up is a fresh `python` process to Textual's first frame (article on screen after {a['article_shown_s'] * 1000:.0f} ms), headless at 120×40. "
                f"Key latencies are driven by Textual's Pilot at 120×40 (jumps through {a['actor']}'s statements); Pilot itself spends "
                f"{a['pilot_idle_ms']:.0f} ms on a key bound to nothing, which is subtracted."
            ]
            if a
            else []
        ),
        "",
    ]
    return "\n".join(lines)
