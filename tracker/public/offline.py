"""The full dump and the data package of today, built offline and served as files.

Both hold every published commitment with its whole log: at 200,000 commitments and 600,000
assessments they take minutes to write, far longer than a request may (docs/performance.md). So
`build()` writes them to the `exports` storage (settings.STORAGES, a directory outside the
repository by default), called by `manage.py build_exports` and by beat's
`tracker.public.tasks.build_exports`, and the public addresses send the latest file built.

- A build writes its file under a new name (the kind, the time, the start of its SHA-256), then
  replaces the kind's manifest (`dump.manifest.json`: the file's name, generation time, SHA-256,
  size, the site address its links start with and the data versions it was built from). The
  manifest is replaced by a rename (a file moved within one directory, `FileSystemStorage` with
  `allow_overwrite`), so a reader finds either the old manifest or the new one, each naming a
  whole file; the previous file is kept for readers still downloading it, older ones are removed.
- A build reads the database in one REPEATABLE READ transaction on PostgreSQL: the log, the
  sources and the commitments of a file are one moment's.
- The download answers with `ETag` (the SHA-256) and `Last-Modified` (the generation time), and
  a 304 to a conditional GET that matches.
- Fresh or stale: a file is fresh while the public data versions (`commitments.cache`: bumped
  after every public change) are those it was built from. A stale file is still served, until
  the next build: beat checks every EXPORTS_CHECK_MINUTES and rebuilds a kind whose data changed
  once its file is EXPORTS_REBUILD_MINUTES old (so an editor's afternoon of work costs a few
  builds, not one per assessment), and every kind at least every EXPORTS_MAX_AGE_HOURS.
- Nothing built yet, or stale: a tracker of at most EXPORTS_ON_DEMAND_MAX published commitments
  (a demo, a new deployment, the tests) is built in the request, a few seconds at most, one
  build at a time; a larger one without any file answers 503 with a message saying when to come
  back, and asks beat's task to build now. The request never does a large build itself: that is
  what would time out.
- A past date (`?as_of=`) is not built offline: those downloads are written as they are sent
  (streamed), `exports.dump_parts` and `datapackage.package_parts`.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import storages
from django.db import DatabaseError, connection, transaction
from django.http import FileResponse, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from tracker.commitments.cache import CACHE_UNAVAILABLE, LISTS, versions
from tracker.commitments.columns import COLUMNS
from tracker.commitments.models import Commitment
from tracker.public import datapackage, exports, links
from tracker.public.asof import long_date, parse_as_of, view_date
from tracker.public.caching import public_page
from tracker.public.streaming import guarded_stream

logger = logging.getLogger(__name__)

STORAGE = "exports"
WRITE_BYTES = 1024 * 1024  # parts are gathered into writes of about this size


@dataclass(frozen=True)
class Kind:
    key: str
    title: str
    suffix: str
    content_type: str
    parts: Callable[..., Iterator[bytes]]  # (site=, generated_at=) -> the file's bytes

    @property
    def manifest(self) -> str:
        return f"{self.key}.manifest.json"

    def download_name(self, day: datetime.date) -> str:
        if self.key == "datapackage":
            return f"commitment-tracker-{day.isoformat()}-datapackage.zip"
        return f"commitment-tracker-{day.isoformat()}{self.suffix}"


def _dump_parts(*, site: str, generated_at: datetime.datetime) -> Iterator[bytes]:
    documentation = links.absolute(reverse("public:exports"), datapackage._At(site))
    for part in exports.dump_parts(None, site=site, documentation=documentation, generated_at=generated_at):
        yield part.encode("utf-8")


def _package_parts(*, site: str, generated_at: datetime.datetime) -> Iterator[bytes]:
    return datapackage.package_parts(day=None, site=site)


DUMP = Kind("dump", "Full data dump (JSON)", ".json", "application/json; charset=utf-8", _dump_parts)
DATAPACKAGE = Kind("datapackage", "Data package (zip)", ".zip", "application/zip", _package_parts)
KINDS = {kind.key: kind for kind in (DUMP, DATAPACKAGE)}


def storage():
    return storages[STORAGE]


# --- The manifest --------------------------------------------------------------------------------


def current(kind: Kind) -> dict | None:
    """The manifest of the latest file built of `kind`, or None."""
    try:
        with storage().open(kind.manifest, "rb") as manifest:
            return json.loads(manifest.read())
    except FileNotFoundError:
        return None


def data_versions() -> list[int] | None:
    """The versions of what the public sees (site, lists), or None if the cache cannot tell."""
    try:
        return list(versions(LISTS))
    except CACHE_UNAVAILABLE:
        return None


def is_fresh(entry: dict, site: str) -> bool:
    """Whether the file of `entry` holds today's public data, with links to `site`."""
    now = data_versions()
    return (now is None or entry.get("versions") == now) and entry.get("site") == site


