"""The health check: every dependency reported on its own, 503 when a required one is down.

`/healthz` answers {"status": "ok" | "degraded" | "unavailable", "checks": {name: "ok" | ...}}.
The database is required: without it nothing can be served. The cache and the broker are not by
default: without the cache pages are served uncached, and without the broker imports are saved and
published when it is back (tracker.ingest.outbox), so a load balancer should keep the app in
rotation and an operator should see "degraded". HEALTH_REQUIRED (settings) lists what must be up.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from tracker.commitments.cache import CACHE_UNAVAILABLE


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return "unavailable"
    return "ok"


def _cache() -> str:
    try:
        cache.get("healthz")
    except CACHE_UNAVAILABLE:
        return "unavailable"
    return "ok"


def _broker() -> str:
    from tracker.celery import app

    if app.conf.task_always_eager:
        return "in-process"
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=1)
    except Exception:
        return "unavailable"
    return "ok"


CHECKS = {"database": _database, "cache": _cache, "broker": _broker}


@never_cache
@require_safe
def healthz(request):
    """For load balancers, the compose health check and operators."""
    checks = {name: check() for name, check in CHECKS.items()}
    down = {name for name, state in checks.items() if state == "unavailable"}
    required = set(getattr(settings, "HEALTH_REQUIRED", ["database"]))
    if down & required:
        return JsonResponse({"status": "unavailable", "checks": checks}, status=503)
    return JsonResponse({"status": "degraded" if down else "ok", "checks": checks})
