"""`dumpdata` and `loaddata` JSON that keeps times to the microsecond (settings.SERIALIZATION_MODULES).

Django's JSON serializer cuts every time to the millisecond (DjangoJSONEncoder follows
ECMA-262), so a database restored from its dump would show different `recorded_at` values in
the API than the one dumped. This one writes times as `isoformat()` does; reading is Django's.
tests/test_backups_restore_every_public_export_unchanged.py checks the round trip.
"""

import datetime

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder

Deserializer = django_json.Deserializer


class ExactEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactEncoder
