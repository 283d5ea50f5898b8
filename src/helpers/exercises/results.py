"""What a check gives back, and who hears about it: :class:`Result` (with its status, headline and
HTML/Markdown/plain renderings), :class:`Hint` and :class:`Solution` notes, and the :data:`on_check` hook.

Renderings are deterministic (no addresses, no times) so notebooks that store them compare under nbval;
each object is displayed at most once per executed cell, and nothing is displayed outside IPython.
"""

from __future__ import annotations

import html
import re
import textwrap
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

__all__ = ["Hint", "Result", "Solution", "Status", "on_check"]


class Status(StrEnum):
    """What a check concluded."""

    CORRECT = "correct"
    NOT_ATTEMPTED = "not attempted"
    WRONG_TYPE = "wrong type"
    MISTAKE = "known mistake"  # one of the question's own known mistakes
    WRONG = "wrong"  # anything else; the message says how far off and suggests hint()
    ERROR = "error"  # the checker itself failed on this answer


_HEADLINES = {
    Status.CORRECT: "Correct",
    Status.NOT_ATTEMPTED: "Not attempted yet",
    Status.WRONG_TYPE: "Not the expected kind of answer",
    Status.MISTAKE: "Not quite (a common mistake)",
    Status.WRONG: "Not quite",
    Status.ERROR: "Could not check this answer",
}
_COLOURS = {  # (border, background): readable on a projector, colour-blind safe pairs
    Status.CORRECT: ("#1a7f37", "#dafbe1"),
    Status.NOT_ATTEMPTED: ("#6e7781", "#f6f8fa"),
    Status.WRONG_TYPE: ("#9a6700", "#fff8c5"),
    Status.MISTAKE: ("#bc4c00", "#fff1e5"),
    Status.WRONG: ("#bc4c00", "#fff1e5"),
    Status.ERROR: ("#cf222e", "#ffebe9"),
}
_ICONS = {
    Status.CORRECT: "✔",
    Status.NOT_ATTEMPTED: "…",
    Status.WRONG_TYPE: "✘",
    Status.MISTAKE: "✘",
    Status.WRONG: "✘",
    Status.ERROR: "!",
}


def _inline_html(text: str) -> str:
    """Escape text and render the tiny markup used in messages: `code`, **bold**, blank-line paragraphs."""
    out = html.escape(text, quote=False)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    out = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", out)
    paragraphs = [p.strip().replace("\n", "<br>") for p in out.split("\n\n") if p.strip()]
    return "".join(f"<p style='margin:0.3em 0'>{p}</p>" for p in paragraphs)


