"""WCAG 2.1 AA on every page, checked by axe-core in headless Chromium.

Every public page pattern and every editor page (both enumerated from the URL configuration, so a
new pattern is not forgotten) is opened at 1280 px and at 375 px, with the demonstration data loaded
and a filled review inbox, and checked by axe-core (installed from the npm registry by `make
install`: package.json, package-lock.json, `npm ci`) with the WCAG 2.0/2.1 A and AA rules and the
best practices. A violation of impact "serious" or "critical" fails the test; every violation is
printed. The same walk fails on any Content-Security-Policy violation the browser reports.

The third-party pages (the API's Swagger UI and ReDoc documentation, the browsable API) are checked
apart, in the last test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests import test_editor_fixtures as fixtures
from tests.services import missing_service
from tracker.commitments.models import Commitment, Meeting
from tracker.demo import dialogue as demo
from tracker.ingest.models import Article

world = fixtures.world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING = {"serious", "critical"}
WIDTHS = (1280, 375)

# Public patterns that are not HTML pages for a reader: files, feeds and the read API (whose HTML
# forms are third-party and checked in the last test).
PUBLIC_NOT_PAGES = {
    "meeting_export",
    "export_csv",
    "export_json",
    "export_dump",
    "feed_changes",
    "feed_commitment",
    "feed_dialogue",
    "feed_party",
    "export_datapackage",
    "changes_csv",
    "changes_feed",
    "corrections_feed",
    "oembed",
    "archived_copy",  # the archived bytes as captured (another site's page), not a page of ours
}
# Editor patterns that answer a GET with no page of their own: JSON, or a redirect after a POST.
EDITOR_NOT_PAGES = {
    "article_status": "JSON for editor.js",
    "import_text": "POST only (the import page's forms)",
    "import_file": "POST only (the import page's forms)",
    "import_url": "POST only (the import page's forms)",
    "article_retry": "POST only",
    "feed_poll": "POST only",
    "feed_create": "POST only (the import page's feed form)",
    "bulk_review": "POST only",
    "candidate_accept": "POST only",
    "article_not_evidence": "POST only",
    "article_suggest_evidence": "POST only",
    "commitment_publish": "POST only",
    "commitment_unpublish": "POST only",
    "alignment_confirm": "POST only",
    "alignment_change": "POST only",
    "alignment_reject": "POST only",
    "suggestion_accept": "POST only",
    "csv_confirm": "POST only",
    "proposal_agree": "POST only",
    "proposal_withdraw": "POST only",
    "archived_copy": "the archived bytes as captured (another site's page), not a page of ours",
    "archive_retry": "POST only",
}


def patterns(namespace: str) -> dict[str, list[str]]:
    """{name: parameter names} of every named pattern directly under a namespace."""
    root = next(p for p in get_resolver().url_patterns if isinstance(p, URLResolver) and p.namespace == namespace)
    return {p.name: list(p.pattern.regex.groupindex) for p in root.url_patterns if isinstance(p, URLPattern) and p.name}


def public_pages() -> list[str]:
    """A path for every public page pattern (the richest of its kind: the demonstration's meeting
    with two accounts, a commitment assessed party by party), and a few states of them."""
    commitment = (
        Commitment.objects.filter(is_published=True, assessments__party__isnull=False).first()
        or Commitment.objects.filter(is_published=True).first()
    )
    meeting = Meeting.objects.filter(alignments__isnull=False).first() or commitment.meeting
    kwargs = {
        "commitment_detail": {"reference": commitment.reference},
        "dialogue_detail": {"slug": commitment.meeting.dialogue.slug},
        "meeting_detail": {"slug": meeting.slug},
        "party_detail": {"code": "cn"},
        "embed_commitment": {"reference": commitment.reference},
        "embed_dialogue": {"slug": commitment.meeting.dialogue.slug},
    }
    names = [name for name in patterns("public") if name not in PUBLIC_NOT_PAGES]
    pages = [reverse(f"public:{name}", kwargs=kwargs.get(name)) for name in names]
    # The states a reader reaches by filtering or going back in time.
    pages += [
        reverse("public:commitment_list") + "?status=in_progress&party=cn",
        reverse("public:commitment_detail", kwargs=kwargs["commitment_detail"]) + "?as_of=2017-11-01",
        reverse("public:follow_subscribe"),
    ]
    return pages


def editor_pages(w) -> list[str]:
    alignment_meeting = Meeting.objects.filter(alignments__isnull=False).first() or w.meeting
    kwargs = {
        "article_detail": {"pk": w.statement.pk},
        "feed_update": {"pk": w.feed.pk},
        "candidate_edit": {"pk": w.working_group.pk},
        "candidate_merge": {"pk": w.hotline.pk},
        "candidate_reject": {"pk": w.hotline.pk},
        "suggestion_reject": {"pk": w.suggestion.pk},
        "commitment_detail": {"reference": w.commitment.reference},
        "commitment_update": {"reference": w.commitment.reference},
        "source_create": {"reference": w.commitment.reference},
        "assessment_create": {"reference": w.commitment.reference},
        "assessment_correct": {"reference": w.commitment.reference, "pk": w.assessment.pk},
        "commitment_history": {"reference": w.commitment.reference},
        "meeting_detail": {"pk": w.meeting.pk},
        "meeting_update": {"pk": w.meeting.pk},
        "meeting_history": {"pk": w.meeting.pk},
        "meeting_alignments": {"pk": alignment_meeting.pk},
        "dialogue_detail": {"pk": w.dialogue.pk},
        "dialogue_update": {"pk": w.dialogue.pk},
        "dialogue_history": {"pk": w.dialogue.pk},
        "proposal_disagree": {"pk": w.theirs.pk},
        "proposal_revise": {"pk": w.mine.pk},
    }
    names = [name for name in patterns("editor") if name not in EDITOR_NOT_PAGES]
    return [reverse(f"editor:{name}", kwargs=kwargs.get(name)) for name in names] + [
        reverse("editor:inbox") + f"?article={w.statement.pk}",
        reverse("editor:article_list") + "?state=failed",
        reverse("editor:second_opinions") + "?state=disagreed",
        reverse("editor:commitment_detail", args=[w.mine.commitment.reference]),
    ]


@pytest.fixture
def axe_source() -> str:
    if not AXE.exists():
        missing_service("axe-core is not installed (run `make install`, which runs `npm ci`)")
    return AXE.read_text()


# An article whose title is longer than a phone screen is wide: the inbox's article filter lists it.
LONG_TITLE = "Joint statement of the third round of the dialogue on law enforcement " * 4


@pytest.fixture
def loaded(world, reference_data, erin, editors_group, django_user_model):
    demo.load(use_shared=False, log=lambda *a: None)
    ed = django_user_model.objects.create_user("ed", "ed@example.org", "ed-password-123")
    ed.groups.add(editors_group)
    fixtures.make_proposals(world, erin=erin, other_editor=ed)
    text = "The two sides agreed to hold the fourth round in Beijing before the end of 2019."
    article = Article.objects.create(
        origin=Article.Origin.PASTE,
        state=Article.State.ANALYSED,
        title=LONG_TITLE.strip(),
        text=text,
        raw=text.encode(),
    )
    fixtures.make_candidate(article, text, parties=[world.china, world.united_states], topics=[world.cyber])
    return world


class Reported(list):
    listener = None


def watch_csp(page) -> Reported:
    """Content-Security-Policy violations the browser reports on this page, as they come."""
    reported = Reported()

    def listen(message):
        if "Content Security Policy" in message.text:
            reported.append(message.text)

    reported.listener = listen
    page.on("console", listen)
    return reported


AXE_RUN = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))})))"""


