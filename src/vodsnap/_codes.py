"""Status and error codes that the wire carries as bare numbers, with what they mean.

Four published tables: the VOD video-processing codes (doc 266/7783), the codes a
ProcedureStateChanged task adds to them (30009, 30010), the fast-snapshot callback's
``error_code`` values, and the API-level codes of VOD responses. :class:`CodeTable` names them and
``error_info`` looks a code up in any of them.

The video-processing codes are structured: 104 of the 116 published codes are
``-(stage * 100 + cause)`` for 8 processing stages and 13 failure causes, and their descriptions
are the stage's and the cause's joined by ``": "``. The table is kept here as that structure
(stages, causes, and the 12 source-file codes), and a test proves it reproduces every published
row character for character.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, IntEnum
from functools import cache
from typing import Literal

from attrs import evolve, frozen

from ._dunders import plain_repr

__all__ = [
    "EMPTY_QUEUE_ERROR_CODE",
    "ApiErrorCode",
    "CodeTable",
    "ErrorInfo",
    "FailureCause",
    "FastSnapshotErrorCode",
    "FastSnapshotStatus",
    "Fault",
    "ProcedureTaskErrorCode",
    "ProcessingStage",
    "SourceFileError",
    "error_info",
    "error_table",
    "fast_snapshot_error_info",
]


class FastSnapshotStatus(IntEnum):
    """The ``status`` of a fast-snapshot result callback.

    Members compare equal to the integers on the wire.

    :cvar PROCESSING: The task is still running (documented by the service's query API, not by the
        callback).
    :cvar FAILURE: The task failed; ``error_code`` and ``error_msg`` say why.
    :cvar SUCCESS: Every snapshot was taken; ``result`` lists their URLs.
    """

    PROCESSING = 3
    FAILURE = 4
    SUCCESS = 5


class _Described(IntEnum):
    """An ``IntEnum`` whose members carry a Chinese and an English description."""

    description_zh: str
    description_en: str

    def __new__(cls, value: int, zh: str = "", en: str = "") -> _Described:
        member = int.__new__(cls, value)
        member._value_ = value
        member.description_zh = zh
        member.description_en = en
        return member


class ProcessingStage(_Described):
    """Where in video processing a structured error code happened (the code's hundreds)."""

    QUERY = -430, "查询，查询命令执行", "Query, query command execution"
    QUERY_FILES_TO_STITCH = (
        -431,
        "查询，查询待拼接文件的命令执行",
        "Query, execution of command regarding the query of files to be stitched",
    )
    SNAPSHOT = -440, "截图，截图命令执行", "Screenshot, screenshot command execution"
    SNAPSHOT_INFO = (
        -441,
        "截图，获取截图信息命令执行",
        "Screenshot, execution of command regarding the acquiring of screenshot information",
    )
    TRANSCODE = (
        -450,
        "音视频转码，转码命令执行",
        "Audio/video transcoding, transcode command execution",
    )
    TRANSCODE_INFO_BEFORE_VERIFY = (
        -451,
        "音视频转码，校验转码后文件前获取文件信息",
        "Audio/video transcoding, acquire file information before verifying the transcoded file",
    )
    TRANSCODE_INFO_BEFORE_UPLOAD = (
        -452,
        "音视频转码，上传文件前获取文件信息",
        "Audio/video transcoding, acquire file information before uploading the file",
    )
    TRANSCODE_VERIFY = (
        -491,
        "音视频转码，校验转码后文件",
        "Audio/video transcoding, verification of the transcoded file",
    )


class FailureCause(_Described):
    """What went wrong, for a structured error code (the code's last two digits)."""

    FILE_CORRUPTED = (
        1,
        "解码失败, ffmpeg 通知文件已损坏",
        "Decoding failed, ffmpeg notification file is corrupted",
    )
    DECODE_FAILED = 29, "解码失败, ffmpeg 解码失败", "Decoding failed, ffmpeg decoding failed"
    UNKNOWN_CODEC = (
        89,
        "元信息缺失, 原视频编解码器未知",
        "Metainformation is missing, source video encoder/decoder unknown",
    )
    UNKNOWN_AUDIO_FRAME_SIZE = (
        90,
        "元信息缺失, 原视频音频帧大小未知",
        "Metainformation is missing, source video audio frame size unknown",
    )
    UNKNOWN_AUDIO_FRAME_FORMAT = (
        91,
        "元信息缺失, 原视频音频帧格式未知",
        "Metainformation is missing, source video audio frame format unknown",
    )
    UNKNOWN_AUDIO_FRAME_RATE = (
        92,
        "元信息缺失, 原视频音频帧率未知",
        "Metainformation is missing, source video audio frame rate unknown",
    )
    UNKNOWN_AUDIO_CHANNELS = (
        93,
        "元信息缺失, 原视频音频通道数未知",
        "Metainformation is missing, source video audio channel number unknown",
    )
    NO_DECODABLE_DTS_FRAMES = (
        94,
        "元信息缺失, no decodable DTS frames",
        "Metainformation is missing, no decodable DTS frames",
    )
    UNKNOWN_VIDEO_SIZE = (
        95,
        "元信息缺失, 原视频视频宽高未知",
        "Metainformation is missing, source video width/height unknown",
    )
    UNKNOWN_COLOR_SPACE = (
        96,
        "元信息缺失, 原视频色度空间未知",
        "Metainformation is missing, source video color space unknown",
    )
    NO_FRAME_AND_NO_SAR = (
        97,
        "元信息缺失, no frame in rv30,40 and no sar",
        "Metainformation is missing, no frame in rv30,40 and no sar",
    )
    END_OF_FILE = 98, "End of file", "End of file"
    SEEK_PAST_END = 99, "seeking outside actual filesize", "seeking outside actual filesize"


_SOURCE_ZH = "原文件不符合要求, "
_SOURCE_EN = "Source file does not meet requirement, "


class SourceFileError(_Described):
    """The 12 codes for a source file that does not meet the service's requirements."""

    NOT_JSON = (
        -47100,
        _SOURCE_ZH + "源文件信息格式非json",
        _SOURCE_EN + "source file information format is not json",
    )
    NO_SIZE_OR_COLOR_SPACE = (
        -47101,
        _SOURCE_ZH + "源信息缺少宽、高 或色度空间的原信息",
        _SOURCE_EN + "source information does not contain width, height or color space",
    )
    UNKNOWN_ENCODER = (
        -47102,
        _SOURCE_ZH + "源信息未知编码器",
        _SOURCE_EN + "unknown source information encoder",
    )
    INVALID_DURATION = (
        -47104,
        _SOURCE_ZH + "源信息时长不合法(<0.01 or >604800)",
        _SOURCE_EN + "duration of source information is invalid (<0.01 or >604800)",
    )
    ZERO_DURATION = (
        -47200,
        _SOURCE_ZH + "文件的时长信息为0",
        _SOURCE_EN + "file duration information is 0",
    )
    STITCH_LIMIT_EXCEEDED = (
        -47300,
        _SOURCE_ZH + "拼接超过最大值限制",
        _SOURCE_EN + "maximum stitching limit exceeded",
    )
    STITCH_RESOLUTIONS_DIFFER = (
        -47301,
        _SOURCE_ZH + "拼接文件分辨率不一致",
        _SOURCE_EN + "resolutions of stitched files are inconsistent",
    )
    STITCH_SOURCE_INFO_FAILED = (
        -47302,
        _SOURCE_ZH + "拼接获取视频文件源信息失败",
        _SOURCE_EN + "failed to acquire source information of the video files to be stitched",
    )
    NO_AUDIO_AND_NO_VIDEO = (
        -47400,
        _SOURCE_ZH + "视频文件的音频和视频不存在",
        _SOURCE_EN + "video file does not contain audio and video",
    )
    NO_AUDIO = (
        -47401,
        _SOURCE_ZH + "转音频任务,原文件无音频数据",
        _SOURCE_EN + "source file does not contain audio data (audio conversion task)",
    )
    NO_VIDEO = (
        -47402,
        _SOURCE_ZH + "转视频任务,原文件无视频数据",
        _SOURCE_EN + "source file does not contain video data (video conversion task)",
    )
    INVALID_GEOMETRY = (
        -47403,
        _SOURCE_ZH + "视频文件width/high/rotate/dar_w/dar_h不合法",
        _SOURCE_EN + "width/high/rotate/dar_w/dar_h of the video file are invalid",
    )


class FastSnapshotErrorCode(_Described):
    """``error_code`` values of the fast-snapshot callback. 118 is the only one documented."""

    DECODE_FAILED = 118, "解码失败", "decoding failed"


class ApiErrorCode(_Described):
    """API-level codes of VOD responses, e.g. a PullEvent ``code``.

    The English descriptions are the documentation's; the Chinese ones are ours.
    """

    PULL_INVALID_PARAMETER = 1000, "参数错误（PullEvent）", "invalid parameter (PullEvent)"
    PULL_INTERNAL_ERROR = 1001, "内部错误（PullEvent）", "internal error (PullEvent)"
    PULL_INTERNAL_ERROR_2000 = 2000, "内部错误（PullEvent）", "internal error (PullEvent)"
    INVALID_PARAMETER = 4000, "请求参数非法", "invalid parameter"
    AUTHENTICATION_FAILED = 4100, "鉴权失败", "authentication failed"
    REQUEST_EXPIRED = 4200, "请求已过期", "request expired"
    ACCESS_DENIED = 4300, "拒绝访问", "access denied"
    QUOTA_EXCEEDED = 4400, "超过配额", "quota exceeded"
    REPLAY_ATTACK = 4500, "重放攻击", "replay attack"
    PROTOCOL_NOT_SUPPORTED = 4600, "协议不支持", "protocol not supported"
    RESOURCE_NOT_FOUND = 5000, "资源不存在", "resource does not exist"
    RESOURCE_OPERATION_FAILED = 5100, "资源操作失败", "resource operation failed"
    PURCHASE_FAILED = 5200, "资源购买失败", "purchase failed"
    INSUFFICIENT_BALANCE = 5300, "资源购买失败（余额不足）", "purchase failed: insufficient balance"
    PARTIALLY_SUCCEEDED = 5400, "部分执行成功", "partially succeeded"
    QUALIFICATION_CHECK_FAILED = 5500, "用户资质审核未通过", "qualification check failed"
    INTERNAL_SERVER_ERROR = 6000, "服务器内部错误", "internal server error"
    VERSION_NOT_SUPPORTED = 6100, "版本暂不支持", "version not supported"
    API_UNAVAILABLE = 6200, "接口暂时停止服务", "API temporarily unavailable"


#: The ``Response.Error.Code`` with which API 3.0 ``PullEvents`` answers a pull that finds the
#: queue empty: not a failure of the pull, though the response has the shape of one.
EMPTY_QUEUE_ERROR_CODE = "ResourceNotFound"


class ProcedureTaskErrorCode(_Described):
    """``errCode`` values that a ProcedureStateChanged task adds to the video-processing table.

    The descriptions are the documentation's (doc 266/9636), in both languages.
    """

    SOURCE_FILE_ERROR = 30009, "原文件异常失败", "Failed due to original file exception"
    SYSTEM_FAILURE = 30010, "系统失败或未知", "System failure or unknown"


class CodeTable(Enum):
    """The published table a code was found in.

    A bare ``error_info(code)`` looks in every table in this order and reports the first that
    lists the code; ``error_info(code, table=...)`` looks in one. No code but ``0`` is in two
    of today's tables.

    :cvar VIDEO_PROCESSING: VOD video-processing codes (doc 266/7783): a snapshot picture's
        ``status`` and other task results; ``0`` is success.
    :cvar PROCEDURE_TASK: The codes a ProcedureStateChanged task's ``errCode`` adds (30009, 30010);
        ``0`` is success.
    :cvar FAST_SNAPSHOT: The fast-snapshot callback's ``error_code`` (118). Success is ``status`` 5
        with no code.
    :cvar API: API-level codes of VOD responses, such as a PullEvent ``code``; ``0`` is success.
    """

    VIDEO_PROCESSING = "video_processing"
    PROCEDURE_TASK = "procedure_task"
    FAST_SNAPSHOT = "fast_snapshot"
    API = "api"


class Fault(Enum):
    """What a failure code says about whose problem it is, as far as the documentation shows.

    :cvar SOURCE_FILE: The source video is broken or unsuitable (cannot be decoded, metadata
        missing, or one of the "source file does not meet requirement" codes). Retrying the same
        task will not help.
    :cvar REQUEST: The task asked for something the video cannot give: a snapshot's end-of-file or
        seek error usually means the requested time offset lies past the end of the video. Retrying
        the same request will not help; ask for an earlier offset.
    :cvar UNKNOWN: The documentation gives no basis to say: the code is unknown, or it is about the
        transcoder's own output (the -451, -452 and -491 stages) rather than the source, or it is an
        end-of-file or seek error outside taking a snapshot.
    """

    SOURCE_FILE = "source_file"
    REQUEST = "request"
    UNKNOWN = "unknown"


#: Stages that examine the transcoder's output, not the source file.
_OUTPUT_STAGES = frozenset(
    {
        ProcessingStage.TRANSCODE_INFO_BEFORE_VERIFY,
        ProcessingStage.TRANSCODE_INFO_BEFORE_UPLOAD,
        ProcessingStage.TRANSCODE_VERIFY,
    }
)
_SNAPSHOT_STAGES = frozenset({ProcessingStage.SNAPSHOT, ProcessingStage.SNAPSHOT_INFO})
_PAST_THE_END = frozenset({FailureCause.END_OF_FILE, FailureCause.SEEK_PAST_END})


@frozen
@plain_repr
class ErrorInfo:
    """What a status or error code means.

    ``fault`` says whose problem a failure is and so whether retrying can help (see
    :class:`Fault`); it is ``None`` for success. ``table`` says which published table the code
    came from.

    :ivar code: The code as sent.
    :ivar known: Whether a published table lists the code (``0``, success, counts as known).
    :ivar description_zh: The published Chinese description (or one that says the code is unknown).
    :ivar description_en: The published English description (or one that says the code is unknown).
    :ivar stage: The processing stage, for a structured video-processing code.
    :ivar cause: The failure cause, for a structured video-processing code.
    :ivar fault: Whose problem the failure is; ``None`` for success.
    :ivar table: The published table that lists the code; ``None`` when no table does.
    :ivar text: The code as sent when it was text that is not a number (an API 3.0 task's
        ``ErrCodeExt``, such as ``"SystemError"``); then ``code`` is ``-1``. ``None`` otherwise.
    """

    code: int
    known: bool
    description_zh: str
    description_en: str
    stage: ProcessingStage | None = None
    cause: FailureCause | None = None
    fault: Fault | None = Fault.UNKNOWN
    table: CodeTable | None = None
    text: str | None = None

    @property
    def retry_may_help(self) -> bool | None:
        """``False`` when retrying the same task cannot help, ``None`` when nobody can say."""
        if self.fault is None:
            return None
        return None if self.fault is Fault.UNKNOWN else False

    def description(self, lang: Literal["en", "zh"] = "en") -> str:
        """The description in ``"en"`` or ``"zh"``; any other value is a ``ValueError``."""
        if lang == "zh":
            return self.description_zh
        if lang == "en":
            return self.description_en
        raise ValueError(f"lang must be 'en' or 'zh', not {lang!r}")


def error_info(code: int | str, *, table: CodeTable | None = None) -> ErrorInfo:
    """What a status or error code from any published table means; ``0`` is success (except
    in the fast-snapshot table, which reports success by ``status`` 5 and lists no ``0``).

    Without ``table``, the tables are searched in :class:`CodeTable` order (video-processing,
    ProcedureStateChanged task, fast-snapshot, API) and the first that lists the code answers;
    ``ErrorInfo.table`` says which. With ``table``, only that one is searched, which is how a
    code that two tables might one day share is read in its context.

    Never raises for an integer and never returns ``None``: a code that no table searched lists
    (such as the documentation's own ``-46204``) gives ``known=False``, ``table=None`` and a
    description that says so.

    A string is read as the integer it spells (``"-43001"``), as ``int()`` reads it. Any other
    string is a textual code, an API 3.0 task's ``ErrCodeExt``: ``""`` is success (as ``0``,
    with ``text=""``); no published table lists any other, so it gives ``known=False``,
    ``code=-1`` and ``text`` the code as sent. Never raises for a string either.
    """
    if isinstance(code, str):
        return _from_text(code, table)
    code = int(code)
    for lookup_table in CodeTable if table is None else (table,):
        found = _LOOKUPS[lookup_table](code)
        if found is not None:
            return found
    return _unknown(code, table)


def fast_snapshot_error_info(code: int) -> ErrorInfo:
    """What a fast-snapshot ``error_code`` means: ``error_info(code, table=FAST_SNAPSHOT)``."""
    return error_info(code, table=CodeTable.FAST_SNAPSHOT)


@cache
def error_table(table: CodeTable = CodeTable.VIDEO_PROCESSING) -> tuple[ErrorInfo, ...]:
    """Every code of a published table (the video-processing one by default), in its order.

    The video-processing table is in the published table's order (descending); the others in
    ascending order. Success (``0``) is not a row of any.
    """
    if table is CodeTable.VIDEO_PROCESSING:
        codes = [stage * 100 - cause for stage in ProcessingStage for cause in FailureCause]
        codes = sorted([*codes, *SourceFileError], reverse=True)
    else:
        codes = sorted(_ENUMS[table])
    return tuple(error_info(code, table=table) for code in codes)


def _success(table: CodeTable) -> ErrorInfo:
    return ErrorInfo(0, True, "成功", "success", fault=None, table=table)


def _video_processing(code: int) -> ErrorInfo | None:
    if code == 0:
        return _success(CodeTable.VIDEO_PROCESSING)
    if code in _SOURCE_FILE_CODES:
        return _described(SourceFileError(code), Fault.SOURCE_FILE, CodeTable.VIDEO_PROCESSING)
    if -50000 < code < 0:
        stage_value, cause_value = divmod(-code, 100)
        stage = _STAGES.get(-stage_value)
        cause = _CAUSES.get(cause_value)
        if stage is not None and cause is not None:
            return ErrorInfo(
                code,
                True,
                f"{stage.description_zh}: {cause.description_zh}",
                f"{stage.description_en}: {cause.description_en}",
                stage,
                cause,
                _fault(stage, cause),
                CodeTable.VIDEO_PROCESSING,
            )
    return None


def _enum_lookup(
    table: CodeTable, faults: dict[int, Fault], *, success: bool
) -> Callable[[int], ErrorInfo | None]:
    """A lookup in one enum-held table; ``success``: whether the table documents ``0``."""
    members = {member.value: member for member in _ENUMS[table]}

    def lookup(code: int) -> ErrorInfo | None:
        if code == 0 and success:
            return _success(table)
        member = members.get(code)
        if member is None:
            return None
        return _described(member, faults.get(code, Fault.UNKNOWN), table)

    return lookup


def _described(member: _Described, fault: Fault, table: CodeTable) -> ErrorInfo:
    return ErrorInfo(
        member.value,
        True,
        member.description_zh,
        member.description_en,
        fault=fault,
        table=table,
    )


def _fault(stage: ProcessingStage, cause: FailureCause) -> Fault:
    if stage in _OUTPUT_STAGES:
        return Fault.UNKNOWN
    if cause in _PAST_THE_END:
        return Fault.REQUEST if stage in _SNAPSHOT_STAGES else Fault.UNKNOWN
    return Fault.SOURCE_FILE


def _unknown(code: int, table: CodeTable | None) -> ErrorInfo:
    if table is None:
        where_zh, where_en = "已公布的错误码表中没有此错误码", "no published table lists it"
    else:
        zh, en = _TABLE_NAMES[table]
        where_zh, where_en = f"{zh}错误码表中没有此错误码", f"the {en} table does not list it"
    return ErrorInfo(
        code, False, f"未知错误码 {code}：{where_zh}", f"unknown error code {code}: {where_en}"
    )


def _from_text(text: str, table: CodeTable | None) -> ErrorInfo:
    """A code sent as a string: the integer it spells, or a textual ``ErrCodeExt``."""
    if len(text) <= _MAX_DIGITS:
        try:
            number = int(text)
        except ValueError:
            pass
        else:
            return error_info(number, table=table)
    if text == "":  # ErrCodeExt's success
        return evolve(error_info(0, table=table), text="")
    shown = repr(text if len(text) <= _SHOWN else text[:_SHOWN] + "...")
    return ErrorInfo(
        -1,
        False,
        f"未知文本错误码 {shown}：已公布的错误码表均不列文本错误码",
        f"unknown textual error code {shown}: no published table lists textual codes",
        text=text,
    )


_MAX_DIGITS = 4300  # int()'s own limit for decimal text; a longer string is not read as one
_SHOWN = 64  # a description quotes at most this much of a textual code

_TABLE_NAMES = {
    CodeTable.VIDEO_PROCESSING: ("视频处理类", "video-processing"),
    CodeTable.PROCEDURE_TASK: ("任务流任务", "ProcedureStateChanged task"),
    CodeTable.FAST_SNAPSHOT: ("快速截图回调", "fast-snapshot"),
    CodeTable.API: ("API ", "API"),
}

_STAGES = {stage.value: stage for stage in ProcessingStage}
_CAUSES = {cause.value: cause for cause in FailureCause}
_SOURCE_FILE_CODES = frozenset(source.value for source in SourceFileError)
_ENUMS: dict[CodeTable, type[_Described]] = {
    CodeTable.VIDEO_PROCESSING: SourceFileError,  # the structured codes are not enum members
    CodeTable.PROCEDURE_TASK: ProcedureTaskErrorCode,
    CodeTable.FAST_SNAPSHOT: FastSnapshotErrorCode,
    CodeTable.API: ApiErrorCode,
}
_LOOKUPS: dict[CodeTable, Callable[[int], ErrorInfo | None]] = {
    CodeTable.VIDEO_PROCESSING: _video_processing,
    CodeTable.PROCEDURE_TASK: _enum_lookup(
        CodeTable.PROCEDURE_TASK,
        {ProcedureTaskErrorCode.SOURCE_FILE_ERROR: Fault.SOURCE_FILE},
        success=True,
    ),
    # The callback reports success by its status, never by an error_code of 0.
    CodeTable.FAST_SNAPSHOT: _enum_lookup(
        CodeTable.FAST_SNAPSHOT,
        {FastSnapshotErrorCode.DECODE_FAILED: Fault.SOURCE_FILE},
        success=False,
    ),
    CodeTable.API: _enum_lookup(CodeTable.API, {}, success=True),
}
