"""Where a new user got stuck or lost work in the quick start (issue 13), each walked as the
person did it, by visible names: leaving the labeling screen (the "← project" link, the
browser's Back button, a typed address) lands where asked and stays there; Create Project's
Save refuses an invalid config, imports the files still staged, and its Cancel asks before
deleting an imported project; the Data Manager shows the first import without a reload."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from playwright.sync_api import expect

_spec = importlib.util.spec_from_file_location("labeling_text", Path(__file__).with_name("test_labeling_text.py"))
_text = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_text)
seed = _text.seed

CORE = 90_000
CHOICES = """<View><Text name="text" value="$text"/>
  <Choices name="mood" toName="text"><Choice value="Happy"/><Choice value="Sad"/></Choices></View>"""
TEXTS = ["First review text", "Second review text", "Third review text"]

# Every hash the page has been at, in order (replace() included): a bounce shows here even when
# it comes back.
HASHES = """() => { window.__hashes = [location.hash];
  addEventListener('hashchange', () => window.__hashes.push(location.hash)); }"""


def seeded(page, site_url):
    ids = seed(page, site_url, CHOICES, [{"text": t} for t in TEXTS])
    page.goto(f"{site_url}#/projects/{ids['project']}/data")
    grid = page.get_by_role("table", name="Tasks")
    expect(grid).to_contain_text(TEXTS[0])
    return ids, grid


def settled_on(page, pattern: str):
    """The page is at `pattern` with its screen drawn, and no labeling screen came in between."""
    expect(page).to_have_url(re.compile(pattern))
    page.wait_for_function("() => !document.querySelector('[aria-busy=true]')")
    expect(page).to_have_url(re.compile(pattern))
    since = page.evaluate("window.__hashes")[1:]  # after the labeling screen the person left
    assert not any("/label" in h for h in since), since


def test_leaving_the_label_stream_by_link_back_button_and_address(page, site_url):
    ids, grid = seeded(page, site_url)
    pid = ids["project"]
    name = "Labeling test"

    # "← project" link from the stream
    page.get_by_role("button", name="Label All Tasks").click()
    expect(page.get_by_text(TEXTS[0])).to_be_visible()
    page.evaluate(HASHES)
    page.get_by_role("link", name=f"← {name}").click()
    expect(grid).to_contain_text(TEXTS[2])
    settled_on(page, rf"#/projects/{pid}/data$")

    # the browser's Back button from the stream
    page.get_by_role("button", name="Label All Tasks").click()
    expect(page.get_by_text(TEXTS[0])).to_be_visible()
    page.evaluate(HASHES)
    page.go_back()
    expect(grid).to_contain_text(TEXTS[2])
    settled_on(page, rf"#/projects/{pid}/data$")

    # an address typed while in the stream
    page.get_by_role("button", name="Label All Tasks").click()
    expect(page.get_by_text(TEXTS[0])).to_be_visible()
    page.evaluate(HASHES)
    page.goto(f"{site_url}#/projects/{pid}/settings")
    expect(page.get_by_role("heading", name=name)).to_be_visible()
    expect(page.get_by_role("link", name="Settings")).to_have_attribute("aria-current", "page")
    settled_on(page, rf"#/projects/{pid}/settings$")


def test_back_from_a_task_opened_in_the_data_manager(page, site_url):
    ids, grid = seeded(page, site_url)
    pid, second = ids["project"], ids["tasks"][1]
    grid.get_by_role("row").filter(has_text=TEXTS[1]).click()
    expect(page.get_by_role("heading", name=re.compile(rf"^Task {second}"))).to_be_visible()
    expect(page.get_by_text(TEXTS[1])).to_be_visible()
    page.evaluate(HASHES)
    page.get_by_role("link", name="← Labeling test").click()
    expect(grid).to_contain_text(TEXTS[2])
    settled_on(page, rf"#/projects/{pid}/data$")
    # and Back from there returns to the same task, not another one
    page.go_back()
    expect(page.get_by_role("heading", name=re.compile(rf"^Task {second}"))).to_be_visible()
    expect(page.get_by_text(TEXTS[1])).to_be_visible()

