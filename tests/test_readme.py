"""The README's Python examples run, and their shown output is what they print.

``pycon`` blocks are doctests (the output under each ``>>>`` line must match); ``python``
blocks are executed from the repository root, except a block right after a
``<!-- not run: REASON -->`` comment (it needs a cluster or data the tests do not have).
"""

from __future__ import annotations

import doctest
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- not run: [^>]*-->\s*)?```(pycon|python)\n(.*?)```", re.S)


def _blocks() -> list[tuple[str, str, int, bool]]:
    text = README.read_text(encoding="utf-8")
    return [
        (m.group(2), m.group(3), text.count("\n", 0, m.start()) + 1, m.group(1) is None)
        for m in BLOCK.finditer(text)
    ]


def test_readme_has_runnable_examples() -> None:
    kinds = [(kind, run) for kind, _, _, run in _blocks()]
    assert ("pycon", True) in kinds and ("python", True) in kinds


@pytest.mark.parametrize(
    "kind,code,line",
    [(k, c, n) for k, c, n, run in _blocks() if run],
    ids=lambda x: str(x) if isinstance(x, int) else None,
)
def test_readme_block(kind: str, code: str, line: int, monkeypatch) -> None:
    pytest.importorskip("pandas")
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("TQDM_DISABLE", "1")
    name = f"README.md:{line}"
    if kind == "pycon":
        parser = doctest.DocTestParser()
        test = parser.get_doctest(code, {}, name, str(README), line)
        runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
        runner.run(test)
        result = runner.summarize(verbose=False)
        assert result.failed == 0, f"{name}: {result.failed} example(s) print something else"
        assert result.attempted > 0
    else:
        exec(compile(code, name, "exec"), {"__name__": "__readme__"})
    import matplotlib.pyplot as plt

    plt.close("all")
    assert os.getcwd() == str(ROOT)


def test_package_docstring_examples() -> None:
    import copydesk

    result = doctest.testmod(copydesk, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
