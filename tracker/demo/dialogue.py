"""Demonstration data: the first China–U.S. Law Enforcement and Cybersecurity Dialogue (2017).

The seed article is imported through the pipeline when its text is available (the shared
labelled set, `../shared/devset/`, or a path given to `load_demo --seed`), and its candidates are
accepted by the demonstration editor. Without it, the commitments below (their quotes, as
labelled in the devset) are entered by hand; the article text itself is never stored in the
repository. The assessments are invented to show the app at work and are marked as
demonstration data everywhere they appear.

Idempotent: every step looks for what it would create first, so a second run changes nothing.
"""

from __future__ import annotations

import datetime
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction

from tracker.commitments import actions
from tracker.commitments.models import Assessment, Commitment, Dialogue, Evidence, Meeting, Party, Topic
from tracker.commitments.status import Status

logger = logging.getLogger(__name__)

SEED_NAME = "xinhua-china-us-lecd-2017-10-06.txt"
SEED_DATE = datetime.date(2017, 10, 6)
DEMO_EDITOR = "demonstration-editor"


@dataclass(frozen=True)
class DemoCommitment:
    key: str
    title: str
    quote: str
    parties: tuple[str, ...]
    topics: tuple[str, ...]
    strength: str


BOTH = ("China", "United States")

# The commitments of the seed article, as labelled in the devset (quotes, not the article).
COMMITMENTS = [
    DemoCommitment(
        "cooperation",
        "Stronger cooperation on counter-narcotics, cybersecurity and repatriation",
        "China and the United States pledged to produce stronger and closer bilateral cooperation in "
        "counter-narcotics, cybersecurity, repatriation and other fields.",
        BOTH,
        ("counter-narcotics", "cybersecurity", "repatriation/fugitives"),
        "firm",
    ),
    DemoCommitment(
        "mechanism",
        "Make full use of the dialogue mechanism for law enforcement and cybersecurity",
        "the two sides agreed to commit to mutual respect, equity, frankness and pragmatism, make a full use of the "
        "dialogue mechanism and further strengthen bilateral communication and cooperation in law enforcement and "
        "cybersecurity.",
        BOTH,
        ("law-enforcement", "cybersecurity", "dialogue"),
        "firm",
    ),
    DemoCommitment(
        "narcotics",
        "Enhance cooperation on narcotics control and enforcement",
        "the two sides expressed their intention to enhance cooperation on narcotics control and enforcement",
        BOTH,
        ("counter-narcotics",),
        "intent",
    ),
    DemoCommitment(
        "consensus",
        "Continue implementing the presidents' 2017 consensus on cybersecurity cooperation",
        "gave a nod to continue their implementation of the consensus reached by the Chinese and U.S. presidents in "
        "2017 on China-U.S. cybersecurity cooperation.",
        BOTH,
        ("cybersecurity",),
        "firm",
    ),
    DemoCommitment(
        "identity",
        "Develop a repeatable process to verify the identity of illegal immigrants",
        "China and the United States also consented to develop a repeatable process to verify the identity of illegal "
        "immigrants in a timely manner.",
        BOTH,
        ("immigration",),
        "firm",
    ),
    DemoCommitment(
        "hotline",
        "Make full use of the cyber-crime hotline",
        "The two sides also intended to make a full use of the established hotline mechanism for addressing urgent "
        "cyber-crime and network protection issues and to communicate timely at the leadership and working levels.",
        BOTH,
        ("cybersecurity",),
        "intent",
    ),
    DemoCommitment(
        "cyberspace",
        "Push forward pragmatic cooperation for an orderly cyberspace",
        "The two sides will continue to push forward pragmatic cooperation, guaranteeing mutual benefit and promote a "
        "peaceful, safe, open, cooperative and orderly cyberspace, Guo said.",
        BOTH,
        ("cybersecurity",),
        "firm",
    ),
    DemoCommitment(
        "cases",
        "U.S. to use the dialogue to promote specific cases with China",
        "The United States also agreed to work with China to use the dialogue mechanism to strengthen bilateral "
        "cooperation in related areas, promote specific cases through dialogue with the Chinese side and work to "
        "yield more outcomes to benefit both countries and their peoples.",
        ("United States",),
        ("law-enforcement", "dialogue"),
        "firm",
    ),
]

# The one passage of the seed article that is evidence for a demonstration assessment: the U.S.
# hand-overs of suspects, for the United States' part of the cooperation pledge. Cited only where
# it fits, and only when the archived seed text holds it word for word.
HANDOVER = "Since June, the U.S. law enforcement has handed over two criminal suspects to Chinese police."