def generated_at(entry: dict) -> datetime.datetime:
    return datetime.datetime.fromisoformat(entry["generated_at"])


class _Moved(File):
    """A file that FileSystemStorage moves into place (a rename) instead of copying: it is
    written in the storage's own directory, so the move never crosses file systems."""

    def temporary_file_path(self) -> str:
        return self.file.name


@contextmanager
def _scratch(where):
    """A temporary file beside the storage's files (on the same file system), removed if unused."""
    try:
        directory = where.path("")
    except NotImplementedError:  # a storage without local paths: the system's temporary directory
        directory = None
    if directory:
        os.makedirs(directory, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=directory, prefix=".building-", delete=False) as handle:
        try:
            yield handle
        finally:
            if os.path.exists(handle.name):  # not moved into place: an error on the way
                os.unlink(handle.name)


def _save(where, name: str, handle) -> str:
    handle.flush()
    handle.seek(0)
    return where.save(name, _Moved(handle, name=name))


@contextmanager
def _snapshot():
    """One consistent reading of the database for a whole build (PostgreSQL: REPEATABLE READ,
    read only). Inside a transaction already (the tests), that transaction's reading is used."""
    if connection.in_atomic_block or connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


# --- Building ------------------------------------------------------------------------------------


def build(kind: Kind, *, site: str | None = None) -> dict:
    """Write the file of `kind` and make it the one served; its manifest entry."""
    where = storage()
    seen = data_versions()  # before reading: a change during the build leaves the file stale
    site = site or default_site(kind)
    started = timezone.now().replace(microsecond=0)
    clock = time.monotonic()
    digest, size = hashlib.sha256(), 0
    with _scratch(where) as handle:
        pending: list[bytes] = []
        with _snapshot():
            for part in kind.parts(site=site, generated_at=started):
                pending.append(part)
                if sum(map(len, pending)) >= WRITE_BYTES:
                    data = b"".join(pending)
                    handle.write(data)
                    digest.update(data)
                    size += len(data)
                    pending.clear()
        data = b"".join(pending)
        handle.write(data)
        digest.update(data)
        size += len(data)
        sha = digest.hexdigest()
        name = _save(where, f"{kind.key}-{started:%Y%m%dT%H%M%SZ}-{sha[:12]}{kind.suffix}", handle)
    entry = {
        "name": name,
        "generated_at": started.isoformat(),
        "sha256": sha,
        "size": size,
        "site": site,
        "versions": seen,
        "seconds": round(time.monotonic() - clock, 1),
    }
    previous = current(kind)
    with _scratch(where) as handle:
        handle.write(json.dumps(entry).encode())
        _save(where, kind.manifest, handle)  # the switch: a rename over the old manifest
    keep = {name, kind.manifest} | ({previous["name"]} if previous else set())
    _prune(where, kind, keep)
    logger.info("Built the %s: %s, %d bytes in %.1f s", kind.key, name, size, entry["seconds"])
    return entry


def _prune(where, kind: Kind, keep: set[str]) -> None:
    """Remove the files of `kind` that are neither served nor the one before (still being
    downloaded by someone who read the manifest just before the switch)."""
    _, files = where.listdir("")
    for name in files:
        if name.startswith(f"{kind.key}-") and name.endswith(kind.suffix) and name not in keep:
            where.delete(name)


