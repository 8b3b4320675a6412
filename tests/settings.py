"""Settings for the test suite: the project's settings with a test key and fast hashing.

DATABASE_URL and REDIS_URL are honoured as in production, so the same suite runs on SQLite by
default and on PostgreSQL and Redis in CI.
"""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-used-anywhere-else-0123456789")

from tracker.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "archive": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Files built offline (tracker.public.offline): a directory of this run's own, never the checkout's.
    "exports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tempfile.mkdtemp(prefix="tracker-test-exports-"), "allow_overwrite": True},
    },
}
# In-process tasks in tests raise, so a bug in a task fails the test that enqueued it.
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ALWAYS_EAGER = True
# Fixtures cite addresses (example.org) that must not be fetched; the archive tests turn it on.
ARCHIVE_ON_CITE = False
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Serve static files from the apps and static/ directly (no collectstatic before tests).
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
