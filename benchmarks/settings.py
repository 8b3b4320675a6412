"""Settings for benchmarks/web.py only: the project's settings, plus a no-op view to compare with.

The cache is switched by BENCH_CACHE: `off` (every page rendered: the uncached path) or `on`
(each worker's local memory; REDIS_URL is honoured as in production when set). Plain HTTP on
127.0.0.1, so the HTTPS redirects are off.
"""

import os

os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-never-used-elsewhere-0123456789")

from tracker.settings import *  # noqa: F403
from tracker.settings import CACHES, LOGGING

ROOT_URLCONF = "benchmarks.urls"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]  # testserver: --profile
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0

if os.environ.get("BENCH_CACHE", "off") == "off":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
elif not os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}}}

# 404s and slow pages are expected here; keep the server's log to errors.
LOGGING = {**LOGGING, "root": {**LOGGING["root"], "level": "ERROR"}}

# No collectstatic before a benchmark: static files come from the finders, without the manifest.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
WHITENOISE_USE_FINDERS = True
