"""Synthetic data at the scale of a decade of dialogues, for measuring the site (issue 15).

`manage.py generate_scale_data --commitments N --assessments M` calls `generate`. Every row it
writes is marked: dialogues and meetings have slugs starting `scale-`, dialogue prefixes (and so
commitment references) start `SCALE`. That marker makes it idempotent (a second run with the same
sizes adds nothing; a larger size adds only the difference) and lets it refuse a database that
holds anything else (real commitments, articles) unless forced.

The distributions are meant to look like a think tank's tracker, not to be uniform: 30 dialogues
(mostly bilateral) of 20 parties meeting about 600 times over ten years, a few large meetings
and many small ones, topics that cluster per dialogue, most commitments firm, about half with a
deadline, assessments per commitment skewed (a quarter never assessed, a few assessed dozens of
times), overall and per party, with a few corrections; 95 % published; none marked as
demonstration data.

Rows go in with `bulk_create`, a chunk of commitments per transaction. The derived columns of
Commitment (`current_status`, `current_status_as_of`, `status_changed_at`) are computed here from
the generated log by replaying it in the order it was recorded, exactly as
`actions.record_assessment` would have left them had an editor recorded each row at its
`recorded_at` (tests/test_generate_scale_data.py checks one against the other).
"""

from __future__ import annotations

import datetime
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connections, transaction
from django.utils import timezone

from tracker.commitments import party_status, summaries
from tracker.commitments.models import (
    Assessment,
    Commitment,
    CommitmentSource,
    DeadlineTally,
    Dialogue,
    Meeting,
    Party,
    PartyStatus,
    PartyTally,
    StatusStep,
    StatusTally,
    Topic,
)
from tracker.commitments.status import NOT_ASSESSED, Status, headline, headline_steps

REFERENCE_PREFIX = "SCALE"
SLUG_PREFIX = "scale-"
CHUNK = 5_000
PUBLISHED_SHARE = 0.95
NEVER_ASSESSED_SHARE = 0.25
CORRECTION_SHARE = 0.02
YEARS = 10

# Twenty parties of the reference data (seeded by migration 0004); created if missing.
PARTY_CODES = [
    "us", "cn", "jp", "kr", "in", "gb", "fr", "de", "ru", "br",
    "au", "ca", "id", "mx", "za", "tr", "sa", "vn", "eu", "asean",
]  # fmt: skip

# Search terms the benchmark uses: one in about half the quotes, one in about 1 in 2,000.
COMMON_TERM = "cooperation"
RARE_TERM = "desalination"
RARE_SHARE = 0.0005

VERBS = [
    "strengthen", "expand", "establish", "continue", "deepen", "resume", "launch", "promote",
    "facilitate", "enhance", "coordinate", "support", "develop", "implement", "review",
]  # fmt: skip
OBJECTS = [
    "information sharing on", "a joint working group on", "technical exchanges on", "a hotline for",
    "capacity building in", "regular consultations on", "a memorandum of understanding on",
    "joint training on", "data exchange on", "pilot projects in", "a road map for",
    "an expert group on", "mutual legal assistance in", "inspections related to", "joint research on",
    "customs procedures for", "visa facilitation for", "investment screening in", "standards for",
]  # fmt: skip
TOPIC_PHRASES = {
    "counter-narcotics": ["fentanyl precursors", "drug trafficking routes", "controlled substances"],
    "cybersecurity": ["cyber incidents", "critical infrastructure protection", "online fraud"],
    "repatriation/fugitives": ["fugitive repatriation", "the return of fugitives", "identity verification"],
    "immigration": ["illegal immigration", "travel documents", "irregular migration"],
    "counter-terrorism": ["terrorist financing", "foreign fighters", "violent extremism"],
    "law-enforcement": ["transnational crime", "police liaison", "money laundering"],
    "trade": ["market access", "agricultural exports", "tariff schedules", "supply chains"],
    "climate": ["emissions reductions", "methane", "climate finance", "adaptation"],
    "energy": ["clean energy", "grid interconnection", "nuclear safety", "liquefied natural gas"],
    "defense": ["military-to-military communication", "maritime safety", "defence procurement"],
    "technology": ["semiconductors", "artificial intelligence", "export controls", "telecommunications"],
    "nonproliferation": ["nuclear nonproliferation", "chemical weapons", "missile technology"],
    "people-to-people": ["student exchanges", "tourism", "cultural heritage", "journalist visas"],
    "dialogue": ["the next round of the dialogue", "senior officials' meetings", "ministerial talks"],
}
THEMES = ["Strategic", "Economic", "Security", "Climate", "Law Enforcement", "Technology", "Trade", "Energy"]
STRENGTH_WEIGHTS = [(Commitment.Strength.FIRM, 60), (Commitment.Strength.INTENT, 30), (Commitment.Strength.HEDGED, 10)]
OPENING = [Status.NO_INFORMATION, Status.NOT_STARTED, Status.IN_PROGRESS]
NEXT = {
    Status.NO_INFORMATION: [Status.NOT_STARTED, Status.IN_PROGRESS, Status.NO_INFORMATION],
    Status.NOT_STARTED: [Status.IN_PROGRESS, Status.STALLED, Status.BROKEN],
    Status.IN_PROGRESS: [Status.IN_PROGRESS, Status.PARTIAL, Status.FULFILLED, Status.STALLED],
    Status.STALLED: [Status.IN_PROGRESS, Status.BROKEN, Status.STALLED],
    Status.PARTIAL: [Status.FULFILLED, Status.PARTIAL, Status.IN_PROGRESS],
    Status.FULFILLED: [Status.FULFILLED, Status.PARTIAL],
    Status.BROKEN: [Status.BROKEN, Status.IN_PROGRESS],
}