def default_site(kind: Kind) -> str:
    """The address links in a build start with: SITE_URL; unset, the address of the last build
    (made by a request that asked for it), else the local default."""
    if settings.SITE_URL:
        return settings.SITE_URL
    entry = current(kind)
    return entry["site"] if entry else links.site_url()


@contextmanager
def building(kind: Kind, *, seconds: int):
    """Hold the build lock of `kind` (in the cache, shared by every process) for at most
    `seconds`; yields whether it was taken. Without a reachable cache, builds are not serialised."""
    key, token = f"exports-build:{kind.key}", uuid.uuid4().hex
    try:
        taken = cache.add(key, token, timeout=seconds)
    except CACHE_UNAVAILABLE:
        taken, key = True, None
    try:
        yield taken
    finally:
        if taken and key:
            try:
                if cache.get(key) == token:
                    cache.delete(key)
            except CACHE_UNAVAILABLE:
                pass


def due(kind: Kind, *, now: datetime.datetime | None = None) -> str:
    """Why `kind` should be built now ("" if it should not): beat's rule, see the module's docstring."""
    entry = current(kind)
    if entry is None:
        return "nothing built yet"
    age = (now or timezone.now()) - generated_at(entry)
    if age >= datetime.timedelta(hours=settings.EXPORTS_MAX_AGE_HOURS):
        return f"built {age} ago"
    if not is_fresh(entry, default_site(kind)) and age >= datetime.timedelta(minutes=settings.EXPORTS_REBUILD_MINUTES):
        return "the public data changed since it was built"
    return ""


def build_due(*, force: bool = False, only: list[str] | None = None, site: str | None = None) -> list[dict]:
    """Build every kind that is due (or all with `force`), each under its lock; the entries built."""
    built = []
    for kind in KINDS.values():
        if only and kind.key not in only:
            continue
        reason = "asked" if force else due(kind)
        if not reason:
            continue
        with building(kind, seconds=settings.EXPORTS_BUILD_TIME_LIMIT) as taken:
            if not taken:
                logger.info("The %s is being built by another process; skipped", kind.key)
                continue
            logger.info("Building the %s: %s", kind.key, reason)
            built.append({"kind": kind.key, **build(kind, site=site)})
    return built


# --- Serving ------------------------------------------------------------------------------------


def _small() -> bool:
    return Commitment.objects.published().count() <= settings.EXPORTS_ON_DEMAND_MAX


def _unavailable(message: str) -> HttpResponse:
    response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = "300"
    add_never_cache_headers(response)
    return response


