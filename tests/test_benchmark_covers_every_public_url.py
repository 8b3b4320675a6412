"""benchmarks/web.py drives every public URL pattern, so a new page cannot be left unmeasured.

The URLconf is enumerated (the `public` namespace, read API included), and each address the
benchmark builds must resolve to the pattern it claims to measure.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import Resolver404, resolve

from benchmarks import web

SAMPLE = web.Sample(
    dialogue="law-enforcement-dialogue",
    party="cn",
    reference="LECD-2017-03",
    as_of=datetime.date(2019, 1, 1),
    deep_after="WyJMRUNELTIwMTctMDMiLCJMRUNELTIwMTctMDMiXQ",
    meeting="first-round",
    assessment=7,
)


def test_the_enumeration_finds_the_public_pages_and_the_api():
    names = web.public_pattern_names()

    assert {"public:dashboard", "public:commitment_detail", "public:api:commitment-detail"} <= names
    assert not any(name.startswith(("editor:", "admin:")) for name in names)


def test_every_public_url_pattern_has_an_address_in_the_benchmark():
    assert web.missing_patterns(SAMPLE) == set()


def test_each_address_resolves_to_the_pattern_it_names():
    for target in web.targets(SAMPLE):
        if target.name == "benchmark_noop":
            continue
        match = resolve(target.path.split("?")[0])
        assert match.view_name == target.name, target


def test_the_no_op_view_is_only_in_the_benchmark_urlconf():
    assert resolve("/__noop__/", urlconf="benchmarks.urls").url_name == "benchmark_noop"
    with pytest.raises(Resolver404):
        resolve("/__noop__/")
