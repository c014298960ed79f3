"""Format A, the fast-snapshot result callback: its one table.

Every key is snake_case and named like its attribute. The field table calls the deletion flag
``delete``, the examples send ``deleted``: both are read. ``status`` and the sizes come as
numbers or decimal text; ``error_code`` as ``null``, a number or text.
"""

from __future__ import annotations

from typing import Final

from .._codes import FastSnapshotStatus
from .._models import FastSnapshotCallback
from ._scalars import CODE, INT, OPTIONAL_TEXT, TEXT, TIME, YES_NO, enum_of
from ._table import ArrayOf, Builder, Field, Table

__all__ = ["KEYS", "STATUS", "TABLE", "register"]

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

#: Keys only this callback has at its top level: any one of them identifies it.
KEYS: Final = frozenset(
    {f.wire for f in TABLE.fields} | {alias for f in TABLE.fields for alias in f.aliases}
)


def register(builder: Builder) -> None:
    """Structure and unstructure ``FastSnapshotCallback`` by this table."""
    builder.converter.register_structure_hook(FastSnapshotCallback, builder.structure(TABLE))
    builder.converter.register_unstructure_hook(FastSnapshotCallback, builder.unstructure(TABLE))
