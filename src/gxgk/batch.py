"""Many files: ``parse_many`` and tidy records for a whole batch.

The parser core never touches files; this is the thin layer that does.  It is
built for corpora of tens of thousands of reports:

* **Streaming.**  Paths are read from the iterable as work is needed and
  results are yielded as they are ready, so memory holds a few reports per
  worker, never the batch.
* **Stable order.**  Results come out in the order the paths went in, for
  any ``jobs``, so two runs of a batch give the same output.
* **Failures are data.**  A file that cannot be read (or that breaks the
  parser) is yielded as a :class:`ParseFailure` in its place; the batch goes
  on.

Beyond one machine
------------------

``parse_many`` with ``jobs=1`` is an ordinary in-process iterator, so a
cluster framework only has to hand each worker a share of the paths.  With
Dask, a bag over the paths whose partitions each stream through
``parse_many`` gives the very records ``parse_many`` gives locally:

.. code-block:: python

    import dask.bag as db
    import pandas as pd
    import gxgk

    def records(paths):
        return list(gxgk.to_records_many(gxgk.parse_many(paths)))

    bag = db.from_sequence(paths, partition_size=100).map_partitions(records)
    table = pd.DataFrame(bag.compute())

Each partition is parsed in one task with ``jobs=1``: Dask's workers are the
parallelism.  Failures can be kept apart the same way, with a function that
keeps the ``(path, ParseFailure)`` pairs of ``parse_many``.

On Spark the same function fits ``mapPartitions``:
``sc.parallelize(paths, n).mapPartitions(lambda part: gxgk.to_records_many(gxgk.parse_many(part)))``.
Paths must be readable on every worker (a shared file system); for files in
object storage, read them with ``sc.binaryFiles(...)`` and parse the bytes:
``.mapPartitions(lambda part: gxgk.to_records_many((p, gxgk.parse(b)) for p, b in part))``.
"""

from __future__ import annotations

import glob
import os
import pickle
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any, Final, TypeAlias, TypeVar, overload

import attrs

from .model import Report
from .pipeline import MAX_SIZE, parse

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["ParseFailure", "StrPath", "expand_paths", "map_reports", "parse_many"]

StrPath: TypeAlias = "str | os.PathLike[str]"
P = TypeVar("P", bound="str | os.PathLike[str]")
PL = TypeVar("PL", bound="os.PathLike[str]")
T = TypeVar("T")

#: Paths sent to a worker at a time: enough to hide the cost of a round trip
#: (a report parses in a few milliseconds), few enough to balance the tail.
_CHUNK: Final = 8
#: Chunks submitted and not yet yielded, per worker: keeps every worker busy
#: while the consumer is slow, and bounds memory.
_AHEAD: Final = 2


@attrs.frozen
class ParseFailure:
    """A file :func:`parse_many` could not turn into a report, and why.

    .. versionadded:: 0.1
    """

    path: str  #: the path as given, as a string
    reason: str  #: what went wrong, for a person to read




def expand_paths(args: Iterable[StrPath]) -> Iterator[StrPath]:
    """The files named by ``args``, lazily: files as given, folders walked, globs matched.

    Hidden files and folders (names starting with ``.``) inside a folder are
    skipped; an argument that names nothing is kept, to be reported as a
    failure where it is read.  ``-`` (standard input, for the command line)
    is kept as it is.

    .. versionadded:: 0.2
    """
    for arg in args:
        name = os.fspath(arg)
        if name == "-" or os.path.isfile(name):
            yield arg
        elif os.path.isdir(name):
            yield from _like(arg, _walk(name))
        elif glob.has_magic(name) and (matches := sorted(glob.glob(name, recursive=True))):
            for match in matches:
                yield from _like(arg, [match] if os.path.isfile(match) else _walk(match))
        else:
            yield arg


def _like(arg: StrPath, names: list[str]) -> list[StrPath]:
    """``names`` as paths of the argument's type: a folder given as a ``Path`` gives ``Path`` files."""
    return list(names) if isinstance(arg, str) else [type(arg)(name) for name in names]  # type: ignore[call-arg]


def _walk(folder: str) -> list[str]:
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        found.extend(os.path.join(root, name) for name in sorted(files) if not name.startswith("."))
    return found


def _one_argument(paths: object) -> list[StrPath] | None:
    """``paths`` given as one path (a file, folder or glob), as a list; ``None`` if it is an iterable of paths."""
    if not isinstance(paths, (str, os.PathLike)):
        return None
    name = os.fspath(paths)
    if isinstance(name, bytes):
        raise TypeError("parse_many() takes str paths, not bytes")
    if os.path.exists(name) or glob.has_magic(name):
        return [paths]
    raise TypeError(f"parse_many() takes an iterable of paths, a folder, a file or a glob pattern; {name!r} names "
                    "no file or folder (a str is not read character by character)")


@overload
def parse_many(paths: str, *, jobs: int = 1, max_size: int = MAX_SIZE
               ) -> Generator[tuple[str, Report | ParseFailure], None, None]: ...


@overload
def parse_many(paths: PL, *, jobs: int = 1, max_size: int = MAX_SIZE
               ) -> Generator[tuple[PL, Report | ParseFailure], None, None]: ...


