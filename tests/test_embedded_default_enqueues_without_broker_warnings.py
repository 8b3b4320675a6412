"""The embedded default (no REDIS_URL) runs tasks in-process; enqueueing one says nothing alarming.

kombu's in-memory transport warned "No hostname was supplied. Reverting to default 'localhost'"
on every command that enqueued a task, which reads like a misconfigured broker."""

import logging

from django.conf import settings

from tracker.celery import app


def test_the_in_memory_broker_connects_without_a_no_hostname_warning(caplog):
    # Given the embedded default's broker (what CELERY_BROKER_URL is without REDIS_URL; CI sets one)
    broker = settings.EMBEDDED_BROKER_URL
    assert (settings.REDIS_URL or broker) == settings.CELERY_BROKER_URL
    # When a connection to it is made and described, as enqueueing a task does
    with caplog.at_level(logging.WARNING), app.connection_for_write(broker) as connection:
        connection.ensure_connection(max_retries=1)
        described = connection.as_uri()
    # Then kombu has nothing to warn about
    assert described.startswith("memory://")
    assert not [r for r in caplog.records if "hostname" in r.getMessage().lower()]
