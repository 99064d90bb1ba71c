"""`report.html`: per-label F1 bars, then each page with gold and predicted spans side by side.

Plain HTML and CSS, no external assets. Pages are drawn with displaCy's span style
(`displacy.render(..., style="span", manual=True)`), which allows overlapping spans; a span's
colour says how it fared and its label says what it is:

- gold `LABEL` (green): met exactly; `LABEL ~` (amber): only overlapped; `LABEL MISS` (red);
- predicted `LABEL` (green): exact; `LABEL ~` (amber): overlap only; `LABEL FP` (red).
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence

from spacy import displacy

from trialex.evaluate.failunder import Violation
from trialex.evaluate.report import LEVEL_TITLES, fmt
from trialex.evaluate.results import SPAN_LABELS, DocReport, LevelScores, Mark, Report

OUTCOME_COLOURS = {
    "exact": "#8fd19e", "overlap": "#ffd166", "miss": "#ef6f6c", "spurious": "#ef6f6c",
}
OUTCOME_SUFFIX = {"exact": "", "overlap": " ~", "miss": " MISS", "spurious": " FP"}
_PIECE = re.compile(r"\S+|\s+")
_NEWLINE = "\u2029"  # stands for a line break inside displaCy tokens; becomes <br> afterwards

CSS = """
body { font-family: system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif;
       margin: 2rem; color: #222; max-width: 1600px; }
h1 { margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; }
.summary { color: #555; }
.levels { display: grid; grid-template-columns: repeat(auto-fit, minmax(640px, 1fr)); gap: 1.5rem; }
.bar-row { display: grid; grid-template-columns: 11rem minmax(8rem, 1fr) 20rem; align-items: center;
           gap: .5rem; margin: .25rem 0; font-size: .9rem; }
.bar-row.aggregate { font-weight: bold; }
.track { background: #eee; height: 1rem; border-radius: 3px; overflow: hidden; }
.bar { background: #4a7fb5; height: 100%; }
.bar.undefined { background: repeating-linear-gradient(45deg, #ddd, #ddd 4px, #eee 4px, #eee 8px);
                 width: 100% !important; }
.nums { font-variant-numeric: tabular-nums; color: #444; white-space: nowrap; }
table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0; }
td, th { border: 1px solid #ddd; padding: .2rem .5rem; text-align: left; vertical-align: top; }
.error { color: #b00020; } .warning { color: #8a6d00; }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.side > div { border: 1px solid #ddd; border-radius: 4px; padding: .5rem 1rem;
              overflow-wrap: anywhere; min-width: 0; font-size: .85rem; }
.spans [style*="z-index: 10"] { white-space: nowrap; }
.legend span { display: inline-block; padding: 0 .4rem; margin-right: .4rem; border-radius: 3px; }
.missing-page { background: #fff4e5; padding: .5rem; border-left: 4px solid #ffa726; }
details > summary { cursor: pointer; font-weight: bold; font-size: 1.2rem; margin: 1rem 0 .5rem; }
"""


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def span_label(mark: Mark) -> str:
    """The label displaCy shows for a mark, e.g. `DRUG`, `DRUG ~`, `DRUG FP`."""
    return mark.label + OUTCOME_SUFFIX[mark.outcome]


def _colours() -> dict[str, str]:
    return {
        label + OUTCOME_SUFFIX[outcome]: colour
        for label in SPAN_LABELS
        for outcome, colour in OUTCOME_COLOURS.items()
    }


def page_tokens(text: str, cuts: Iterable[int]) -> list[tuple[int, int]]:
    """Character ranges of display tokens: runs of non-space split at every span boundary in
    `cuts`, so each span covers whole tokens exactly; a whitespace run holding a line break is
    one token (a `<br>`); other whitespace is left to displaCy's own spacing.
    """
    cut_points = sorted(set(cuts))
    tokens = []
    for match in _PIECE.finditer(text):
        start, end = match.span()
        if text[start].isspace():
            if "\n" in match.group():
                tokens.append((start, end))
            continue
        inner = cut_points[bisect_right(cut_points, start):bisect_left(cut_points, end)]
        tokens += list(zip([start, *inner], [*inner, end], strict=True))
    return tokens


def render_page(text: str, marks: Sequence[Mark]) -> tuple[str, int]:
    """displaCy markup of `text` with `marks`; also the number of marks outside the text."""
    inside = [m for m in marks if m.end <= len(text) and m.start < m.end]
    tokens = page_tokens(text, [o for m in inside for o in (m.start, m.end)])
    starts = [start for start, _ in tokens]
    spans = []
    for mark in inside:
        first, last = bisect_left(starts, mark.start), bisect_left(starts, mark.end)
        if first < last:
            spans.append({"start_token": first, "end_token": last, "label": span_label(mark)})
    words = [_NEWLINE if text[a].isspace() else text[a:b] for a, b in tokens]
    parsed = {"text": text, "tokens": words, "spans": spans}
    markup = displacy.render([parsed], style="span", manual=True, jupyter=False,
                             options={"colors": _colours()})
    markup = markup.replace(_NEWLINE + " ", "<br>").replace(_NEWLINE, "<br>")
    return markup, len(marks) - len(spans)


def _bars(level: str, scores: LevelScores) -> str:
    rows = []
    entries = [(label, c.f1, c.precision, c.recall, f"{c.tp}/{c.fp}/{c.fn}")
               for label, c in [*scores.labels.items(), ("micro", scores.micro)]]
    macro = scores.macro
    entries.append(("macro", macro.f1, macro.precision, macro.recall, ""))
    for label, f1, p, r, counts in entries:
        width = 0.0 if f1 is None else f1 * 100
        undefined = " undefined" if f1 is None else ""
        aggregate = " aggregate" if label in ("micro", "macro") else ""
        rows.append(
            f'<div class="bar-row{aggregate}"><span class="label">{_esc(label)}</span>'
            f'<div class="track"><div class="bar{undefined}" style="width: {width:.1f}%" '
            f'data-level="{_esc(level)}" data-label="{_esc(label)}" data-f1="{fmt(f1)}">'
            "</div></div>"
            f'<span class="nums">F1 {fmt(f1)} · P {fmt(p)} · R {fmt(r)}'
            f'{" · " + counts if counts else ""}</span></div>'
        )
    return (f'<div class="level"><h3>{_esc(LEVEL_TITLES.get(level, level))}</h3>'
            + "".join(rows) + "</div>")


def _legend() -> str:
    items = [("gold met exactly / predicted exact", "exact"), ("overlap only (~)", "overlap"),
             ("gold missed (MISS) / false positive (FP)", "miss")]
    return '<p class="legend">' + "".join(
        f'<span style="background: {OUTCOME_COLOURS[o]}">{_esc(text)}</span>' for text, o in items
    ) + " tp/fp/fn after each bar.</p>"


def _issues(report: Report, violations: Sequence[Violation]) -> str:
    if not report.issues and not violations:
        return ""
    rows = "".join(
        f'<tr class="{i.severity}"><td>{i.severity}</td><td>{_esc(i.source)}</td>'
        f"<td>{_esc(i.file)}</td><td>{_esc(i.item or '')}</td><td>{_esc(i.reason)}</td></tr>"
        for i in report.issues
    )
    rows += "".join(
        f'<tr class="error"><td>fail-under</td><td>{_esc(v.level)}</td><td>{_esc(v.label)}</td>'
        f"<td>{fmt(v.actual)} &lt; {fmt(v.minimum)}</td><td>{_esc(v.reason)}</td></tr>"
        for v in violations
    )
    return ('<h2 id="issues">Issues</h2><table><tr><th>severity</th><th>source</th><th>file</th>'
            f"<th>item</th><th>reason</th></tr>{rows}</table>")


def _mark_table(marks: Sequence[Mark]) -> str:
    rows = "".join(
        f"<tr><td>{m.side}</td><td>{_esc(m.label)}</td><td>{m.start}-{m.end}</td>"
        f"<td>{_esc(m.text)}</td><td>{m.outcome}</td></tr>" for m in marks
    )
    return ("<table><tr><th>side</th><th>label</th><th>offsets</th><th>text</th><th>outcome</th>"
            f"</tr>{rows}</table>")


def _document(doc: DocReport, text: str | None) -> str:
    exact, record = doc.levels["span_exact"].micro, doc.levels["record"].micro
    head = (f'<details open id="doc-{_esc(doc.doc_id)}"><summary>{_esc(doc.doc_id)} — span F1 '
            f"{fmt(exact.f1)} ({exact.tp}/{exact.fp}/{exact.fn}), record F1 {fmt(record.f1)}"
            f"{'' if doc.predicted else ' — no prediction'}</summary>")
    nct = "met" if doc.nct_correct else "wrong"
    parts = [head, f"<p>NCT id: gold {_esc(doc.nct_gold)}, predicted {_esc(doc.nct_pred)} "
                   f"({nct}).</p>"]
    if doc.differences:
        items = "".join(
            f'<li class="{"error" if d.kind == "spurious" else "warning"}">{d.kind} '
            f"{_esc(d.label)}: {_esc(d.item)}</li>" for d in doc.differences
        )
        parts.append(f"<p>Record-level differences:</p><ul class='differences'>{items}</ul>")
    if text is None:
        parts.append('<p class="missing-page">The page text was not found (see <code>--pages'
                     "</code>), so the spans are listed instead of drawn.</p>")
        parts.append(_mark_table(doc.marks))
    else:
        columns = []
        for side, title in (("gold", "Gold"), ("pred", "Predicted")):
            markup, outside = render_page(text, [m for m in doc.marks if m.side == side])
            note = f'<p class="error">{outside} spans outside the page text.</p>' if outside else ""
            columns.append(f'<div class="{side}"><h3>{title}</h3>{note}{markup}</div>')
        parts.append('<div class="side">' + "".join(columns) + "</div>")
    parts.append("</details>")
    return "".join(parts)


def render_html(
    report: Report, pages: Mapping[str, str], violations: Sequence[Violation] = ()
) -> str:
    """The whole `report.html` as a string."""
    acc = report.nct_id
    summary = (f"{len(report.documents)} gold documents · NCT id accuracy {fmt(acc.accuracy)} "
               f"({acc.correct}/{acc.total})")
    if report.missing_pred:
        summary += " · no prediction for " + ", ".join(map(_esc, report.missing_pred))
    if report.unscored_pred:
        summary += " · not scored (no gold): " + ", ".join(map(_esc, report.unscored_pred))
    bars = "".join(_bars(level, scores) for level, scores in report.levels.items())
    docs = "".join(_document(doc, pages.get(doc.doc_id)) for doc in report.documents)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>trialex evaluation</title><style>{CSS}</style></head><body>"
        f'<h1>trialex evaluation</h1><p class="summary">{summary}</p>'
        f'<h2 id="figures">F1 per label</h2>{_legend()}<div class="levels">{bars}</div>'
        f'{_issues(report, violations)}<h2 id="documents">Documents</h2>{docs}</body></html>\n'
    )


__all__ = ["page_tokens", "render_html", "render_page", "span_label"]
