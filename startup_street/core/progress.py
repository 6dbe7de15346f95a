"""A progress bar for long-running commands, written to a terminal stream."""

import time
from collections.abc import Callable
from typing import TextIO


def progress_bar(stream: TextIO, *, width: int = 30) -> Callable[[int, int], None]:
    """``progress(done, total)`` redraws ``[#####.....] done/total rate/s`` on one line."""
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        filled = width * done // max(total, 1)
        rate = done / max(time.perf_counter() - started, 1e-9)
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {rate:.0f}/s")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return progress