class RefusedError(Exception):
    """The database holds data this command did not generate (and --force was not given)."""


@dataclass
class Result:
    commitments_added: int = 0
    assessments_added: int = 0
    commitments_total: int = 0
    assessments_total: int = 0
    notes: list[str] = field(default_factory=list)


def generated_commitments():
    return Commitment.objects.filter(reference__startswith=REFERENCE_PREFIX)


def foreign_data() -> list[str]:
    """What the database holds that this module did not generate (parties and topics aside)."""
    from tracker.ingest.models import Article

    found = []
    checks = [
        ("commitments", Commitment.objects.exclude(reference__startswith=REFERENCE_PREFIX)),
        ("dialogues", Dialogue.objects.exclude(slug__startswith=SLUG_PREFIX)),
        ("meetings", Meeting.objects.exclude(slug__startswith=SLUG_PREFIX)),
        ("articles", Article.objects.all()),
    ]
    for name, queryset in checks:
        if queryset.exists():
            found.append(name)
    return found


def generate(
    *,
    commitments: int,
    assessments: int,
    dialogues: int = 30,
    meetings: int = 600,
    seed: int = 15,
    force: bool = False,
    today: datetime.date | None = None,
    log: Callable[[str], None] = lambda line: None,
) -> Result:
    """Bring the generated data up to `commitments` commitments and `assessments` assessments."""
    foreign = foreign_data()
    if foreign and not force:
        raise RefusedError(
            f"The database holds data this command did not generate ({', '.join(foreign)}); "
            "use a database of its own, or --force to add to it anyway."
        )
    today = today or timezone.localdate()
    result = Result()
    existing = generated_commitments().count()
    existing_assessments = Assessment.objects.filter(commitment__reference__startswith=REFERENCE_PREFIX).count()
    frame = _frame(dialogues=dialogues, meetings=meetings, seed=seed, today=today)
    to_add = max(0, commitments - existing)
    assessments_to_add = max(0, assessments - existing_assessments) if to_add else 0
    if not to_add:
        result.notes.append(f"{existing} generated commitments already: nothing to add.")
    elif existing:
        result.notes.append(f"{existing} generated commitments already: adding {to_add}.")
    topics = {t.key: t for t in Topic.objects.all()}
    done_commitments = done_assessments = 0
    for start in range(existing, existing + to_add, CHUNK):
        size = min(CHUNK, existing + to_add - start)
        # The chunk's share of the assessments, cumulative, so that the total is exact.
        target = round(assessments_to_add * (done_commitments + size) / to_add) - done_assessments
        rng = random.Random(f"{seed}:{start}")  # noqa: S311  (reproducible synthetic data, not secrets)
        made, logged = _chunk(rng, frame, topics, first_index=start + 1, size=size, assessments=target, today=today)
        done_commitments += made
        done_assessments += logged
        log(f"{existing + done_commitments} commitments, {existing_assessments + done_assessments} assessments")
    if done_commitments:
        summaries.rebuild()  # the counts per meeting the public pages read
        _analyze()
    result.commitments_added = done_commitments
    result.assessments_added = done_assessments
    result.commitments_total = existing + done_commitments
    result.assessments_total = existing_assessments + done_assessments
    return result


