"""Shared by the follow-by-e-mail tests: a real SMTP server on 127.0.0.1 (aiosmtpd) and the links
read out of the messages it received."""

from __future__ import annotations

import email
import email.policy
import re
import socket
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller

CONFIRM = re.compile(r"https?://\S+/follow/confirm/[^/\s]+/")
UNSUBSCRIBE = re.compile(r"https?://\S+/follow/unsubscribe/[^/\s]+/")


def path_of(url: str) -> str:
    return urlsplit(url).path


def confirm_link(body: str) -> str:
    return CONFIRM.search(body).group(0)


def unsubscribe_link(body: str) -> str:
    return UNSUBSCRIBE.search(body).group(0)


class Inbox:
    """An aiosmtpd handler keeping every message it accepts."""

    def __init__(self):
        self.messages = []
        self.raw = []  # the bytes as they came over the wire

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        self.raw.append(envelope.original_content)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_inbox(settings):
    inbox = Inbox()
    # A free port first: aiosmtpd's start() checks the server by connecting to the port it was given.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        yield inbox
    finally:
        controller.stop()


def text(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def post_and_send(client, url: str, data: dict, **extra):
    """POST as a reader, then run what the request enqueued on commit (the confirmation is sent
    by a task after the row is committed; a test's transaction never commits on its own)."""
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data, **extra)
