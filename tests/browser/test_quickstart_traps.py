"""Where a new user got stuck or lost work in the quick start (issue 13), each walked as the
person did it, by visible names: leaving the labeling screen (the "← project" link, the
browser's Back button, a typed address) lands where asked and stays there; Create Project's
Save refuses an invalid config, imports the files still staged, and its Cancel asks before
deleting an imported project; the Data Manager shows the first import without a reload."""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

from playwright.sync_api import expect

_spec = importlib.util.spec_from_file_location(
    "labeling_text", Path(__file__).with_name("test_labeling_text.py")
)
_text = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_text)
seed = _text.seed

CORE = 90_000
SHOTS = os.environ.get("LABELCORE_SCREENSHOTS")  # a folder: save a screenshot of each screen changed


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"traps-{name}.png"))


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


REVIEWS = "review,stars\nThe battery lasts all week,5\nIt broke on the second day,1\nDoes what it says,4\n"
STORED = "() => labelcore.projects.listProjects()"
TASKS = "async (pid) => (await labelcore.store.db()).countFromIndex('tasks', 'project', pid)"


def home(page, site_url):
    page.goto(site_url)
    page.get_by_role("dialog", name="Welcome to Labelcore").get_by_role("button", name="Later").click()


def create_project(page, name):
    page.get_by_role("button", name="Create Project").first.click()
    dialog = page.get_by_role("dialog", name="Create Project")
    dialog.get_by_label("Project Name").fill(name)
    return dialog


def upload(page, scope, name="reviews.csv", text=REVIEWS):
    """Upload Files, as a person picks a file in the file chooser; waits for the preview."""
    with page.expect_file_chooser() as chooser:
        scope.get_by_role("button", name="Upload Files").click()
    chooser.value.set_files(files=[{"name": name, "mimeType": "text/csv", "buffer": text.encode()}])
    expect(scope.get_by_role("table", name="First tasks").get_by_role("row")).to_have_count(4, timeout=CORE)


def pick_template(dialog, search, title):
    dialog.get_by_role("searchbox", name="Search templates").fill(search)
    dialog.get_by_role("list", name="Templates").get_by_role("button", name=title, exact=True).click()
    expect(dialog.get_by_role("region", name="Preview")).to_have_attribute(
        "data-state", "ready", timeout=CORE
    )


def test_create_project_save_refuses_an_invalid_config(page, site_url):
    home(page, site_url)
    dialog = create_project(page, "Typo project")
    dialog.get_by_role("tab", name="Labeling Setup").click()
    pick_template(dialog, "entity", "Named Entity Recognition")
    code = dialog.get_by_role("textbox", name="Labeling config (XML)")
    good = code.input_value()
    bad = good.replace('toName="text"', 'toName="txt"').replace('value="Date"', 'value="Date"  hotkey=')
    status = dialog.get_by_role("status").filter(has_text=re.compile("config|error"))

    # Save pressed right after the typo (before the check has answered): refused all the same.
    code.fill(bad)
    dialog.get_by_role("button", name="Save", exact=True).click()
    expect(dialog.get_by_role("alert")).to_contain_text("fix", timeout=CORE)
    expect(status).to_contain_text(re.compile(r"errors?: fix"))
    expect(dialog.get_by_role("list", name="Config errors")).to_be_focused()
    expect(dialog.get_by_role("tab", name="Labeling Setup")).to_have_attribute("aria-selected", "true")
    shot(page, "create-refused")
    assert [(p["name"], p["label_config"]) for p in page.evaluate(STORED)] == [("Typo project", "")]

    # From another tab, Save brings the person back to the errors; nothing typed is lost.
    dialog.get_by_role("tab", name="Project Name").click()
    dialog.get_by_role("button", name="Save", exact=True).click()
    expect(dialog.get_by_role("list", name="Config errors")).to_be_focused()
    expect(code).to_have_value(bad)

    code.fill(good)
    expect(status).to_have_text("Valid config.", timeout=CORE)
    dialog.get_by_role("button", name="Save", exact=True).click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("heading", name="Typo project")).to_be_visible()
    [project] = page.evaluate(STORED)
    assert project["label_config"] == good and project["parsed_config"]


