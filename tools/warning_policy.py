"""The course's warning policy, in one place: deprecations and future changes are errors.

Every run that checks the course uses it: ``make test`` (exported to pytest and inherited by the nbval
kernels), notebook builds (``tools/nbtools.py``) and the Binder environment test
(``tools/binder_env.py``). ``python tools/warning_policy.py`` prints it as a ``PYTHONWARNINGS`` value
(the Makefile reads it that way); pytest's own ``filterwarnings`` in pyproject.toml say the same.

An exception is added only for a named third-party warning outside our code, with the reason, and as
narrowly as ``PYTHONWARNINGS`` allows (its message prefix, category and the exact module it is
attributed to).
"""

from __future__ import annotations

FILTERS: tuple[str, ...] = (
    "error::DeprecationWarning",
    "error::FutureWarning",
    # Python >= 3.12: asyncio.get_event_loop() warns when no loop is set yet, which is the case when
    # ipykernel starts a kernel and tornado's IOLoop.current() asks for one. Third-party start-up code,
    # harmless (tornado then creates the loop); with it as an error no kernel starts on Python 3.12,
    # the version Binder runs.
    "ignore:There is no current event loop:DeprecationWarning:tornado.ioloop",
)

#: The policy as the value of the ``PYTHONWARNINGS`` environment variable.
PYTHONWARNINGS = ",".join(FILTERS)


if __name__ == "__main__":
    print(PYTHONWARNINGS)
