"""The fast-snapshot result callback: its table, its snapshots, its format.

Every key is snake_case and named like its attribute. The field table calls the deletion flag
``delete``, the examples send ``deleted``: both are read. ``status`` and the sizes come as
numbers or decimal text; ``error_code`` as ``null``, a number or text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from .._codes import FastSnapshotStatus
from .._models import FastSnapshotCallback
from .._snapshots import Snapshot, SnapshotKind
from ._format import Format
from ._scalars import CODE, INT, OPTIONAL_TEXT, TEXT, TIME, YES_NO, enum_of
from ._table import ArrayOf, Field, Table

__all__ = ["FORMAT", "STATUS"]

#: The field table types ``status`` as a String (the examples send a number): strict mode
#: accepts both.
STATUS: Final = enum_of(
    FastSnapshotStatus,
    "5 success, 4 failure, 3 processing (or the same as a string).",
    typed_as_text=True,
)

TABLE: Final = Table(
    FastSnapshotCallback,
    (
        Field("vid", TEXT),
        Field("app_id", INT),
        Field("bucket_name", TEXT),
        Field("bucket_region", TEXT),
        Field("url", TEXT),
        Field("duration", INT),
        Field("width", INT),
        Field("height", INT),
        Field("create_time", TIME),
        Field("finish_time", TIME),
        Field("result", ArrayOf(TEXT, "max_snapshots")),
        Field("status", STATUS),
        Field("error_code", CODE),
        Field("error_msg", OPTIONAL_TEXT),
        Field("deleted", YES_NO, aliases=("delete",)),
    ),
)


def _snapshots(model: FastSnapshotCallback) -> Iterator[Snapshot]:
    if model.status is FastSnapshotStatus.SUCCESS:
        for url in model.result:
            yield Snapshot(kind=SnapshotKind.FAST, file_id=None, url=url, source=model)
    elif model.status is FastSnapshotStatus.FAILURE:
        yield Snapshot(
            kind=SnapshotKind.FAST,
            file_id=None,
            error=model.error,
            error_code=model.error_code,
            source=model,
        )


def _summary(model: FastSnapshotCallback) -> str:
    text = (
        f"fast-snapshot vid={model.vid} status={model.status.name.lower()} "
        f"snapshots={len(model.result)}"
    )
    if model.error_code is not None or model.error_msg is not None:
        text += f" error={model.error_code} ({model.error_msg})"
    return text + (" source-deleted" if model.deleted else "")


FORMAT: Final = Format(
    name="fast-snapshot",
    title="Fast-snapshot result callback",
    model=FastSnapshotCallback,
    snapshots=_snapshots,
    summary=_summary,
    # Keys only this callback has at its top level: any one of them identifies it.
    keys=frozenset(
        {f.wire for f in TABLE.fields} | {alias for f in TABLE.fields for alias in f.aliases}
    ),
    table=TABLE,
)