def _analyze() -> None:
    """Refresh the planner's statistics after a bulk load (PostgreSQL): until autovacuum gets to
    it, the planner believes the tables hold what they held before, and picks nested loops over
    hundreds of thousands of rows it thinks are a few."""
    connection = connections[Commitment.objects.db]
    if connection.vendor != "postgresql":
        return
    models = [Commitment, Commitment.parties.through, Commitment.topics.through, CommitmentSource]
    models += [StatusStep, PartyStatus, Assessment, Meeting, Dialogue, StatusTally, PartyTally, DeadlineTally]
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


# --- Parties, dialogues and meetings -----------------------------------------------------------


@dataclass
class _Frame:
    meetings: list[Meeting]
    meeting_weights: list[float]
    meeting_parties: dict[int, list[Party]]
    meeting_topics: dict[int, list[str]]


def _frame(*, dialogues: int, meetings: int, seed: int, today: datetime.date) -> _Frame:
    """Parties, dialogues and meetings: created once, the same on every run with the same seed."""
    rng = random.Random(f"{seed}:frame")  # noqa: S311  (reproducible synthetic data, not secrets)
    parties = _parties()
    topic_keys = list(TOPIC_PHRASES)
    start = today.replace(year=today.year - YEARS)
    span = (today - start).days - 30
    # How often each dialogue meets: a few meet every few months, most once or twice a year.
    rates = [rng.paretovariate(1.2) for _ in range(dialogues)]
    counts = _apportion(meetings, rates)
    all_meetings, weights, meeting_parties, meeting_topics = [], [], {}, {}
    with transaction.atomic():
        for number in range(1, dialogues + 1):
            # Four dialogues in five are bilateral; the rest have three to five parties.
            size = 2 if number <= dialogues * 4 // 5 else rng.randint(3, 5)
            members = rng.sample(parties, size)
            theme = THEMES[number % len(THEMES)]
            names = "–".join(p.label for p in members)
            dialogue, created = Dialogue.objects.get_or_create(
                slug=f"{SLUG_PREFIX}dialogue-{number:02d}",
                defaults={
                    "name": f"{names} {theme} Dialogue ({number:02d})",
                    "short_name": f"{theme} {number:02d}",
                    "reference_prefix": f"{REFERENCE_PREFIX}{number:02d}",
                    "established_on": start,
                    "description": f"A generated {theme.lower()} dialogue for measuring the site at scale.",
                },
            )
            if created:
                dialogue.parties.set(members)
            members = list(dialogue.parties.all())
            focus = rng.sample(topic_keys, rng.randint(2, 4))
            existing = {m.slug: m for m in dialogue.meetings.all()}
            count = counts[number - 1]
            days = sorted(rng.randrange(span) for _ in range(count))
            for round_number, offset in enumerate(days, start=1):
                slug = f"{SLUG_PREFIX}d{number:02d}-m{round_number:03d}"
                meeting = existing.get(slug)
                if meeting is None:
                    meeting = Meeting.objects.create(
                        dialogue=dialogue,
                        slug=slug,
                        title=f"Round {round_number}",
                        kind=rng.choice([Meeting.Kind.ROUND] * 4 + [Meeting.Kind.SUMMIT, Meeting.Kind.CALL]),
                        date=start + datetime.timedelta(days=offset),
                        place=rng.choice(["Washington", "Beijing", "Tokyo", "Brussels", "Geneva", "New Delhi"]),
                    )
                    meeting.parties.set(members)
                all_meetings.append(meeting)
                # Commitments per meeting: lognormal, so a few readouts carry hundreds of pledges.
                weights.append(rng.lognormvariate(0, 1.0))
                meeting_parties[meeting.pk] = members
                meeting_topics[meeting.pk] = focus
    return _Frame(all_meetings, weights, meeting_parties, meeting_topics)