def run_axe(page, axe_source: str) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source + "\n;undefined")
    return page.evaluate(AXE_RUN, TAGS)


# What axe leaves to people: the page reflows without scrolling sideways (WCAG 1.4.10), every id an
# ARIA attribute names exists, and no header cell is empty.
OWN_CHECKS = """width => {
  const found = [];
  const wide = document.documentElement.scrollWidth;
  if (wide > width) found.push({id: 'reflow', impact: 'serious', nodes: [`page is ${wide} px wide`]});
  const broken = [];
  for (const el of document.querySelectorAll('[aria-describedby], [aria-labelledby], [aria-controls]')) {
    for (const name of ['aria-describedby', 'aria-labelledby', 'aria-controls']) {
      for (const id of (el.getAttribute(name) || '').split(/\\s+/).filter(Boolean)) {
        if (!document.getElementById(id)) broken.push(`${el.tagName.toLowerCase()}#${el.id} ${name}=${id}`);
      }
    }
  }
  if (broken.length) found.push({id: 'aria-idref-missing', impact: 'serious', nodes: broken});
  const empty = [...document.querySelectorAll('th')].filter(th => !th.textContent.trim());
  if (empty.length) found.push({id: 'empty-th', impact: 'serious', nodes: empty.map(th => th.outerHTML)});
  return found;
}"""


