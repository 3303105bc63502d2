"""HTML rendering of documents for Jupyter (``Document._repr_html_``).

Every piece of article text goes through :func:`html.escape`: an article that contains
``<script>`` renders as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

LABEL_COLORS = {
    "PER": "#f6c445",
    "ORG": "#7fb3f5",
    "LOC": "#8fd694",
    "MISC": "#d4a5f5",
    "DATE": "#f5b38f",
    "TIME": "#f5cf8f",
    "MONEY": "#9be0d9",
    "PERCENT": "#c9d97f",
}

STYLE = """<style>
.cd-doc{font-family:Georgia,serif;line-height:1.9;white-space:pre-wrap;max-width:52em}
.cd-sent{border-radius:3px;padding:1px 0}
.cd-ent{border-radius:4px;padding:1px 3px;margin:0 1px;color:#111}
.cd-ent sub{font:bold 0.6em sans-serif;margin-left:3px;vertical-align:middle;opacity:.75}
.cd-legend{font:0.8em sans-serif;margin:4px 0 8px 0}
.cd-legend span{border-radius:4px;padding:1px 5px;margin-right:6px;color:#111}
.cd-head{font:0.85em sans-serif;color:#444;margin-bottom:4px}
.cd-quote{text-decoration:underline dotted #555;text-underline-offset:3px}
</style>"""


def tone_color(compound: float) -> str:
    """A translucent red (negative) or green (positive) tint for a tone in [-1, 1]."""
    alpha = min(abs(compound), 1.0) * 0.35
    if compound >= 0:
        return f"rgba(40,170,80,{alpha:.3f})"
    return f"rgba(220,50,50,{alpha:.3f})"


def legend(labels: list[str]) -> str:
    """The colour legend for the entity labels present."""
    items = "".join(
        f'<span style="background:{LABEL_COLORS.get(lab, "#ddd")}">{escape(lab)}</span>'
        for lab in labels
    )
    tints = (
        f'<span style="background:{tone_color(-0.8)}">negative sentence</span>'
        f'<span style="background:{tone_color(0.8)}">positive sentence</span>'
        '<span class="cd-quote">quotation</span>'
    )
    return f'<div class="cd-legend">{items}{tints}</div>'


def _entity_html(inner: str, e: Any) -> str:
    color = LABEL_COLORS.get(e.label, "#ddd")
    title = f"{e.label} · score {e.score:.2f} · {e.canonical}"
    return (
        f'<mark class="cd-ent" style="background:{color}" title="{escape(title)}">'
        f"{inner}<sub>{escape(e.label)}</sub></mark>"
    )


class _Quoted:
    """Escapes pieces of ``text`` (asked for in increasing order), underlining the parts
    inside quotations, with the speaker in the tooltip."""

    def __init__(self, text: str, quotes: list[Any]) -> None:
        self.text = text
        self.quotes = quotes
        self.qi = 0

    def __call__(self, a: int, b: int) -> str:
        out: list[str] = []
        quotes = self.quotes
        while a < b:
            while self.qi < len(quotes) and quotes[self.qi].end <= a:
                self.qi += 1
            if self.qi == len(quotes) or quotes[self.qi].start >= b:
                out.append(escape(self.text[a:b]))
                break
            q = quotes[self.qi]
            if q.start > a:
                out.append(escape(self.text[a : q.start]))
                a = q.start
            end = min(q.end, b)
            who = q.speaker_text or "unnamed speaker"
            title = f"{who} ({q.cue}) · tone {q.tone.compound:+.3f}"
            out.append(
                f'<span class="cd-quote" title="{escape(title)}">{escape(self.text[a:end])}</span>'
            )
            a = end
        return "".join(out)


def render_spans(
    text: str, sentences: list[Any], entities: list[Any], quotes: Sequence[Any] = ()
) -> str:
    """The text with sentences tinted by tone, entities highlighted and quotations
    underlined (all escaped)."""
    piece = _Quoted(text, list(quotes))
    out: list[str] = []
    pos = 0
    ei = 0
    for s in sentences:
        out.append(piece(pos, s.start))
        compound = s.tone.compound if s.tone is not None else 0.0
        out.append(
            f'<span class="cd-sent" style="background:{tone_color(compound)}" '
            f'title="sentence tone {compound:+.3f}">'
        )
        p = s.start
        while ei < len(entities) and entities[ei].start < s.end:
            e = entities[ei]
            start, end = max(e.start, p), min(e.end, s.end)
            if start >= end:
                ei += 1
                continue
            out.append(piece(p, start))
            out.append(_entity_html(piece(start, end), e))
            p = end
            if e.end <= s.end:
                ei += 1
            else:
                break
        out.append(piece(p, s.end))
        out.append("</span>")
        pos = s.end
    out.append(piece(pos, len(text)))
    return "".join(out)


def render_document(doc: Any) -> str:
    """The HTML for one document: header with tone, legend, highlighted text."""
    entities = doc.entities
    labels = sorted({e.label for e in entities}, key=list(LABEL_COLORS).index)
    t = doc.tone
    head = (
        f'<div class="cd-head">tone {t.compound:+.3f} · {len(doc.sentences)} sentences · '
        f"{len(entities)} entities · {len(doc.quotes)} quotations · {t.word_count} words</div>"
    )
    body = render_spans(doc.text, doc.sentences, entities, doc.quotes)
    doc_html = f'<div class="cd-doc">{body}</div>'
    return f'{STYLE}<div class="cd-wrap">{head}{legend(labels)}{doc_html}</div>'
