"""Status codes that the wire carries as bare numbers."""

from __future__ import annotations

from enum import IntEnum

__all__ = ["FastSnapshotStatus"]


class FastSnapshotStatus(IntEnum):
    """The ``status`` of a fast-snapshot result callback.

    Members compare equal to the integers on the wire.
    """

    #: The task is still running (documented by the service's query API, not by the callback).
    PROCESSING = 3
    #: The task failed; ``error_code`` and ``error_msg`` say why.
    FAILURE = 4
    #: Every snapshot was taken; ``result`` lists their URLs.
    SUCCESS = 5