# (commitment key, party name or None for the whole, status, as_of, rationale, evidence passage
# or None); invented, except that the evidence quotes the seed article.
ASSESSMENTS = [
    (
        "cooperation",
        None,
        Status.IN_PROGRESS,
        datetime.date(2017, 12, 15),
        "Demonstration: working-level meetings on counter-narcotics and fugitives continued after the dialogue.",
        None,
    ),
    (
        "cooperation",
        "United States",
        Status.IN_PROGRESS,
        datetime.date(2017, 10, 6),
        "Demonstration: the report of the dialogue says the U.S. had handed over two criminal suspects since June.",
        HANDOVER,
    ),
    (
        "narcotics",
        None,
        Status.FULFILLED,
        datetime.date(2018, 6, 1),
        "Demonstration: recorded as fulfilled after joint operations were announced.",
        None,
    ),
    (
        "identity",
        "China",
        Status.IN_PROGRESS,
        datetime.date(2018, 2, 1),
        "Demonstration: verification of identities reported under way.",
        None,
    ),
    (
        "identity",
        "United States",
        Status.NOT_STARTED,
        datetime.date(2018, 2, 1),
        "Demonstration: no public sign of the verification process on the U.S. side.",
        None,
    ),
    (
        "identity",
        None,
        Status.IN_PROGRESS,
        datetime.date(2018, 2, 1),
        "Demonstration: one side has begun; the process is not yet repeatable.",
        None,
    ),
    (
        "hotline",
        None,
        Status.NO_INFORMATION,
        datetime.date(2018, 6, 30),
        "Demonstration: nothing public on the use of the hotline.",
        None,
    ),
    (
        "hotline",
        None,
        Status.STALLED,
        datetime.date(2019, 6, 30),
        "Demonstration: no second round of the dialogue; no sign the hotline is used.",
        None,
    ),
    (
        "mechanism",
        None,
        Status.STALLED,
        datetime.date(2019, 1, 1),
        "Demonstration: the dialogue has not met again since its first round.",
        None,
    ),
    (
        "consensus",
        None,
        Status.BROKEN,
        datetime.date(2019, 9, 1),
        "Demonstration: each side accused the other of acting against the 2015 cyber consensus.",
        None,
    ),
    (
        # A one-party commitment: the United States' status is its overall status.
        "cases",
        "United States",
        Status.IN_PROGRESS,
        datetime.date(2018, 4, 1),
        "Demonstration: specific cases were raised with the Chinese side at working level.",
        None,
    ),
]

# A correction: the narcotics assessment above overstated progress.
CORRECTION = (
    "narcotics",
    Status.IN_PROGRESS,
    datetime.date(2018, 6, 1),
    "Demonstration: joint operations were announced, not completed.",
    "Demonstration: the earlier entry counted an announcement as fulfilment.",
)


def seed_path(explicit: str | None = None, *, use_shared: bool = True) -> Path | None:
    if explicit:
        return Path(explicit) if Path(explicit).is_file() else None
    shared = settings.BASE_DIR.parent / "shared" / "devset" / SEED_NAME
    return shared if use_shared and shared.is_file() else None


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _matching(quote: str) -> DemoCommitment | None:
    words = _words(quote)
    best = max(COMMITMENTS, key=lambda d: len(words & _words(d.quote)) / len(words | _words(d.quote)))
    overlap = len(words & _words(best.quote)) / len(words | _words(best.quote))
    return best if overlap >= 0.5 else None


def load(*, seed: str | None = None, use_shared: bool = True, log=print) -> None:
    from tracker.commitments.reference_data import sync

    sync(Party, Topic)
    china = Party.objects.get(code="cn")
    united_states = Party.objects.get(code="us")
    editor, _ = User.objects.get_or_create(
        username=DEMO_EDITOR,
        defaults={"first_name": "Demonstration", "last_name": "editor", "is_active": False},
    )
    if editor.has_usable_password():
        editor.set_unusable_password()
        editor.save(update_fields=["password"])

    dialogue, created = Dialogue.objects.get_or_create(
        slug="china-us-lecd",
        defaults={
            "name": "China–U.S. Law Enforcement and Cybersecurity Dialogue",
            "short_name": "LECD",
            "reference_prefix": "LECD",
            "description": (
                "One of the four high-level dialogue mechanisms agreed by the Chinese and U.S. presidents at "
                "Mar-a-Lago in April 2017, covering counter-narcotics, cybersecurity, fugitives and illegal "
                "immigration. (Demonstration data.)"
            ),
            "established_on": datetime.date(2017, 4, 7),
            "state": Dialogue.State.SUSPENDED,
            "state_note": "No second round has been held since the first, in October 2017. (Demonstration note.)",
        },
    )
    if created:
        dialogue.parties.set([china, united_states])
    meeting, created = Meeting.objects.get_or_create(
        slug="lecd-2017-washington",
        defaults={
            "dialogue": dialogue,
            "title": "First round",
            "date": datetime.date(2017, 10, 4),
            "place": "Washington, D.C.",
            "co_chairs": (
                "Guo Shengkun, State Councilor and Minister of Public Security (China)\n"
                "Jeff Sessions, Attorney General (United States)\n"
                "Elaine Duke, Acting Secretary of Homeland Security (United States)"
            ),
        },
    )
    if created:
        meeting.parties.set([china, united_states])
    log(f"Dialogue: {dialogue} — meeting of {meeting.date.day} {meeting.date:%B %Y} in {meeting.place}")

    if not meeting.commitments.exists():
        path = seed_path(seed, use_shared=use_shared)
        if path is not None:
            _through_pipeline(path, meeting, editor, log)
        else:
            log("The seed article is not available here: entering its commitments by hand.")
            _by_hand(meeting, editor)
    _assess(meeting, editor, log)
    if seed is None:  # a seed given by path is the one document to load
        # A meeting with both sides' accounts, for the meeting page (tracker/demo/meeting.py).
        from tracker.demo.meeting import load_meeting_accounts

        load_meeting_accounts(editor=editor, use_shared=use_shared, log=log)
    log(
        f"{meeting.commitments.count()} commitments, {Assessment.objects.filter(is_demonstration=True).count()} "
        "demonstration assessments."
    )