def test_create_project_save_imports_the_staged_files(page, site_url):
    home(page, site_url)
    dialog = create_project(page, "Reviews")
    dialog.get_by_role("tab", name="Data Import").click()
    upload(page, dialog)
    # the person moves on without pressing the tab's own Import button
    dialog.get_by_role("tab", name="Labeling Setup").click()
    pick_template(dialog, "sentiment", "Text Classification")
    dialog.get_by_role("tab", name="Data Import").click()
    expect(dialog.get_by_role("list", name="Sources")).to_contain_text("reviews.csv")  # still staged
    shot(page, "create-staged")
    dialog.get_by_role("tab", name="Project Name").click()
    dialog.get_by_role("button", name="Save", exact=True).click()
    expect(dialog).to_be_hidden(timeout=CORE)
    grid = page.get_by_role("table", name="Tasks")
    expect(grid).to_contain_text("The battery lasts all week", timeout=CORE)
    expect(grid).to_contain_text("Does what it says")
    shot(page, "data-manager-after-save")
    [project] = page.evaluate(STORED)
    assert page.evaluate(TASKS, project["id"]) == 3
    assert project["label_config"]


def test_the_data_manager_shows_the_first_import_without_a_reload(page, site_url):
    home(page, site_url)
    create_project(page, "Empty at first").get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="No tasks yet")).to_be_visible()
    page.get_by_role("region", name="No tasks").get_by_role("button", name="Import").click()
    dialog = page.get_by_role("dialog", name="Import")
    upload(page, dialog)
    dialog.get_by_role("button", name="Import", exact=True).click()
    expect(dialog.get_by_role("status").filter(has_text="Imported 3 tasks.")).to_be_visible(timeout=CORE)
    dialog.get_by_role("button", name="Done").click()
    grid = page.get_by_role("table", name="Tasks")
    expect(grid).to_contain_text("The battery lasts all week", timeout=CORE)
    expect(page.get_by_role("heading", name="No tasks yet")).to_have_count(0)
    shot(page, "data-manager-first-import")

    # and the same after an import in Create Project, then Save
    page.get_by_role("link", name="Projects").first.click()
    dialog = create_project(page, "Imported at once")
    dialog.get_by_role("tab", name="Data Import").click()
    upload(page, dialog)
    dialog.get_by_role("button", name="Import", exact=True).click()
    expect(dialog.get_by_role("status").filter(has_text="Imported 3 tasks.")).to_be_visible(timeout=CORE)
    dialog.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="Imported at once")).to_be_visible()
    expect(grid).to_contain_text("It broke on the second day", timeout=CORE)


def test_leaving_create_project_after_an_import_asks_first(page, site_url):
    home(page, site_url)
    dialog = create_project(page, "Keep me")
    dialog.get_by_role("tab", name="Data Import").click()
    upload(page, dialog)
    dialog.get_by_role("button", name="Import", exact=True).click()
    expect(dialog.get_by_role("status").filter(has_text="Imported 3 tasks.")).to_be_visible(timeout=CORE)
    confirm = page.get_by_role("dialog", name="Discard this project?")
    for leave in (
        lambda: page.keyboard.press("Escape"),
        lambda: dialog.get_by_role("button", name="Close").click(),
        lambda: dialog.get_by_role("button", name="Cancel").click(),
    ):
        leave()
        expect(confirm).to_contain_text("3 imported tasks")
        shot(page, "create-discard")
        confirm.get_by_role("button", name="Keep editing").click()
        expect(confirm).to_be_hidden()
        expect(dialog).to_be_visible()
        [project] = page.evaluate(STORED)
        assert page.evaluate(TASKS, project["id"]) == 3
    # Escape in the question is "Keep editing" too
    dialog.get_by_role("button", name="Cancel").click()
    expect(confirm).to_be_visible()
    page.keyboard.press("Escape")
    expect(confirm).to_be_hidden()
    expect(dialog).to_be_visible()

    dialog.get_by_role("button", name="Cancel").click()
    confirm.get_by_role("button", name="Delete project and tasks").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("heading", name="No projects yet")).to_be_visible()
    assert page.evaluate(STORED) == []
    assert page.evaluate(TASKS, project["id"]) == 0
