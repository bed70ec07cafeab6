"""The quick start's small traps (issue 13, bug 6), each walked as a new user did it, by visible
names: restoring a file that is not a backup says so in words; "Later" on the welcome card
sticks; restoring the same backup twice asks before making a second project; images imported
before a config show no `$undefined$` column."""

from __future__ import annotations

import os
import re

from playwright.sync_api import expect

from labelcore.exporters.png import png_grey
from tests.browser.helpers import seed

SHOTS = os.environ.get("LABELCORE_SCREENSHOTS")  # a folder: save a screenshot of each screen changed


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"small-{name}.png"))


def pick(page, button_name, path):
    """Press the button that opens a file picker and pick `path` in it."""
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name=button_name).click()
    chooser.value.set_files(str(path))


def home(page, site_url):
    page.goto(site_url)
    expect(page.get_by_role("button", name="Create Project").first).to_be_visible()


def test_restoring_a_file_that_is_not_a_backup_says_what_it_is(page, site_url, tmp_path):
    home(page, site_url)
    csv = tmp_path / "reviews.json"
    csv.write_text("text,sentiment\nGreat film,Positive\n")
    pick(page, "Restore", csv)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("reviews.json: This file is not a Labelcore project backup: it is not JSON")
    expect(alert).to_contain_text("it begins “text,sentiment”")
    expect(alert).not_to_contain_text("Unexpected token")
    shot(page, "restore-not-json")

    tasks = tmp_path / "tasks.json"
    tasks.write_text('[{"text": "a"}, {"text": "b"}]')
    pick(page, "Restore", tasks)
    expect(alert).to_contain_text("it is a JSON list of 2 items")
    assert page.evaluate("() => labelcore.projects.listProjects()") == []


def test_later_on_the_welcome_card_sticks_after_a_reload(page, site_url):
    home(page, site_url)
    welcome = page.get_by_role("dialog", name="Welcome to Labelcore")
    welcome.get_by_role("button", name="Later").click()
    expect(welcome).to_be_hidden()  # hidden once "Later" is written
    page.reload()
    expect(page.get_by_role("heading", name="Projects", exact=True)).to_be_visible()
    # The profile menu and the welcome card read the profile from one shared lookup.
    expect(page.get_by_role("button", name="Profile: Annotator")).to_be_visible()
    expect(welcome).to_be_hidden()
    shot(page, "welcome-later")
    # The profile is still the provisional one: the menu can name it later.
    current = "async () => (await (await import('./js/store/profiles.js')).currentProfile()).provisional"
    assert page.evaluate(current) is True


TEXT = """<View><Text name="text" value="$text"/>
  <Choices name="mood" toName="text"><Choice value="Happy"/><Choice value="Sad"/></Choices></View>"""


def test_restoring_a_backup_twice_asks_to_replace_or_keep_both(page, site_url, tmp_path):
    ids = seed(page, site_url, TEXT, [{"text": "First"}, {"text": "Second"}])
    page.goto(f"{site_url}#/projects/{ids['project']}/settings/backup")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export project backup").click()
    path = tmp_path / "labeling-test-backup.json"
    download.value.save_as(path)

    home(page, site_url)
    page.get_by_role("button", name="Actions for Labeling test").click()
    page.get_by_role("menuitem", name="Rename").click()
    page.get_by_label("Project Name").fill("Reviews")
    page.get_by_role("button", name="Rename").click()
    cards = page.get_by_role("list", name="Projects").get_by_role("listitem")
    expect(cards).to_have_text([re.compile("^Reviews")])

    pick(page, "Restore", path)
    asked = page.get_by_role("dialog", name="Backup already restored")
    expect(asked).to_contain_text("“Reviews” from this backup is already here, with 2 tasks.")
    shot(page, "restore-again")
    asked.get_by_role("button", name="Replace").click()
    expect(asked).to_be_hidden()
    expect(cards).to_have_text(
        [re.compile("^Labeling test.*2 tasks")]
    )  # the backup, in place of the renamed one
    assert [p["id"] for p in page.evaluate("() => labelcore.projects.listProjects()")] == [ids["project"]]

    pick(page, "Restore", path)
    asked.get_by_role("button", name="Keep both").click()
    expect(cards).to_have_count(2)
    expect(cards).to_have_text([re.compile("^Labeling test.*2 tasks")] * 2)


CORE = 90_000


def test_images_imported_before_a_config_show_under_its_data_key(page, site_url):
    home(page, site_url)
    page.get_by_role("dialog", name="Welcome to Labelcore").get_by_role("button", name="Later").click()
    page.get_by_role("button", name="Create Project").first.click()
    dialog = page.get_by_role("dialog", name="Create Project")
    dialog.get_by_label("Project Name").fill("Street photos")
    dialog.get_by_role("tab", name="Data Import").click()
    with page.expect_file_chooser() as chooser:
        dialog.get_by_role("button", name="Upload Files").click()
    png = png_grey(bytes(range(16)), 4, 4)
    chooser.value.set_files(
        files=[{"name": name, "mimeType": "image/png", "buffer": png} for name in ("a.png", "b.png")]
    )
    dialog.get_by_role("button", name="Import", exact=True).click()
    expect(dialog.get_by_role("status").filter(has_text="Imported 2 tasks.")).to_be_visible(timeout=CORE)
    dialog.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="Street photos")).to_be_visible()

    # The config comes afterwards, in Settings › Labeling Setup.
    page.get_by_role("navigation", name="Project sections").get_by_role("link", name="Settings").click()
    page.get_by_role("navigation", name="Settings").get_by_role("link", name="Labeling Setup").click()
    page.get_by_role("searchbox", name="Search templates").fill("bounding")
    page.get_by_role("list", name="Templates").get_by_role(
        "button", name="Object Detection with Bounding Boxes"
    ).click()
    save = page.get_by_role("button", name="Save", exact=True)
    expect(save).to_be_enabled(timeout=CORE)
    save.click()
    expect(page.get_by_role("status").filter(has_text=re.compile(r"^Saved\.$"))).to_be_visible(timeout=CORE)

    page.get_by_role("navigation", name="Project sections").get_by_role("link", name="Data Manager").click()
    table = page.get_by_role("table", name="Tasks")
    expect(table.get_by_role("row")).to_have_count(3, timeout=CORE)
    expect(table.get_by_role("columnheader", name="image")).to_be_visible()
    expect(table.get_by_role("columnheader", name="$undefined$")).to_have_count(0)
    table.get_by_role("columnheader", name="image").scroll_into_view_if_needed()
    shot(page, "data-manager-images-before-config")