def _through_pipeline(path: Path, meeting: Meeting, editor: User, log) -> None:
    from tracker.ingest import decisions, pipeline
    from tracker.ingest.models import Article, Review

    log(f"Importing {path} through the pipeline")
    with transaction.atomic():
        article, _ = pipeline.import_article(
            data=path.read_bytes(),
            filename=path.name,
            meeting=meeting,
            kind="news",
            published_on=SEED_DATE,
            title="China, U.S. pledge stronger cooperation in first Law Enforcement and Cybersecurity Dialogue",
            created_by=editor,
        )
    article.refresh_from_db()
    if article.state != Article.State.ANALYSED:
        # With a broker configured the worker does this; run the steps here so the demo is complete.
        pipeline.analyse(article.pk)
        article.refresh_from_db()
    if article.state != Article.State.ANALYSED:
        log(f"The pipeline could not analyse the seed ({article.state}: {article.error}); entering by hand.")
        _by_hand(meeting, editor)
        return
    for candidate in article.candidates.filter(state=Review.PENDING).order_by("start"):
        known = _matching(candidate.quote)
        commitment = decisions.accept_candidate(
            candidate=candidate,
            reviewer=editor,
            title=known.title if known else None,
            publish=True,
        )
        log(f"  accepted {commitment.reference}: {commitment.title}")


def _by_hand(meeting: Meeting, editor: User) -> None:
    for item in COMMITMENTS:
        actions.create_commitment(
            parties=list(Party.objects.filter(name__in=item.parties)),
            topics=list(Topic.objects.filter(key__in=item.topics)),
            author=editor,
            publish=True,
            meeting=meeting,
            title=item.title,
            quote=item.quote,
            strength=item.strength,
        )


def _assess(meeting: Meeting, editor: User, log) -> None:
    commitments = list(meeting.commitments.all())
    if Assessment.objects.filter(commitment__in=commitments, is_demonstration=True).exists():
        return
    by_key = {}
    for commitment in commitments:
        known = _matching(commitment.quote)
        if known:
            by_key.setdefault(known.key, commitment)
    recorded = {}
    for key, party_name, status, as_of, rationale, passage in ASSESSMENTS:
        commitment = by_key.get(key)
        if commitment is None:
            continue
        party = Party.objects.get(name=party_name) if party_name else None
        if party is not None and not commitment.parties.filter(pk=party.pk).exists():
            continue
        recorded[(key, party_name)] = actions.record_assessment(
            commitment=commitment,
            party=party,
            status=status,
            as_of=as_of,
            rationale=rationale,
            author=editor,
            evidence=_demo_evidence(meeting, editor, passage),
            is_demonstration=True,
        )
    key, status, as_of, rationale, reason = CORRECTION
    if (key, None) in recorded:
        actions.correct_assessment(
            assessment=recorded[(key, None)],
            status=status,
            as_of=as_of,
            rationale=rationale,
            reason=reason,
            author=editor,
        )
    log(f"Recorded {len(recorded) + 1} demonstration assessments.")


def _demo_evidence(meeting: Meeting, editor: User, passage: str | None) -> list[Evidence]:
    """The evidence an assessment cites: `passage` of the archived seed article when the article
    holds it word for word (so the citation is true), else none."""
    if not passage:
        return []
    commitment = meeting.commitments.exclude(source_article=None).select_related("source_article").first()
    if commitment is None or passage not in " ".join(commitment.source_article.text.split()):
        return []
    from tracker.ingest.decisions import evidence_from_article

    return [evidence_from_article(article=commitment.source_article, passage=passage, author=editor)]


def demonstration_commitments():
    return Commitment.objects.filter(meeting__slug="lecd-2017-washington")
