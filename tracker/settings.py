"""Settings, read from the environment.

Nothing set: SQLite in the project folder and Celery tasks run in-process (eager), so the app runs
with no services. `DATABASE_URL` switches to PostgreSQL, `REDIS_URL` to a Redis broker and cache.
The helpers below are strict on purpose: a typo in a boolean must stop the process, not turn a
security setting off (healthchecks `hc/settings.py` does the same).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp import constants as csp_constants
from django.core.exceptions import ImproperlyConfigured
from dotenv import load_dotenv
from redis.backoff import NoBackoff
from redis.retry import Retry

BASE_DIR = Path(__file__).resolve().parent.parent

# `make install` writes a local .env with a generated SECRET_KEY, so commands run on a
# developer's machine without exporting anything. Variables already set always win.
load_dotenv(os.environ.get("DOTENV_PATH", BASE_DIR / ".env"), override=False)


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = envbool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    # Only ever used with DEBUG on (the local demo); a deployment must set its own.
    SECRET_KEY = "django-insecure-local-development-only-" + "x" * 20

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
# The public address in absolute links (permalinks, citations, feeds, exports, the API). When it is
# not set, links use the address of the request they answer (its host checked by ALLOWED_HOSTS), so
# the app served on another port or name links to itself; set it behind a proxy that rewrites Host.
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
SITE_NAME = os.environ.get("SITE_NAME", "Commitment Tracker")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.syndication",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "import_export",
    "axes",
    "tracker.commitments",
    "tracker.ingest",
    "tracker.public",
    "tracker.editor",
    "tracker.follow",
    "tracker.demo",  # manage.py load_demo and generate_scale_data; no models
    # Registers the full-text lookups used on PostgreSQL; harmless on SQLite.
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "tracker.nul_paths.RefuseNulPathsMiddleware",  # before anything looks the path up
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",  # Content-Security-Policy (CONTENT_SECURITY_POLICY below)
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lock-out raised by the backend into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tracker.urls"
WSGI_APPLICATION = "tracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tracker.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default: one writer at a time, so wait for the lock rather than fail, and
    # start write transactions immediately so two writers do not deadlock on an upgrade.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # Checked first, so a locked-out login is refused before any password hash is computed.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "editor:home"
LOGOUT_REDIRECT_URL = "public:dashboard"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Archived copies of cited pages (tracker.ingest.archive): a directory of their own, under
# MEDIA_ROOT unless set; never in git (.gitignore has /media/).
ARCHIVE_ROOT = Path(os.environ.get("ARCHIVE_ROOT", MEDIA_ROOT / "archive"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "archive": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": ARCHIVE_ROOT}},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
    # The full dump and data package built offline (tracker.public.offline), served by the app.
    # allow_overwrite: each kind's manifest is replaced by a rename, so a reader never sees half of it.
    "exports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": Path(os.environ.get("EXPORTS_DIR", BASE_DIR / "var" / "exports")),
            "allow_overwrite": True,
        },
    },
}

# --- Restoring a JSON dump (docs/operations.md) ------------------------------------------------
# `SIMPLE_HISTORY_ENABLED=false manage.py loaddata`: the dump holds the change history already;
# history recorded while loading it (loaddata's many-to-many changes) would collide with it.
SIMPLE_HISTORY_ENABLED = envbool("SIMPLE_HISTORY_ENABLED", True)
# dumpdata's JSON keeps times to the microsecond, as the database has them (tracker.exact_json).
SERIALIZATION_MODULES = {"json": "tracker.exact_json"}

# --- Redis: broker and cache -------------------------------------------------------------------

REDIS_URL = os.environ.get("REDIS_URL", "")
# The page cache degrades to the database when Redis is down (tracker.public.caching). Short
# timeouts and a single immediate retry (for a pooled connection that a Redis restart closed) keep
# a dead or unreachable Redis to a fraction of a second per request; redis-py's default retries
# with backoff would cost seconds.
CACHE_OPTIONS = {
    "socket_connect_timeout": envint("CACHE_TIMEOUT_MS", 250) / 1000,
    "socket_timeout": envint("CACHE_TIMEOUT_MS", 250) / 1000,
    "retry": Retry(NoBackoff(), 1),
}

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "tracker"),
            "OPTIONS": CACHE_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# What /healthz requires (503 without it); the others are reported as "degraded" (tracker.health).
HEALTH_REQUIRED = envlist("HEALTH_REQUIRED", ["database"])

# --- Celery ------------------------------------------------------------------------------------

# Without REDIS_URL, tasks run in-process when enqueued (the embedded default needs no worker).
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = envbool("CELERY_TASK_EAGER_PROPAGATES", False)
# The in-memory transport needs a host name, or kombu warns "No hostname was supplied" on every
# command that enqueues a task (load_demo, import_article).
EMBEDDED_BROKER_URL = "memory://localhost/"
CELERY_BROKER_URL = REDIS_URL or EMBEDDED_BROKER_URL
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
# Tasks are idempotent, so a message is acknowledged only after its task ran: a worker that dies
# mid-task leaves the message to be delivered again rather than lost.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Redis re-delivers an unacknowledged message after the visibility timeout. A task that could
# still be running then would run twice at once, so every time limit stays well below it
# (Read the Docs: "At 1h exactly, the task is grabbed by another worker and re-executed").
CELERY_BROKER_VISIBILITY_TIMEOUT = envint("CELERY_BROKER_VISIBILITY_TIMEOUT", 3600)
CELERY_TASK_TIME_LIMIT = envint("CELERY_TASK_TIME_LIMIT", 300)
# The soft limit lets a task record why it stopped before the hard limit kills it.
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - min(30, CELERY_TASK_TIME_LIMIT // 5)
if CELERY_TASK_TIME_LIMIT >= CELERY_BROKER_VISIBILITY_TIMEOUT:
    raise ImproperlyConfigured("CELERY_TASK_TIME_LIMIT must stay below CELERY_BROKER_VISIBILITY_TIMEOUT")
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_BROKER_VISIBILITY_TIMEOUT,
    # How often a worker looks for messages whose visibility timeout ran out (a dead worker's):
    # about interval x throttle seconds.
    "unacked_restore_interval": envint("CELERY_BROKER_RESTORE_INTERVAL", 10),
    "unacked_restore_throttle": envint("CELERY_BROKER_RESTORE_THROTTLE", 10),
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing gives up quickly when the broker is down: the article waits in the outbox instead
# and the editor is not kept waiting (Celery's defaults: a 4 s connect timeout, 3 retries).
CELERY_BROKER_CONNECTION_TIMEOUT = envint("CELERY_BROKER_CONNECTION_TIMEOUT", 2)
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
CELERY_BEAT_SCHEDULE = {
    "poll-feeds": {
        "task": "tracker.ingest.tasks.poll_feeds",
        "schedule": timedelta(minutes=envint("FEED_POLL_MINUTES", 30)),
    },
    # Imports saved while the broker was down (tracker.ingest.outbox): published again within
    # this many seconds of its return.
    # It also notices a broker that came back empty and publishes every waiting article again.
    "publish-outbox": {
        "task": "tracker.ingest.tasks.publish_outbox",
        "schedule": timedelta(seconds=envint("OUTBOX_SWEEP_SECONDS", 15)),
    },
    # Articles whose worker died: sent again within this many seconds of their lease running out.
    "requeue-stalled-articles": {
        "task": "tracker.ingest.tasks.requeue_stalled_articles",
        "schedule": timedelta(seconds=envint("REQUEUE_STALLED_SECONDS", 15)),
    },
    # Follow by e-mail: hourly, it sends the daily and weekly digests that are due (each claimed
    # before it is sent, so a late or repeated run sends nothing twice).
    "follow-digests": {
        "task": "tracker.follow.tasks.send_digests",
        "schedule": timedelta(minutes=envint("FOLLOW_DIGEST_MINUTES", 60)),
    },
    # Editors' daily digests: hourly too, each editor's day claimed once, so an hour missed by a
    # stopped beat is made up at the next run and a repeated run sends nothing twice.
    "editor-digests": {
        "task": "tracker.follow.tasks.send_editor_digests",
        "schedule": timedelta(minutes=envint("FOLLOW_DIGEST_MINUTES", 60)),
    },
    # Archived copies of cited pages (tracker.ingest.archive): captures still pending after a
    # broker outage or a failed attempt are sent again; due re-checks of the live pages are sent
    # in batches, spaced per host.
    "archive-captures": {
        "task": "tracker.ingest.archive_tasks.sweep_archive_captures",
        "schedule": timedelta(minutes=envint("ARCHIVE_SWEEP_MINUTES", 15)),
    },
    "archive-rechecks": {
        "task": "tracker.ingest.archive_tasks.recheck_archives",
        "schedule": timedelta(minutes=envint("ARCHIVE_RECHECK_SWEEP_MINUTES", 60)),
    },
    # The full dump and the data package, built offline when due (tracker.public.offline).
    "build-exports": {
        "task": "tracker.public.tasks.build_exports",
        "schedule": timedelta(minutes=envint("EXPORTS_CHECK_MINUTES", 10)),
    },
}
# --- Exports built offline (tracker.public.offline) ----------------------------------------------
EXPORTS_CHECK_MINUTES = envint("EXPORTS_CHECK_MINUTES", 10)
# After a public change, a file is rebuilt once it is this old: an editor's burst of work costs a
# build or two, not one per assessment.
EXPORTS_REBUILD_MINUTES = envint("EXPORTS_REBUILD_MINUTES", 30)
EXPORTS_MAX_AGE_HOURS = envint("EXPORTS_MAX_AGE_HOURS", 24)
# Up to this many published commitments, a missing or stale file is built in the request (a few
# seconds); above it, the request serves the latest file, or a 503 if none was built yet.
EXPORTS_ON_DEMAND_MAX = envint("EXPORTS_ON_DEMAND_MAX", 2000)
# A build at 200,000 commitments takes minutes; its task's own limit stays below the visibility
# timeout like every other (see above). The default follows a shortened visibility timeout (the
# fault tests use 10 s); a value set by hand is checked.
EXPORTS_BUILD_TIME_LIMIT = envint("EXPORTS_BUILD_TIME_LIMIT", min(3000, CELERY_BROKER_VISIBILITY_TIMEOUT * 5 // 6))
if not 0 < EXPORTS_BUILD_TIME_LIMIT < CELERY_BROKER_VISIBILITY_TIMEOUT:
    raise ImproperlyConfigured("EXPORTS_BUILD_TIME_LIMIT must be above 0 s and below CELERY_BROKER_VISIBILITY_TIMEOUT")
# Task modules outside an app's tasks.py (autodiscovery finds only those).
CELERY_IMPORTS = ["tracker.ingest.archive_tasks"]

# --- The pipeline ------------------------------------------------------------------------------

FETCH_MAX_BYTES = envint("FETCH_MAX_BYTES", 10 * 1024 * 1024)
FETCH_CONNECT_TIMEOUT = envint("FETCH_CONNECT_TIMEOUT", 5)
FETCH_READ_TIMEOUT = envint("FETCH_READ_TIMEOUT", 20)
# A server that drips a byte every few seconds never trips the read timeout; this limit on the
# whole fetch (redirects included) does. Below the task's soft time limit.
FETCH_TOTAL_TIMEOUT = envint("FETCH_TOTAL_TIMEOUT", 60)
FETCH_USER_AGENT = os.environ.get("FETCH_USER_AGENT", "CommitmentTracker/0.1 (+https://github.com/commitment-tracker)")
# How long a claimed article stays claimed before another worker may take it over. The running
# task renews it every third of this (tracker.ingest.tasks), so it can be short: a killed worker's
# article is taken over this long after its last renewal (README, "Faults and recovery").
PIPELINE_LEASE_SECONDS = envint("PIPELINE_LEASE_SECONDS", 45)
UPLOAD_MAX_BYTES = envint("UPLOAD_MAX_BYTES", 2 * 1024 * 1024)
# The longest document one analysis takes, in characters; longer ones are refused up front so that
# none is stopped by the time limit midway (tracker.ingest.size).
ANALYSIS_MAX_CHARS = envint("ANALYSIS_MAX_CHARS", 1_000_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES + 512 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES

# --- Archived copies of cited pages (tracker.ingest.archive) -------------------------------------

# Capture a newly cited address after the transaction commits (off in the test settings, whose
# fixtures cite addresses that must not be fetched; the tests of archives turn it on).
ARCHIVE_ON_CITE = envbool("ARCHIVE_ON_CITE", True)
# A capture that may work later (timeout, 5xx) is tried this many times, the first retry after
# ARCHIVE_RETRY_SECONDS, doubling; then it fails with the last reason.
ARCHIVE_MAX_ATTEMPTS = envint("ARCHIVE_MAX_ATTEMPTS", 4)
ARCHIVE_RETRY_SECONDS = envint("ARCHIVE_RETRY_SECONDS", 600)
# Each live page is fetched again every this many days, at most ARCHIVE_RECHECK_BATCH per sweep,
# one request per host every ARCHIVE_HOST_INTERVAL_SECONDS.
ARCHIVE_RECHECK_DAYS = envint("ARCHIVE_RECHECK_DAYS", 7)
# The defaults (200 and 10 s) shrink to fit a shortened visibility timeout (the fault tests use
# 10 s); values set by hand are checked.
ARCHIVE_HOST_INTERVAL_SECONDS = envint(
    "ARCHIVE_HOST_INTERVAL_SECONDS", max(1, min(10, CELERY_BROKER_VISIBILITY_TIMEOUT // 4))
)
ARCHIVE_RECHECK_BATCH = envint(
    "ARCHIVE_RECHECK_BATCH",
    max(1, min(200, (CELERY_BROKER_VISIBILITY_TIMEOUT * 3 // 4) // ARCHIVE_HOST_INTERVAL_SECONDS)),
)
# A re-check waits in the broker for up to batch × interval seconds; past the visibility timeout
# Redis would deliver it a second time.
if ARCHIVE_RECHECK_BATCH * ARCHIVE_HOST_INTERVAL_SECONDS >= CELERY_BROKER_VISIBILITY_TIMEOUT:
    raise ImproperlyConfigured(
        "ARCHIVE_RECHECK_BATCH × ARCHIVE_HOST_INTERVAL_SECONDS must stay below CELERY_BROKER_VISIBILITY_TIMEOUT"
    )
# A page is "gone" after this many misses in a row (404, 410, no such host), at least
# ARCHIVE_MISS_RETRY_SECONDS apart: one failed lookup or one bad deploy does not make it gone.
ARCHIVE_GONE_AFTER = envint("ARCHIVE_GONE_AFTER", 3)
ARCHIVE_MISS_RETRY_SECONDS = envint("ARCHIVE_MISS_RETRY_SECONDS", 3600)

# --- E-mail and Follow by e-mail ---------------------------------------------------------------

# Without EMAIL_HOST, messages are printed on the console (the embedded default sends nothing).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "tracker@localhost")
# How long a confirmation link works; unconfirmed requests are deleted after it.
FOLLOW_CONFIRM_HOURS = envint("FOLLOW_CONFIRM_HOURS", 48)
# Requests to follow, per address and per client (IP), in a window of this many seconds.
FOLLOW_THROTTLE_SECONDS = envint("FOLLOW_THROTTLE_SECONDS", 3600)
FOLLOW_THROTTLE_PER_ADDRESS = envint("FOLLOW_THROTTLE_PER_ADDRESS", 5)
FOLLOW_THROTTLE_PER_CLIENT = envint("FOLLOW_THROTTLE_PER_CLIENT", 20)

# --- Read API ----------------------------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Commitment Tracker read API",
    "DESCRIPTION": "Published commitments, their status history, dialogues, meetings and parties.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Served from the app, not a CDN: readers behind firewalls, and privacy.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # The 400 and 404 answers the views give, documented (tracker.public.api.schema).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "tracker.public.api.schema.document_errors",
        "tracker.public.api.schema.bound_page_size",
    ],
}

# --- Accounts and sessions ---------------------------------------------------------------------

# Idle timeout: the session expires after this long without a request.
SESSION_COOKIE_AGE = envint("SESSION_IDLE_SECONDS", 60 * 60 * 2)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Failed logins are counted per username *and* address, so an attacker elsewhere cannot lock a
# real editor out; the lock lifts by itself after the cool-off.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_IPWARE_PROXY_COUNT = envint("AXES_PROXY_COUNT", 0) or None

# --- Security ----------------------------------------------------------------------------------

SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the health check speaks plain HTTP inside the network
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp; Django 5.2 has none of its own): scripts, styles, images and
# fonts from this site only, no inline script or style (no 'unsafe-inline' anywhere), no plugins, no
# framing, forms posted only here. The pages' scripts and styles are static files; the API's Swagger
# UI takes its set-up script as a file too (SpectacularSwaggerSplitView). One exception, in
# tracker/public/api/urls.py: the third-party ReDoc page writes <style> elements at run time and
# cannot be given a nonce, so its style-src alone adds 'unsafe-inline'. Checked by
# tests/test_every_page_carries_a_content_security_policy.py and, for violations the browser
# reports, by the browser tests.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp_constants.SELF],
        "script-src": [csp_constants.SELF],
        "style-src": [csp_constants.SELF],
        "img-src": [csp_constants.SELF, "data:"],
        "font-src": [csp_constants.SELF],
        "connect-src": [csp_constants.SELF],
        "object-src": [csp_constants.NONE],
        "base-uri": [csp_constants.SELF],
        "form-action": [csp_constants.SELF],
        "frame-ancestors": [csp_constants.NONE],
    },
}
# The embeds (/embed/…, tracker.public.embeds) alone may be framed, by these origins ("*": any
# site); every other page keeps frame-ancestors 'none' and X-Frame-Options: DENY.
EMBED_FRAME_ANCESTORS = envlist("EMBED_FRAME_ANCESTORS", ["*"])
if envbool("BEHIND_TLS_PROXY", False):
    # Only behind a proxy that sets this header itself and strips it from clients.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "trafilatura": {"level": "WARNING"},
        "readability": {"level": "WARNING"},
    },
}
