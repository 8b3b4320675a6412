"""Demonstration data: one meeting with both sides' accounts, for the public meeting page.

When the labelled readout pairs are beside the checkout (`../shared/readout-pairs/`), the two
accounts of the Biden–Xi summit at Woodside (15 November 2023) go through the pipeline: the White
House readout (a US government work) and the Chinese account, read from the files there and never
stored in the repository. Otherwise two short illustrative readouts written for this demo are used,
clearly titled as such. In both cases the demonstration editor confirms what the pipeline proposed
and accepts the rest as one side's own, so the page shows pairs and one-sided pledges.

Idempotent: an account already imported is not imported again, and only pending proposals and
candidates are decided.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from tracker.commitments.models import Alignment, Meeting, Party
from tracker.extraction.align import is_lead_in
from tracker.ingest.alignments import confirm_alignment


@dataclass(frozen=True)
class Account:
    party_code: str
    title: str
    path: str  # relative to ../shared/ (the labelled set); empty for a text of the demo's own
    text: str = ""
    published_on: datetime.date | None = None


WOODSIDE = {
    "slug": "biden-xi-woodside-2023",
    "title": "Biden–Xi summit, Woodside",
    "date": datetime.date(2023, 11, 15),
    "place": "Filoli estate, Woodside, California",
    "kind": Meeting.Kind.SUMMIT,
}
WOODSIDE_ACCOUNTS = (
    Account(
        "us",
        "Readout of President Joe Biden's Meeting with President Xi Jinping of the People's Republic of China",
        "devset/wh-readout-biden-xi-woodside-2023-11-15.txt",
        published_on=datetime.date(2023, 11, 15),
    ),
    Account(
        "cn",
        "中美元首会晤（新闻联播）",
        "readout-pairs/cctv-xwlb-xi-biden-woodside-summit-2023-11-16.txt",
        published_on=datetime.date(2023, 11, 16),
    ),
)

ILLUSTRATIVE = {
    "slug": "illustrative-leaders-call",
    "title": "Illustrative leaders' call (demonstration texts)",
    "date": datetime.date(2024, 6, 3),
    "place": "",
    "kind": Meeting.Kind.CALL,
}
ILLUSTRATIVE_ACCOUNTS = (
    Account(
        "us",
        "Illustrative US readout (written for this demonstration)",
        "",
        text=(
            "Illustrative readout of the leaders' call\n\n"
            "The two leaders agreed to resume regular military-to-military talks, including calls between "
            "theater commanders.\n\n"
            "They agreed to launch a joint working group on counter-narcotics cooperation against fentanyl.\n\n"
            "The two sides committed to work towards more passenger flights next year.\n\n"
            "The President reaffirmed that the United States will continue to stand by its allies.\n"
        ),
        published_on=datetime.date(2024, 6, 3),
    ),
    Account(
        "cn",
        "示例：中方通报（为演示而写）",
        "",
        text=(
            "示例：两国元首通电话\n\n"
            "两国元首同意恢复两军定期会谈，开展两军战区领导通话。\n\n"
            "双方同意成立禁毒合作工作组，开展禁毒合作。\n\n"
            "双方同意明年进一步增加两国航班。\n\n"
            "双方同意加强气候变化领域对话合作。\n"
        ),
        published_on=datetime.date(2024, 6, 3),
    ),
)


def shared_root() -> Path:
    return settings.BASE_DIR.parent / "shared"


def load_meeting_accounts(*, editor, use_shared: bool = True, log=print) -> Meeting:
    """The demo meeting with both accounts, their alignments confirmed and pledges published."""
    root = shared_root()
    real = use_shared and all((root / a.path).is_file() for a in WOODSIDE_ACCOUNTS)
    spec, accounts = (WOODSIDE, WOODSIDE_ACCOUNTS) if real else (ILLUSTRATIVE, ILLUSTRATIVE_ACCOUNTS)
    parties = {p.code: p for p in Party.objects.filter(code__in=["us", "cn"])}
    meeting, created = Meeting.objects.get_or_create(
        slug=spec["slug"], defaults={k: v for k, v in spec.items() if k != "slug"}
    )
    if created:
        meeting.parties.set(parties.values())
    log(f"Meeting with two accounts: {meeting}")
    for account in accounts:
        _import(account, meeting, parties[account.party_code], editor, root, log)
    _decide(meeting, editor, log)
    return meeting


def _import(account: Account, meeting: Meeting, party: Party, editor, root: Path, log) -> None:
    from tracker.ingest import pipeline
    from tracker.ingest.models import Article

    if Article.objects.filter(meeting=meeting, issuing_party=party).exists():
        return
    source = (
        {"data": (root / account.path).read_bytes(), "filename": Path(account.path).name}
        if account.path
        else {"text": account.text}
    )
    with transaction.atomic():
        article, _ = pipeline.import_article(
            **source,
            meeting=meeting,
            kind="readout",
            issuing_party=party,
            published_on=account.published_on,
            title=account.title,
            created_by=editor,
        )
    article.refresh_from_db()
    if article.state != Article.State.ANALYSED:
        pipeline.analyse(article.pk)  # with a broker configured a worker would; the demo runs it here
    pipeline.propose_alignments(article.pk)
    log(f"  imported the {party.name} account")


def _decide(meeting: Meeting, editor, log) -> None:
    from tracker.ingest import decisions
    from tracker.ingest.models import Candidate, Review

    for alignment in Alignment.objects.filter(meeting=meeting).proposed().order_by("-score"):
        try:
            commitment = confirm_alignment(alignment=alignment, reviewer=editor, publish=True)
        except ValidationError as error:  # a pair the demo cannot confirm stays proposed
            log(f"  left alignment {alignment.pk} proposed: {error}")
            continue
        log(f"  confirmed {commitment.reference} in both accounts")
    for candidate in Candidate.objects.filter(article__meeting=meeting, state=Review.PENDING).order_by(
        "article", "start"
    ):
        if is_lead_in(candidate.quote):
            decisions.reject_candidate(
                candidate=candidate, reviewer=editor, reason="The lead-in to a list, not a pledge."
            )
            continue
        commitment = decisions.accept_candidate(candidate=candidate, reviewer=editor, publish=True)
        log(f"  accepted {commitment.reference} (one account only)")