def _parties() -> list[Party]:
    by_code = {p.code: p for p in Party.objects.filter(code__in=PARTY_CODES)}
    for code in PARTY_CODES:
        if code not in by_code:
            by_code[code] = Party.objects.create(code=code, name=f"Generated party {code.upper()}")
    return [by_code[code] for code in PARTY_CODES]


def _apportion(total: int, weights: list[float]) -> list[int]:
    """Split `total` into integers proportional to `weights` (largest remainders), each at least 1."""
    if total <= 0:
        return [0] * len(weights)
    scale = sum(weights)
    raw = [max(1.0, total * w / scale) for w in weights]
    counts = [math.floor(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - counts[i], reverse=True)
    for i in order[: max(0, total - sum(counts))]:
        counts[i] += 1
    while sum(counts) > total:
        largest = max(range(len(counts)), key=counts.__getitem__)
        counts[largest] -= 1
    return counts


# --- Commitments and their logs ----------------------------------------------------------------


def _chunk(rng, frame, topics, *, first_index, size, assessments, today):
    now = timezone.now()
    meeting_index = rng.choices(range(len(frame.meetings)), weights=frame.meeting_weights, k=size)
    rows, party_links, topic_links, logs, steps, effective = [], [], [], [], [], []
    for offset, m in enumerate(meeting_index):
        meeting = frame.meetings[m]
        index = first_index + offset
        commitment, parties, keys = _commitment(rng, meeting, frame, index=index, now=now)
        rows.append(commitment)
        party_links.append(parties)
        topic_links.append([topics[k] for k in keys if k in topics])
    # Assessments per commitment: a quarter never assessed, the rest Pareto-skewed; drafts rarely.
    weights = [
        0.0 if rng.random() < NEVER_ASSESSED_SHARE else rng.paretovariate(1.6) * (1.0 if c.is_published else 0.2)
        for c in rows
    ]
    counts = _apportion_zeroes(assessments, weights)
    for commitment, parties, count in zip(rows, party_links, counts, strict=True):
        log = _log(rng, commitment, parties, count, today=today, now=now)
        logs.append(log)
        commitment_steps, final = _project(commitment, parties, log)
        steps.append(commitment_steps)
        effective.append(final)
    with transaction.atomic():
        _insert(Commitment, rows)
        _insert(
            Commitment.parties.through,
            [
                Commitment.parties.through(commitment_id=c.pk, party_id=p.pk)
                for c, ps in zip(rows, party_links, strict=True)
                for p in ps
            ],
        )
        _insert(
            Commitment.topics.through,
            [
                Commitment.topics.through(commitment_id=c.pk, topic_id=t.pk)
                for c, ts in zip(rows, topic_links, strict=True)
                for t in ts
            ],
        )
        _insert(
            CommitmentSource,
            [
                CommitmentSource(
                    commitment_id=c.pk,
                    url=c.source_url,
                    title=f"Joint statement: {c.meeting.title}",
                    quote=c.quote,
                    added_at=c.published_at or now,
                )
                for c in rows
            ],
        )
        _insert(
            StatusStep,
            [
                StatusStep(commitment_id=c.pk, since=day, status=h.status, is_demonstration=h.is_demonstration)
                for c, commitment_steps in zip(rows, steps, strict=True)
                for day, h in commitment_steps
            ],
        )
        _insert(
            PartyStatus,
            [
                row
                for c, ps, final in zip(rows, party_links, effective, strict=True)
                for row in party_status.rows_for(
                    c.pk,
                    sorted(p.pk for p in ps),
                    final,
                    is_published=c.is_published,
                    dialogue_id=c.meeting.dialogue_id,
                )
            ],
        )
        originals, corrections = [], []
        for commitment, log in zip(rows, logs, strict=True):
            for entry in log:
                entry.row.commitment_id = commitment.pk
                (corrections if entry.corrects is not None else originals).append(entry)
        _insert(Assessment, [e.row for e in originals])
        for entry in corrections:
            entry.row.supersedes_id = entry.corrects.row.pk
        _insert(Assessment, [e.row for e in corrections])
    return len(rows), len(originals) + len(corrections)


def _insert(model, objects: list) -> None:
    """Insert `objects` and set their primary keys: COPY on PostgreSQL (ids drawn from the
    table's sequence first), `bulk_create` elsewhere. Row triggers (the search vector, the
    append-only guard) fire for COPY as for INSERT; model `save()` and signals do not, as with
    `bulk_create`."""
    if not objects:
        return
    connection = connections[model.objects.db]
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objects, batch_size=2000)
        return
    meta = model._meta
    fields = [f for f in meta.concrete_fields if f.column != "search_vector"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(objects)],
        )
        for obj, (pk,) in zip(objects, cursor.fetchall(), strict=True):
            obj.pk = pk
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        table = connection.ops.quote_name(meta.db_table)
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for obj in objects:
                copy.write_row([f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields])
    for obj in objects:
        obj._state.adding = False
        obj._state.db = connection.alias


