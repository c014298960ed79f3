"""Django: receive Tencent Cloud snapshot callbacks (a one-file project; in yours, the view and
the URL are what you need).

    pip install 'vodsnap[recipes]' && django-admin runserver --pythonpath . --settings django_app

The module is its own settings (the upper-case names below): Django reads them when it is named
by ``--settings``, and the module configures Django with them when it is imported with no
settings module named (by a test, say). Tencent sends no CSRF token, so the view is exempt; it
answers at once and hands the model on (VOD resends a callback it has no reply to within 5 s,
Cloud Live one it has no HTTP 200 to within about 20 s). A body that does not decode gets
``400``: VOD ignores the status, but Cloud Live resends it, up to 5 times, so it reaches ``keep``
up to six times (dead_letter.py keeps it once). A body over the size limit is refused (413)
before it is read whole. Under WSGI (``runserver`` included) Django reads ``Content-Length``
bytes of a body, none when there is no such header: a chunked body arrives empty, and is refused
as undecodable (400).
"""

from __future__ import annotations

import json
import logging
import os
import queue
from collections.abc import Callable
from typing import Any, cast

import django
from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

import vodsnap

ROOT_URLCONF = __name__
ALLOWED_HOSTS = ["*"]  # Tencent's requests name your host: list it in a real project
SECRET_KEY = "only-for-this-example"
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]

if "DJANGO_SETTINGS_MODULE" not in os.environ and not settings.configured:
    # Imported with no settings module named: the upper-case names, as Django reads one
    settings.configure(**{name: value for name, value in globals().items() if name.isupper()})
    django.setup()

log = logging.getLogger("vod.callbacks")
LIMIT = vodsnap.Limits().max_body_bytes  # the size vodsnap.parse accepts by default
work: queue.SimpleQueue[Any] = queue.SimpleQueue()  # a worker drains it


def log_report(report: dict[str, Any]) -> None:
    """A placeholder ``keep``: the report logged whole, its body included (dead_letter.py keeps
    each body once in a table instead)."""
    log.warning("undecodable VOD callback kept in the log: %s", json.dumps(report))


#: Placeholders, to replace in your project: a task queue, a dead-letter table (dead_letter.py).
hand_on: Callable[[Any], None] = work.put
keep: Callable[[dict[str, Any]], None] = log_report


def read_body(request: HttpRequest) -> bytes | None:
    """The body, or None when it is over LIMIT: Content-Length first, then a bounded read."""
    if int(request.META.get("CONTENT_LENGTH") or 0) > LIMIT:
        return None
    body = request.read(LIMIT + 1)  # under ASGI, a chunked body has no Content-Length
    return None if len(body) > LIMIT else body


View = Callable[[HttpRequest], JsonResponse]


def callback_view(view: View) -> View:
    """``csrf_exempt`` (Tencent sends no token) and ``require_POST``, typed: Django's decorators
    carry no annotations (without django-stubs), which would leave the view untyped."""
    return cast(View, csrf_exempt(require_POST(view)))


@callback_view
def vod_callback(request: HttpRequest) -> JsonResponse:
    body = read_body(request)
    if body is None:
        log.warning("VOD callback over %d bytes refused", LIMIT)
        return JsonResponse({}, status=413)
    try:
        model = vodsnap.parse(body)
    except vodsnap.DecodeError as exc:
        report = exc.report()
        log.warning("undecodable VOD callback: %s", json.dumps(report["errors"]))
        keep(report)
        return JsonResponse({}, status=400)
    hand_on(model)
    return JsonResponse({})


urlpatterns = [path("vod/callback", vod_callback)]
