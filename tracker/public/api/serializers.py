"""The read API's representations: published data only, no editor names, safe links only."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tracker.commitments.models import Assessment, Commitment, Dialogue, Evidence, Meeting, Party, Topic
from tracker.commitments.status import Status
from tracker.public import links
from tracker.public.templatetags.public_tags import safe_href


def site_url(serializer: serializers.Serializer, path: str) -> str:
    """An absolute link at the address the API was asked at (SITE_URL wins, see links.py)."""
    return links.absolute(path, serializer.context.get("request"))


class SafeURLField(serializers.CharField):
    """An address as readers may follow it: http or https, else an empty string."""

    def to_representation(self, value):
        return safe_href(value)


class PartySerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = Party
        fields = ["code", "name", "short_name", "kind", "iso_alpha3", "url"]

    def get_url(self, party) -> str:
        return site_url(self, party.get_absolute_url())


class TopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["key", "slug", "name"]


class DialogueSerializer(serializers.ModelSerializer):
    parties = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Dialogue
        fields = [
            "slug",
            "name",
            "short_name",
            "reference_prefix",
            "description",
            "state",
            "state_note",
            "established_on",
            "parties",
            "url",
        ]

    def get_url(self, dialogue) -> str:
        return site_url(self, dialogue.get_absolute_url())

    def to_representation(self, dialogue):
        data = super().to_representation(dialogue)
        if self.context.get("as_of"):
            # The state is recorded as it stands today: not given for a past date.
            data["state"] = data["state_note"] = None
        return data


class MeetingSerializer(serializers.ModelSerializer):
    dialogue = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    parties = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    co_chairs = serializers.ListField(source="co_chair_list", child=serializers.CharField(), read_only=True)

    class Meta:
        model = Meeting
        fields = ["slug", "title", "kind", "date", "end_date", "place", "co_chairs", "dialogue", "parties", "summary"]


class EvidenceSerializer(serializers.ModelSerializer):
    url = SafeURLField()
    party = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True, help_text="Null: evidence about no party in particular."
    )

    class Meta:
        model = Evidence
        fields = ["url", "title", "publisher", "published_on", "kind", "party", "passage"]


class AssessmentSerializer(serializers.ModelSerializer):
    commitment = serializers.SlugRelatedField(slug_field="reference", read_only=True)
    party = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True, help_text="Null: the whole commitment."
    )
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    is_correction = serializers.BooleanField(read_only=True)
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta:
        model = Assessment
        fields = [
            "id",
            "commitment",
            "party",
            "status",
            "status_label",
            "as_of",
            "recorded_at",
            "rationale",
            "is_demonstration",
            "is_correction",
            "supersedes",
            "correction_reason",
            "evidence",
        ]


class StatusSnapshotSerializer(serializers.Serializer):
    """The status of a commitment on a date: overall (by the rule on the methodology page), or,
    when the request filters by party, that party's own."""

    status = serializers.ChoiceField(choices=Status.choices)
    label = serializers.CharField()
    since = serializers.DateField(allow_null=True, help_text="The date of the assessment that set it.")
    on = serializers.DateField(allow_null=True, help_text="The as_of date asked for; null for today.")
    party = serializers.CharField(
        allow_null=True, help_text="Whose status: null for the commitment as a whole; the party code of the filter."
    )
    is_demonstration = serializers.BooleanField(
        help_text="True when the status rests on demonstration data, invented to show the app at work."
    )


def _snapshot(status, since, on, *, party=None, demo=False) -> dict:
    return {
        "status": status,
        "label": Status(status).label,
        "since": since,
        "on": on,
        "party": party,
        "is_demonstration": bool(demo),
    }


class CommitmentSerializer(serializers.ModelSerializer):
    parties = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    topics = serializers.SlugRelatedField(slug_field="key", many=True, read_only=True)
    meeting = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    dialogue = serializers.SerializerMethodField()
    parent = serializers.SerializerMethodField()
    predecessor = serializers.SerializerMethodField()
    source_url = SafeURLField()
    status = serializers.SerializerMethodField(
        help_text="The overall status now, or on the as_of date when the request gives one; with a party "
        "filter, that party's own status."
    )
    current = serializers.SerializerMethodField(
        help_text="The overall status today, whatever the party filter; null when as_of is given "
        "(a view as of a date shows nothing later)."
    )
    history = serializers.SerializerMethodField(
        help_text="Every assessment (up to the as_of date when given), oldest first; corrected rows included."
    )
    url = serializers.SerializerMethodField()

    class Meta:
        model = Commitment
        fields = [
            "reference",
            "title",
            "quote",
            "parties",
            "topics",
            "strength",
            "deadline",
            "deadline_text",
            "deadline_granularity",
            "made_on",
            "meeting",
            "dialogue",
            "parent",
            "predecessor",
            "source_url",
            "status",
            "current",
            "history",
            "url",
        ]

    def get_dialogue(self, commitment) -> str | None:
        return commitment.meeting.dialogue.slug if commitment.meeting.dialogue_id else None

    def _published_reference(self, other) -> str | None:
        return other.reference if other is not None and other.is_published else None

    def get_parent(self, commitment) -> str | None:
        return self._published_reference(commitment.parent)

    def get_predecessor(self, commitment) -> str | None:
        return self._published_reference(commitment.predecessor)

    @extend_schema_field(StatusSnapshotSerializer)
    def get_status(self, commitment) -> dict:
        return _snapshot(
            getattr(commitment, "status_on_day", commitment.current_status),
            getattr(commitment, "status_on_day_as_of", commitment.current_status_as_of),
            self.context.get("as_of"),
            party=self.context.get("status_party_code"),
            demo=getattr(commitment, "status_on_day_is_demonstration", commitment.current_status_is_demonstration),
        )

    @extend_schema_field(StatusSnapshotSerializer(allow_null=True))
    def get_current(self, commitment) -> dict | None:
        if self.context.get("as_of"):
            return None  # a view as of a date shows nothing later
        return _snapshot(
            commitment.current_status,
            commitment.current_status_as_of,
            None,
            demo=commitment.current_status_is_demonstration,
        )

    def get_history(self, commitment) -> list[dict]:
        day = self.context.get("as_of")
        rows = [a for a in commitment.assessments.all() if day is None or a.as_of <= day]
        return AssessmentSerializer(rows, many=True).data

    def get_url(self, commitment) -> str:
        return site_url(self, commitment.get_absolute_url())