def _ask_for_a_build() -> None:
    """Have beat's task build what is missing now, at most once in five minutes; nothing to do
    without a worker (the in-process default), where only small trackers are built in the request."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return
    from tracker.public.tasks import build_exports

    try:
        if cache.add("exports-build-asked", 1, timeout=300):
            build_exports.delay()
    except Exception:  # the broker or the cache is down: beat builds it on its next round
        logger.exception("Could not ask for an exports build")


def _file_for(request, kind: Kind) -> tuple[dict | None, HttpResponse | None]:
    """The manifest entry to serve, or the response to give instead."""
    site = links.site_url(request)
    entry = current(kind)
    if entry is not None and is_fresh(entry, site):
        return entry, None
    try:
        small = _small()
        if small:
            with building(kind, seconds=60) as taken:
                if taken:
                    return build(kind, site=site), None
    except DatabaseError:
        logger.exception("The %s could not be built on demand", kind.key)
        if entry is None:
            return None, _unavailable("The database is unavailable; try again in a minute.\n")
        return entry, None
    if entry is not None:
        return entry, None  # the latest built: the next build replaces it
    _ask_for_a_build()
    return None, _unavailable(
        f"The {kind.title.lower()} has not been built yet. It is built offline, by `manage.py build_exports` "
        f"or by the scheduled task (at least every {settings.EXPORTS_MAX_AGE_HOURS} hours, and within "
        f"{settings.EXPORTS_CHECK_MINUTES + settings.EXPORTS_REBUILD_MINUTES} minutes of a change); a build was "
        "requested. Try again in a few minutes. The exports of a past date (add ?as_of=YYYY-MM-DD) and the CSV "
        "and JSON of any filtered list are written as you download them and are available now.\n"
    )


def serve(request, kind: Kind) -> HttpResponse:
    entry, refusal = _file_for(request, kind)
    if refusal is not None:
        return refusal
    etag = f'"{entry["sha256"]}"'
    modified = int(generated_at(entry).timestamp())
    headers = {"ETag": etag, "Last-Modified": http_date(modified)}
    not_modified = get_conditional_response(request, etag=etag, last_modified=modified)
    if not_modified is None:
        try:
            handle = storage().open(entry["name"], "rb")
        except FileNotFoundError:  # replaced twice since its manifest was read: read it again
            entry = current(kind)
            if entry is None:
                return _unavailable("The file was removed while it was asked for; try again in a minute.\n")
            handle = storage().open(entry["name"], "rb")
            headers = {"ETag": f'"{entry["sha256"]}"', "Last-Modified": http_date(generated_at(entry).timestamp())}
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=kind.download_name(generated_at(entry).date()),
            content_type=kind.content_type,
        )
    else:
        response = not_modified
    for header, value in headers.items():
        response[header] = value
    patch_cache_control(response, public=True, max_age=60)
    return response


def _public(response: HttpResponse) -> HttpResponse:
    if response.status_code == 200:  # never a 503 of a failing database
        patch_cache_control(response, public=True, max_age=60)
    return response


@require_safe
def dump(request):
    """Every published commitment with its whole assessment log and evidence, as one JSON document:
    today's from the file built offline, a past date's written as it is sent."""
    day = view_date(request).as_of
    if day is None:
        return serve(request, DUMP)
    parts = exports.dump_parts(
        day, site=links.site_url(request), documentation=links.absolute(reverse("public:exports"), request)
    )
    return _public(
        guarded_stream(
            parts,
            content_type="application/json; charset=utf-8",
            filename=DUMP.download_name(day),
            what="full dump",
        )
    )


@require_safe
def export_datapackage(request):
    """The data package: today's from the file built offline, a past date's zipped as it is sent."""
    if not request.GET.get("as_of", "").strip():
        return serve(request, DATAPACKAGE)
    try:
        day = parse_as_of(request.GET["as_of"])
    except ValidationError as error:
        return HttpResponseBadRequest(error.messages[0] + "\n", content_type="text/plain; charset=utf-8")
    parts = datapackage.package_parts(day=day, site=links.site_url(request))
    return _public(
        guarded_stream(
            parts, content_type="application/zip", filename=DATAPACKAGE.download_name(day), what="data package"
        )
    )


# --- The exports page ----------------------------------------------------------------------------


def builds() -> list[dict]:
    """What the exports page says of each file built offline."""
    shown = []
    for kind in KINDS.values():
        entry = current(kind)
        shown.append(
            {
                "kind": kind.key,
                "title": kind.title,
                "entry": entry,
                "generated_at": generated_at(entry) if entry else None,
                "seconds": entry.get("seconds") if entry else None,
            }
        )
    return shown


def _page_scope() -> str:
    """The page cache's scope of the exports page: it names the files built, so a new build shows
    at once, without invalidating any other page."""
    names = [(current(kind) or {}).get("sha256", "none")[:12] for kind in KINDS.values()]
    return "exports:" + "-".join(names)


@public_page(scope=_page_scope)
def exports_page(request):
    vd = view_date(request)
    context = {
        "columns": COLUMNS,
        "builds": builds(),
        "check_minutes": settings.EXPORTS_CHECK_MINUTES,
        "rebuild_minutes": settings.EXPORTS_REBUILD_MINUTES,
        "max_age_hours": settings.EXPORTS_MAX_AGE_HOURS,
        "view_date": vd,
        "today": timezone.localdate(),
        "current_url": request.path,
        "long_day": long_date(vd.day),
    }
    return render(request, "public/exports.html", context, status=400 if vd.error else 200)
