"""The home screen as a new user meets it: the welcome dialog and profiles, Create Project with its
three tabs (each skippable), cards with task/annotated counts, rename, duplicate (settings only or
with data) and delete. Python is not needed: the core is refused its runtime, to spare the CPU."""

import re
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.helpers import no_python

SEED = (Path(__file__).parent / "seed_project.js").read_text()


def card(page, name):
    return (
        page.get_by_role("list", name="Projects")
        .get_by_role("listitem")
        .filter(has=page.get_by_role("heading", name=name, exact=True))
    )


def test_first_visit_profile_then_create_project_through_the_tabs(page, site_url):
    no_python(page)
    page.goto(site_url)
    welcome = page.get_by_role("dialog", name="Welcome to Labelcore")
    expect(welcome).to_be_visible()
    welcome.get_by_label("Email").fill("not-an-email")
    welcome.get_by_label("Your name").fill("Ada Lovelace")
    welcome.get_by_role("button", name="Continue").click()
    expect(welcome.get_by_role("alert")).to_contain_text("does not look like an email address")
    welcome.get_by_label("Email").fill("ada@example.org")
    welcome.get_by_role("button", name="Continue").click()
    expect(welcome).to_be_hidden()
    expect(page.get_by_role("button", name="Profile: Ada Lovelace")).to_be_visible()

    # Cancel after a step that wrote the project leaves nothing behind.
    page.get_by_role("button", name="Create Project").first.click()
    dialog = page.get_by_role("dialog", name="Create Project")
    dialog.get_by_label("Project Name").fill("Abandoned")
    dialog.get_by_role("tab", name="Data Import").click()
    expect(dialog.get_by_role("tab", name="Data Import")).to_have_attribute("aria-selected", "true")
    assert [p["name"] for p in page.evaluate("() => labelcore.projects.listProjects()")] == ["Abandoned"]
    dialog.get_by_role("button", name="Cancel").first.click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("heading", name="No projects yet")).to_be_visible()
    assert page.evaluate("() => labelcore.projects.listProjects()") == []

    # Name, then both later steps visited and skipped, then Save.
    page.get_by_role("button", name="Create Project").first.click()
    dialog.get_by_label("Project Name").fill("Street signs")
    dialog.get_by_label("Description").fill("Boxes around every sign")
    dialog.get_by_role("radio", name="#E0912F").click()
    dialog.get_by_role("tab", name="Data Import").click()
    dialog.get_by_role("tab", name="Labeling Setup").click()
    expect(dialog.get_by_role("tab", name="Labeling Setup")).to_have_attribute("aria-selected", "true")
    dialog.get_by_role("tab", name="Project Name").click()
    expect(dialog.get_by_label("Project Name")).to_have_value("Street signs")
    dialog.get_by_label("Project Name").fill("Street signs 2025")
    dialog.get_by_role("button", name="Save", exact=True).last.click()
    expect(page.get_by_role("heading", name="Street signs 2025")).to_be_visible()
    assert re.search(r"#/projects/\d+$", page.url)

    page.reload()
    expect(page.get_by_role("button", name="Profile: Ada Lovelace")).to_be_visible()
    page.get_by_role("link", name="Projects").first.click()
    expect(page.get_by_role("dialog", name="Welcome to Labelcore")).to_have_count(0)
    expect(card(page, "Street signs 2025")).to_contain_text("Boxes around every sign")
    stored = page.evaluate("() => labelcore.projects.listProjects()")
    assert [(p["name"], p["color"]) for p in stored] == [("Street signs 2025", "#E0912F")]
    profile = page.evaluate("() => import('./js/store/profiles.js').then((m) => m.currentProfile())")
    assert (profile["name"], profile["email"], profile["provisional"]) == (
        "Ada Lovelace",
        "ada@example.org",
        False,
    )


def test_profiles_add_and_switch(page, site_url):
    no_python(page)
    page.goto(site_url)
    page.get_by_role("dialog", name="Welcome to Labelcore").get_by_role("button", name="Later").click()
    page.get_by_role("button", name="Profile: Annotator").click()
    page.get_by_role("menuitem", name="Add profile").click()
    add = page.get_by_role("dialog", name="Add profile")
    add.get_by_label("Your name").fill("Bob Stone")
    add.get_by_label("Email").fill("bob@example.org")
    add.get_by_role("button", name="Save").click()
    expect(page.get_by_role("button", name="Profile: Bob Stone")).to_be_visible()
    page.reload()
    page.get_by_role("button", name="Profile: Bob Stone").click()
    items = page.get_by_role("menuitemradio")
    expect(items).to_have_count(2)
    expect(page.get_by_role("menuitemradio", name=re.compile("Bob Stone"))).to_have_attribute(
        "aria-checked", "true"
    )
    page.get_by_role("menuitemradio", name=re.compile("Annotator")).click()
    expect(page.get_by_role("button", name="Profile: Annotator")).to_be_visible()
    page.reload()
    expect(page.get_by_role("button", name="Profile: Annotator")).to_be_visible()