class _ShowOnce:
    """Display support shared by results, hints and solutions.

    ``check()`` both returns its result and displays it; when the call is also the last line of the
    cell, IPython would show it a second time. ``_ipython_display_`` therefore shows an object at most
    once per executed cell. Outside IPython nothing is displayed (tests stay quiet).
    """

    _shown_in: int | None = None

    def _mimebundle(self) -> dict[str, str]:
        return {
            "text/plain": repr(self),
            "text/html": self._repr_html_(),
            "text/markdown": self._repr_markdown_(),
        }

    def _repr_html_(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _repr_markdown_(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _ipython_display_(self) -> None:
        shell = _shell()
        count = getattr(shell, "execution_count", None)
        if count is not None and self._shown_in == count:
            return
        self._shown_in = count
        from IPython.display import display

        display(self._mimebundle(), raw=True)

    def _show(self) -> None:
        if _shell() is not None:
            self._ipython_display_()


def _shell() -> Any:
    """The running IPython shell, or None (plain Python, pytest)."""
    try:
        from IPython.core.interactiveshell import InteractiveShell
    except ImportError:  # pragma: no cover - IPython ships with ipywidgets
        return None
    return InteractiveShell.instance() if InteractiveShell.initialized() else None


@dataclass(eq=False)
class Result(_ShowOnce):
    """The outcome of one check. Truthy when correct; ``message`` is the specific feedback.

    The plain-text, Markdown and HTML renderings are deterministic (no addresses, no times), so
    notebooks with results in their outputs can be compared by nbval.
    """

    question_id: str
    title: str
    status: Status
    message: str
    hints_used: int = 0
    solution_seen: bool = False
    #: the stable id (:func:`mistake_id`) of the known mistake, slip or wrong quiz option this answer
    #: matched (``Status.MISTAKE``), else "": a named slip's id when the answer is also that slip's
    mistake_id: str = ""

    @property
    def ok(self) -> bool:
        """True when the answer is correct."""
        return self.status is Status.CORRECT

    @property
    def attempted(self) -> bool:
        """False for an untouched starter."""
        return self.status is not Status.NOT_ATTEMPTED

    def __bool__(self) -> bool:
        return self.ok

    @property
    def headline(self) -> str:
        """One line: icon, question id and title, verdict."""
        return f"{_ICONS[self.status]} {self.question_id} {self.title}: {_HEADLINES[self.status]}"

    def __repr__(self) -> str:
        return f"{self.headline}\n{self.message}" if self.message else self.headline

    def _repr_markdown_(self) -> str:
        return f"**{self.headline}**\n\n{self.message}\n"

    def _repr_html_(self) -> str:
        border, background = _COLOURS[self.status]
        return (
            f"<div class='course-feedback course-feedback-{self.status.name.lower()} mathjax_ignore' "
            f"style='border-left:6px solid {border};background:{background};color:#1f2328;"
            f"padding:0.5em 0.9em;margin:0.4em 0;font-size:1.15em;line-height:1.45'>"
            f"<div style='font-weight:bold'>{html.escape(self.headline)}</div>"
            f"{_inline_html(self.message)}</div>"
        )


#: Listeners called with every :class:`Result` produced by ``check()`` (exercises and quizzes).
#: A future ``helpers.progress`` appends one to record passed ids; a failing listener only warns.
on_check: list[Callable[[Result], None]] = []


def _notify(result: Result) -> None:
    for listener in list(on_check):
        try:
            listener(result)
        except Exception as exc:  # a broken progress tracker must never break a learner's check
            warnings.warn(f"progress listener {listener!r} failed: {exc!r}", RuntimeWarning, stacklevel=3)


@dataclass(eq=False)
class _Text(_ShowOnce):
    """A titled block of Markdown-ish text with an optional code block (hints and solutions)."""

    heading: str
    body: str
    code: str = ""

    def __repr__(self) -> str:
        parts = [self.heading]
        if self.code:
            parts.append(textwrap.indent(self.code, "    "))
        if self.body:
            parts.append(self.body)
        return "\n\n".join(parts)

    def _repr_markdown_(self) -> str:
        parts = [f"**{self.heading}**"]
        if self.code:
            parts.append(f"```python\n{self.code}\n```")
        if self.body:
            parts.append(self.body)
        return "\n\n".join(parts) + "\n"

    def _repr_html_(self) -> str:
        code = (
            f"<pre style='background:#f6f8fa;padding:0.6em;font-size:1em;overflow-x:auto'>"
            f"<code>{html.escape(self.code)}</code></pre>"
            if self.code
            else ""
        )
        return (
            "<div class='course-note mathjax_ignore' style='border-left:6px solid #0969da;background:#ddf4ff;"
            "color:#1f2328;padding:0.5em 0.9em;margin:0.4em 0;font-size:1.15em;line-height:1.45'>"
            f"<div style='font-weight:bold'>{html.escape(self.heading)}</div>{code}"
            f"{_inline_html(self.body)}</div>"
        )


class Hint(_Text):
    """One hint, as returned (and displayed) by :meth:`Question.hint`."""


class Solution(_Text):
    """Solution code and explanation, as returned (and displayed) by :meth:`Question.solution`."""