@overload
def parse_many(paths: Iterable[P], *, jobs: int = 1, max_size: int = MAX_SIZE
               ) -> Generator[tuple[P, Report | ParseFailure], None, None]: ...


def parse_many(paths: Iterable[P] | StrPath, *, jobs: int = 1, max_size: int = MAX_SIZE
               ) -> Generator[tuple[Any, Report | ParseFailure], None, None]:
    """Parse files, yielding ``(path, report)`` or ``(path, failure)`` in input order.

    ``paths`` is an iterable of paths, or one path: a file, a folder (read
    recursively, hidden files skipped, as the command line does) or a glob
    pattern.  Folders and patterns inside the iterable are expanded the same
    way.  A ``str`` that names nothing is a :class:`TypeError`, not a loop
    over its characters.  ``max_size`` is :func:`gxgk.parse`'s.

    ``jobs=1`` parses in this process.  More jobs parse in that many worker
    processes, with a bounded number of files in flight, so memory stays
    small however long ``paths`` is.  Files are read as bytes and decoded as
    :func:`gxgk.parse` does.  Close the generator (or leave a ``for`` loop)
    to stop early: queued work is dropped and the workers end.  Where worker
    processes are spawned rather than forked (Windows, macOS), call it under
    ``if __name__ == "__main__":`` as :mod:`concurrent.futures` requires.

    .. versionadded:: 0.1
    .. versionchanged:: 0.2
       One path, folders and glob patterns.
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a positive integer, not {jobs!r}")
    one = _one_argument(paths)
    files: Iterable[Any] = expand_paths(one) if one is not None else expand_paths(paths)  # type: ignore[arg-type]
    if jobs == 1:
        return ((path, _parse_path(_fspath(path), max_size)) for path in files)
    return _parse_in_pool(files, jobs, max_size)


def map_reports(paths: Sequence[str], then: Callable[[str, Report], T], *, jobs: int = 1, max_size: int = MAX_SIZE
                ) -> Generator[tuple[str, T | ParseFailure], None, None]:
    """Parse files and turn each report into ``then(path, report)`` in the process that parsed it.

    What crosses back from a worker is ``then``'s result, not the report: for
    a batch written as CSV rows, the rows.  Sending every report back to be
    turned into rows in one process made that process the batch's limit
    (2 jobs ran 1.3× as fast as one).  ``then`` must pickle (a module-level
    function); failures come back as :class:`ParseFailure`, in input order.
    """
    if jobs == 1:
        return ((path, _then(then, path, _parse_path(path, max_size))) for path in paths)
    return _parse_in_pool(paths, jobs, max_size, then)


def _then(then: Callable[[str, Report], T], path: str, result: Report | ParseFailure) -> T | ParseFailure:
    return result if isinstance(result, ParseFailure) else then(path, result)


def _parse_in_pool(paths: Iterable[P], jobs: int, max_size: int, then: Callable[[str, Report], Any] | None = None
                   ) -> Generator[tuple[P, Any], None, None]:
    pending: deque[tuple[list[P], Future[bytes]]] = deque()
    # imported here: it loads multiprocessing, which `import gxgk` should not pay for
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs) as pool:
        try:
            for chunk in _chunks(paths, _CHUNK):
                pending.append((chunk, pool.submit(_parse_paths, [_fspath(path) for path in chunk], max_size, then)))
                if len(pending) >= _AHEAD * jobs:
                    yield from _collect(*pending.popleft())
            while pending:
                yield from _collect(*pending.popleft())
        finally:
            pool.shutdown(cancel_futures=True)  # the consumer stopped early: drop the queued work


def _collect(chunk: list[P], future: Future[bytes]) -> Iterator[tuple[P, Any]]:
    results: list[Any] = pickle.loads(future.result())
    return zip(chunk, results, strict=True)


def _fspath(path: StrPath) -> str:
    return os.fspath(path)


def _chunks(paths: Iterable[P], size: int) -> Iterator[list[P]]:
    iterator = iter(paths)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _parse_paths(paths: list[str], max_size: int = MAX_SIZE, then: Callable[[str, Report], Any] | None = None
                 ) -> bytes:
    """The work of one worker round trip (a module-level function, so it pickles), pickled.

    Cells and their provenance are named tuples, which pickle in C; the attrs
    classes around them are few.  With ``then``, its results are sent instead.
    """
    results = [_parse_path(path, max_size) for path in paths]
    if then is not None:
        results = [_then(then, path, result) for path, result in zip(paths, results, strict=True)]
    return pickle.dumps(results, pickle.HIGHEST_PROTOCOL)


def _parse_path(path: str, max_size: int = MAX_SIZE) -> Report | ParseFailure:
    try:
        with open(path, "rb") as stream:
            data = stream.read(max_size + 1)  # a byte more than the limit: parse says it cut the input
    except OSError as exc:
        return ParseFailure(path, f"cannot read the file: {exc.strerror or exc}")
    try:
        return parse(data, max_size=max_size)
    except Exception as exc:  # a parser bug must not end a batch of thousands; it is reported in place
        return ParseFailure(path, f"the parser failed: {type(exc).__name__}: {exc}")


