"""The dashboard's status tiles fit a 1280-pixel screen and a 375-pixel phone: each status name
stays inside its own tile ("No public information" used to spill over "Not started")."""

import pytest

from tests import test_public_fixtures as fx

story = fx.story

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OVERFLOWS = """() => [...document.querySelectorAll('.status-tile')].flatMap(tile => {
  const box = tile.getBoundingClientRect();
  return [...tile.querySelectorAll('.badge, .count')]
    .filter(el => {
      const r = el.getBoundingClientRect();
      return r.left < box.left - 0.5 || r.right > box.right + 0.5;
    })
    .map(el => el.textContent.trim());
})"""


@pytest.mark.parametrize("width", [1280, 1024, 375])
def test_every_status_name_stays_inside_its_tile(page, story, live_server, width):
    # Given the dashboard at a common screen width
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/")
    assert page.locator(".status-tile").count() == 8
    # Then no status name or count reaches outside its tile
    assert page.evaluate(OVERFLOWS) == []
    # And the page itself does not scroll sideways
    assert page.evaluate("document.documentElement.scrollWidth") <= width
