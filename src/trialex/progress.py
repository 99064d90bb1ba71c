"""A progress bar for batch runs on stderr: pages done, pages/s, ETA, errors so far."""

from __future__ import annotations

import sys
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)


class BatchProgress:
    """Shows itself only when enabled (the CLI enables it when stderr is a terminal)."""

    def __init__(self, total: int | None, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.errors = 0
        self._bar: Progress | None = None
        if self.enabled:
            self._bar = Progress(
                TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(), TextColumn("errors {task.fields[errors]}"),
                console=Console(stderr=True), transient=True,
            )
            self._task = self._bar.add_task("pages", total=total, rate="", errors=0)

    def __enter__(self) -> BatchProgress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self, error: bool = False) -> None:
        """One more page done (an error line when `error`)."""
        self.errors += error
        if self._bar is None:
            return
        task = self._bar.tasks[0]
        speed = task.speed
        self._bar.update(self._task, advance=1, errors=self.errors,
                         rate=f"{speed:.1f} pages/s" if speed else "")
