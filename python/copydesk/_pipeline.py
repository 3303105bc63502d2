"""``copydesk.Pipeline``: the native pipeline plus streaming (``pipe``) with progress bars."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from copydesk import _copydesk
from copydesk._copydesk import Document


class Pipeline(_copydesk.Pipeline):
    """The analysis pipeline: tokenizer, sentence splitter, entity tagger, tone scorer.

    ``Pipeline(entities=True, tone=True, quotes=True, abbreviations=None, titles=None,
    entity_rules=None, entity_model=None, tone_lexicon=None, replace_tone_lexicon=False,
    aliases=None, threads=None)``; every argument is keyword-only.

    - ``nlp(text)`` / ``nlp.analyze(text)``: one :class:`Document`.
    - ``nlp.analyze_many(texts, n_threads=None)``: a list, in input order, computed in
      parallel without the GIL.
    - ``nlp.pipe(texts, n_threads=None, batch_size=64, progress=False)``: a stream of
      documents that never holds more than one batch.

    A bad item in a batch (not a ``str``: ``TypeError``; a lone surrogate: ``ValueError``)
    fails the whole call; the exception names ``texts[i]`` and has the attributes ``index``
    (``i``, within the whole input, also for ``pipe``) and ``detail``.

    One pipeline may be shared by many Python threads. It pickles by its configuration.
    """

    __slots__ = ()

    def pipe(
        self,
        texts: Iterable[str],
        n_threads: int | None = None,
        batch_size: int = 64,
        progress: bool = False,
    ) -> Iterator[Document]:
        """Analyses ``texts`` lazily, ``batch_size`` at a time, each batch in parallel.

        With ``progress=True`` a tqdm progress bar is shown (a widget in Jupyter) when
        tqdm is installed.
        """
        if isinstance(texts, str):
            raise TypeError("texts must be an iterable of str, not a str")
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        bar = _progress_bar(texts) if progress else None
        it = iter(texts)
        start = 0
        try:
            while True:
                batch = list(islice(it, batch_size))
                if not batch:
                    return
                try:
                    docs = self.analyze_many(batch, n_threads=n_threads)
                except (TypeError, ValueError) as e:
                    index = getattr(e, "index", None)
                    if index is None:
                        raise
                    # Name the index within the whole input, not within this batch.
                    raise _item_error(type(e), start + index, e.detail) from None
                start += len(batch)
                if bar is not None:
                    bar.update(len(batch))
                yield from docs
        finally:
            if bar is not None:
                bar.close()


def _item_error(kind: type[Exception], index: int, detail: str) -> Exception:
    """An error about ``texts[index]``, with the ``index`` and ``detail`` attributes the
    native batch errors carry."""
    err = kind(f"texts[{index}] {detail}")
    err.index = index  # type: ignore[attr-defined]
    err.detail = detail  # type: ignore[attr-defined]
    return err


def _progress_bar(texts: Iterable[str]):
    """A tqdm bar (notebook-aware), or ``None`` when tqdm is not installed."""
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return None
    total = len(texts) if hasattr(texts, "__len__") else None  # type: ignore[arg-type]
    return tqdm(total=total, unit="doc", desc="copydesk")