def stored_rows(page, project_id):
    return page.evaluate(
        """(id) => labelcore.store.read(['tasks', 'annotations', 'predictions', 'media'], async (tx) => {
        const all = async (s) => tx.objectStore(s).index('project').getAll(id);
        const [tasks, annotations, predictions, media] = await Promise.all(['tasks', 'annotations', 'predictions', 'media'].map(all));
        return {tasks, annotations, predictions, media: media.map((m) => ({id: m.id, size: m.blob.size}))};
    })""",
        project_id,
    )


def test_cards_rename_duplicate_and_delete(page, site_url):
    no_python(page)
    page.goto(site_url)
    source = page.evaluate(SEED)
    page.reload()
    signs = card(page, "Street signs")
    expect(signs).to_contain_text("40 tasks")
    expect(signs).to_contain_text("23 annotated")  # 26 annotations, 3 of them skipped
    expect(signs.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "58")

    signs.get_by_role("button", name="Actions for Street signs").click()
    page.get_by_role("menuitem", name="Rename").click()
    page.get_by_role("dialog", name="Rename project").get_by_label("Project Name").fill("Road signs")
    page.get_by_role("dialog", name="Rename project").get_by_role("button", name="Rename").click()
    expect(card(page, "Road signs")).to_be_visible()

    for with_data in (False, True):
        page.get_by_role("button", name="Actions for Road signs", exact=True).click()
        page.get_by_role("menuitem", name="Duplicate").click()
        dup = page.get_by_role("dialog", name="Duplicate project")
        dup.get_by_role(
            "radio", name=re.compile("Settings and data" if with_data else "Settings only")
        ).check()
        dup.get_by_role("button", name="Duplicate").click()
        expect(dup).to_be_hidden()
    copies = card(page, "Road signs (copy)")
    expect(copies).to_have_count(2)
    expect(copies.filter(has=page.get_by_text("40 tasks", exact=True))).to_contain_text("23 annotated")
    expect(copies.filter(has=page.get_by_text("0 tasks", exact=True))).to_have_count(1)

    projects = {p["id"]: p for p in page.evaluate("() => labelcore.projects.listProjects()")}
    full = next(p for p in projects.values() if p["name"] == "Road signs (copy)" and p["task_count"] == 40)
    bare = next(p for p in projects.values() if p["name"] == "Road signs (copy)" and p["task_count"] == 0)
    assert (
        full["settings"]
        == bare["settings"]
        == projects[source]["settings"]
        == {"maximum_annotations": 2, "sampling": "random"}
    )
    original, copy = stored_rows(page, source), stored_rows(page, full["id"])
    copy_tasks = {t["id"] for t in copy["tasks"]}
    assert copy_tasks.isdisjoint({t["id"] for t in original["tasks"]})
    assert all(a["task"] in copy_tasks for a in copy["annotations"] + copy["predictions"])
    strip = lambda rows, *keys: [{k: v for k, v in r.items() if k not in keys} for r in rows]  # noqa: E731
    assert strip(copy["annotations"], "id", "task", "project") == strip(
        original["annotations"], "id", "task", "project"
    )
    # The copy's tasks point at the copy's own media record, not the original's.
    assert len(copy["media"]) == 1 and copy["media"][0]["id"] != original["media"][0]["id"]
    assert copy["tasks"][0]["data"]["image"] == f"media://{copy['media'][0]['id']}/a.png"

    page.get_by_role("button", name="Actions for Road signs", exact=True).click()
    page.get_by_role("menuitem", name="Delete").click()
    page.get_by_role("dialog", name="Delete project").get_by_role("button", name="Delete").click()
    expect(card(page, "Road signs")).to_have_count(0)
    page.reload()
    expect(card(page, "Road signs (copy)")).to_have_count(2)
    assert stored_rows(page, source) == {"tasks": [], "annotations": [], "predictions": [], "media": []}
    assert len(stored_rows(page, full["id"])["annotations"]) == 26