def _apportion_zeroes(total: int, weights: list[float]) -> list[int]:
    """Like `_apportion`, but weight 0 stays 0 (never assessed)."""
    live = [i for i, w in enumerate(weights) if w > 0]
    counts = [0] * len(weights)
    if not live or total <= 0:
        return counts
    scale = sum(weights[i] for i in live)
    raw = {i: total * weights[i] / scale for i in live}
    for i in live:
        counts[i] = math.floor(raw[i])
    order = sorted(live, key=lambda i: raw[i] - counts[i], reverse=True)
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _commitment(rng, meeting, frame, *, index, now):
    members = frame.meeting_parties[meeting.pk]
    if len(members) == 2:
        parties = list(members) if rng.random() < 0.55 else [rng.choice(members)]
    else:
        parties = list(members) if rng.random() < 0.5 else rng.sample(members, rng.randint(1, len(members) - 1))
    focus = frame.meeting_topics[meeting.pk]
    keys = [rng.choice(focus) if rng.random() < 0.8 else rng.choice(list(TOPIC_PHRASES))]
    if rng.random() < 0.3:
        other = rng.choice(list(TOPIC_PHRASES))
        if other not in keys:
            keys.append(other)
    verb, obj = rng.choice(VERBS), rng.choice(OBJECTS)
    subject = rng.choice(TOPIC_PHRASES[keys[0]])
    if rng.random() < RARE_SHARE:
        subject = f"{RARE_TERM} plants"
    deadline, deadline_text, granularity = _deadline(rng, meeting.date)
    who = " and ".join(p.name for p in parties) if len(parties) < 3 else "The participants"
    trigger = rng.choice(["agreed to", "committed to", "will", "pledged to", "intend to", "decided to"])
    extra = f" in {COMMON_TERM} with each other" if rng.random() < 0.5 else ""
    quote = f"{who} {trigger} {verb} {obj} {subject}{extra}" + (f" {deadline_text}" if deadline_text else "") + "."
    title = f"{verb.capitalize()} {obj} {subject}"[:250]
    strength = rng.choices([s for s, _ in STRENGTH_WEIGHTS], weights=[w for _, w in STRENGTH_WEIGHTS])[0]
    published = rng.random() < PUBLISHED_SHARE
    prefix = meeting.dialogue.reference_prefix
    made = datetime.datetime.combine(meeting.date, datetime.time(12), tzinfo=datetime.UTC)
    commitment = Commitment(
        reference=f"{prefix}-{meeting.date.year}-{index:06d}",
        title=title,
        quote=quote,
        source_url=f"https://statements.example.org/{meeting.slug}",
        meeting=meeting,
        strength=strength,
        deadline=deadline,
        deadline_text=deadline_text,
        deadline_granularity=granularity,
        made_on=meeting.date,
        is_published=published,
        published_at=min(now, made + datetime.timedelta(days=rng.randint(1, 20))) if published else None,
    )
    return commitment, parties, keys


def _deadline(rng, made_on: datetime.date):
    roll = rng.random()
    if roll < 0.5:
        return None, "", ""
    if roll < 0.7:
        day = made_on + datetime.timedelta(days=rng.choice([30, 60, 90, 180]))
        return day, f"within {(day - made_on).days} days", Commitment.Granularity.DAY
    if roll < 0.9:
        year = made_on.year + rng.randint(0, 5)
        return datetime.date(year, 12, 31), f"by the end of {year}", Commitment.Granularity.YEAR
    month = rng.randint(1, 12)
    year = made_on.year + rng.randint(1, 3)
    last = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return datetime.date(year, month, last), f"by {datetime.date(year, month, 1):%B %Y}", Commitment.Granularity.MONTH