def own_checks(page, width: int) -> list[dict]:
    return page.evaluate(OWN_CHECKS, width)


def audit(page, site: str, paths: list[str], axe_source: str) -> tuple[list[str], list[str]]:
    """Open each path at each width, run axe; (lines of every violation, the failing ones)."""
    lines, failing = [], []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for path in paths:
            response = page.goto(site + path)
            assert response.status == 200, f"{path}: {response.status}"
            violations = run_axe(page, axe_source) + own_checks(page, width)
            lines.append(f"{width:>4} px {path}: {len(violations)} violation(s)")
            for v in violations:
                line = f"    {v['impact']:<8} {v['id']} ({len(v['nodes'])}): {', '.join(v['nodes'][:4])}"
                lines.append(line)
                if v["impact"] in FAILING:
                    failing.append(f"{width} px {path}: {line.strip()}")
    print("\n".join(lines))
    return lines, failing


def log_in(page, site: str) -> None:
    page.goto(site + reverse("login"))
    page.fill("input[name=username]", "erin")
    page.fill("input[name=password]", "erin-password-123")
    page.click("button:has-text('Log in')")
    page.wait_for_url(site + reverse("editor:home"))


def test_every_public_page_has_no_serious_accessibility_violation(page, live_server, loaded, axe_source):
    csp = watch_csp(page)
    _, failing = audit(page, live_server.url, public_pages(), axe_source)
    assert not failing, "\n".join(failing)
    assert not csp, "\n".join(csp)


def test_every_editor_page_has_no_serious_accessibility_violation(page, live_server, loaded, axe_source):
    csp = watch_csp(page)
    _, failing = audit(page, live_server.url, [reverse("login")], axe_source)  # the workspace's door
    log_in(page, live_server.url)
    _, more = audit(page, live_server.url, editor_pages(loaded), axe_source)
    failing += more
    assert not failing, "\n".join(failing)
    assert not csp, "\n".join(csp)


# What the third-party pages keep that their templates cannot reach (checked, printed, allowed):
# Swagger UI draws each operation as a button inside a button; Django REST framework's browsable API
# has no `lang` on its <html> (outside every block of its template), an unnamed format dropdown, a
# low-contrast breadcrumb and inline style. ReDoc's sidebar asks for its logo from its own site,
# which the policy refuses.
THIRD_PARTY_KNOWN = {
    "public:api:docs": {"nested-interactive"},
    "public:api:redoc": set(),
    "public:api:api-root": {"html-has-lang", "button-name", "color-contrast"},
}
THIRD_PARTY_CSP_KNOWN = {
    "public:api:docs": (),
    "public:api:redoc": ("cdn.redoc.ly",),
    "public:api:api-root": ("Applying inline style",),
}


def test_the_third_party_api_pages_have_no_serious_accessibility_violation(page, live_server, loaded, axe_source):
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for name, known in THIRD_PARTY_KNOWN.items():
            csp = watch_csp(page)
            path = reverse(name)
            page.goto(live_server.url + path)
            page.wait_for_selector(
                {"public:api:docs": ".swagger-ui .opblock", "public:api:redoc": "h1"}.get(name, "h1")
            )
            violations = run_axe(page, axe_source)
            print(f"{width:>4} px {path}: {len(violations)} violation(s)")
            for v in violations:
                print(f"    {v['impact']:<8} {v['id']} ({len(v['nodes'])}){' (known)' if v['id'] in known else ''}")
                if v["impact"] in FAILING and v["id"] not in known:
                    problems.append(f"{width} px {path}: {v['impact']} {v['id']}: {', '.join(v['nodes'][:4])}")
            page.wait_for_timeout(200)
            problems += [f"{path}: {m}" for m in csp if not any(k in m for k in THIRD_PARTY_CSP_KNOWN[name])]
            page.remove_listener("console", csp.listener)
    assert not problems, "\n".join(problems)


def test_the_walk_covers_every_pattern():
    """A pattern left out of both lists would go unchecked."""
    assert set(EDITOR_NOT_PAGES) <= set(patterns("editor"))
    assert set(patterns("public")) >= PUBLIC_NOT_PAGES