@dataclass
class _Entry:
    row: Assessment
    corrects: _Entry | None = None


def _log(rng, commitment, parties, count, *, today, now) -> list[_Entry]:
    """`count` assessments of one commitment, each lane walking the status scale forwards."""
    span = (today - commitment.made_on).days
    if count == 0 or span < 1:
        return []
    lanes = [None, *parties]
    days = sorted(rng.randrange(1, span + 1) for _ in range(count))
    state: dict = {}
    entries: list[_Entry] = []
    for number, offset in enumerate(days):
        party = None if rng.random() < 0.5 or len(lanes) == 1 else rng.choice(parties)
        status = rng.choice(NEXT[state[party]]) if party in state else rng.choice(OPENING)
        state[party] = status
        as_of = commitment.made_on + datetime.timedelta(days=offset)
        recorded = _recorded(rng, as_of, now, number)
        corrects = None
        if entries and rng.random() < CORRECTION_SHARE * 2:
            # A correction of an earlier row of the same lane, if there is one not yet corrected.
            candidates = [e for e in entries if e.row.party_id == (party.pk if party else None) and not e.corrects]
            taken = {id(e.corrects) for e in entries if e.corrects}
            candidates = [e for e in candidates if id(e) not in taken]
            if candidates:
                corrects = rng.choice(candidates)
                as_of = corrects.row.as_of
                if rng.random() < 0.5:  # half of the corrections also put the date right
                    as_of = max(commitment.made_on, as_of - datetime.timedelta(days=rng.randint(1, 60)))
                status = rng.choice([s for s in Status.values if s not in (corrects.row.status, Status.NOT_ASSESSED)])
                earliest = corrects.row.recorded_at
                recorded = max(recorded, earliest + datetime.timedelta(hours=1))
                if recorded >= now:  # the original was recorded within the last hour
                    recorded = earliest + (now - earliest) / 2
        row = Assessment(
            party=party,
            status=status,
            as_of=as_of,
            recorded_at=recorded,
            rationale=f"Generated: {Status(status).label.lower()} as reported on {as_of:%d %B %Y}.",
            supersedes=None,
            correction_reason="Generated correction: an earlier reading of the evidence." if corrects else "",
            is_demonstration=False,
        )
        entries.append(_Entry(row, corrects))
    return entries


def _recorded(rng, as_of: datetime.date, now: datetime.datetime, number: int) -> datetime.datetime:
    """When the row was recorded: on or after the day it describes, never in the future; distinct
    per row (microseconds from its position), so no two rows of a commitment tie on the sort."""
    moment = datetime.datetime.combine(as_of, datetime.time(9), tzinfo=datetime.UTC) + datetime.timedelta(
        days=rng.randint(0, 20), seconds=rng.randint(0, 8 * 3600), microseconds=number
    )
    return min(moment, now - datetime.timedelta(minutes=1, microseconds=-number))


def _project(commitment: Commitment, parties, log: list[_Entry]) -> tuple[list, list]:
    """The derived status columns and the headline steps, replaying the log in the order it was
    recorded (what `actions._refresh_current_status` does after each `record_assessment`, with
    the one rule of `status.headline`). Returns the steps as `(since, Headline)` pairs and the
    effective assessments (for `PartyStatus`)."""
    party_ids = [p.pk for p in parties]
    current, changed_at = NOT_ASSESSED, None
    effective: list[_Entry] = []
    for entry in sorted(log, key=lambda e: e.row.recorded_at):
        if entry.corrects is not None:
            effective = [e for e in effective if e is not entry.corrects]
        effective.append(entry)
        new = headline([e.row for e in effective], party_ids)
        if (new.status, new.since) != (current.status, current.since):
            current, changed_at = new, entry.row.recorded_at
    commitment.current_status = current.status
    commitment.current_status_as_of = current.since
    commitment.current_status_is_demonstration = current.is_demonstration
    commitment.status_changed_at = changed_at
    final = [e.row for e in effective]
    return headline_steps(final, party_ids), final
