"""A project's Settings (General, Instructions, Annotation, Backup, Danger Zone) and Dashboard:
what is saved survives a reload under the documented project.settings keys; a backup, deleted
and restored, backs up again to the same document; the Dashboard draws its charts."""

import json
import re
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.helpers import no_python

SEED = (Path(__file__).parent / "seed_project.js").read_text()


def project(page, pid):
    return page.evaluate("(id) => labelcore.projects.getProject(id)", pid)


def test_settings_are_saved_and_survive_a_reload(page, site_url):
    no_python(page)
    page.goto(site_url)
    pid = page.evaluate("() => labelcore.projects.createProject({name: 'Birds'}).then((p) => p.id)")
    page.goto(f"{site_url}#/projects/{pid}/settings")
    general = page.get_by_role("region", name="General")
    general.get_by_label("Project Name").fill("Birds of prey")
    general.get_by_label("Description").fill("Hawks and owls")
    general.get_by_role("radio", name="#2A9DB4").click()
    general.get_by_role("button", name="Save").click()
    expect(general.get_by_role("status")).to_have_text("Saved")
    expect(page.get_by_role("heading", name="Birds of prey", level=1)).to_be_visible()

    page.get_by_role("navigation", name="Settings").get_by_role("link", name="Instructions").click()
    part = page.get_by_role("region", name="Instructions")
    part.get_by_label("Labeling instructions").fill(
        '<p>Box <b>each</b> bird.</p><img src=x onerror="window.pwned=1">'
    )
    part.get_by_role("checkbox").check()
    expect(part.get_by_label("Instructions preview").locator("b")).to_have_text("each")
    assert part.get_by_label("Instructions preview").locator("[onerror]").count() == 0
    part.get_by_role("button", name="Save").click()
    expect(part.get_by_role("status")).to_have_text("Saved")

    page.get_by_role("navigation", name="Settings").get_by_role("link", name="Annotation").click()
    part = page.get_by_role("region", name="Annotation")
    part.get_by_role("radio", name="Lowest prediction score first").check()
    part.get_by_role("checkbox", name="Show Skip button").uncheck()
    part.get_by_label("Annotations per task").fill("0")
    part.get_by_role("button", name="Save").click()
    expect(part.get_by_role("alert")).to_contain_text("whole number from 1 to 1000")
    part.get_by_label("Annotations per task").fill("3")
    part.get_by_role("button", name="Save").click()
    expect(part.get_by_role("status")).to_have_text("Saved")

    page.reload()
    stored = project(page, pid)
    assert (stored["name"], stored["description"], stored["color"]) == (
        "Birds of prey",
        "Hawks and owls",
        "#2A9DB4",
    )
    assert stored["settings"] == {
        "expert_instruction": '<p>Box <b>each</b> bird.</p><img src=x onerror="window.pwned=1">',
        "show_instruction": True,
        "sampling": "uncertainty",
        "show_skip_button": False,
        "enable_empty_annotation": True,
        "maximum_annotations": 3,
    }
    part = page.get_by_role("region", name="Annotation")
    expect(part.get_by_role("radio", name="Lowest prediction score first")).to_be_checked()
    expect(part.get_by_role("checkbox", name="Show Skip button")).not_to_be_checked()
    expect(part.get_by_label("Annotations per task")).to_have_value("3")
    assert page.evaluate("() => window.pwned") is None


def backup(page, pid, site_url, tmp_path, name):
    page.goto(f"{site_url}#/projects/{pid}/settings/backup")
    with page.expect_download() as info:
        page.get_by_role("button", name="Export project backup").click()
    path = tmp_path / name
    info.value.save_as(path)
    return path, json.loads(path.read_text())


def test_backup_delete_restore_backup_again(page, site_url, tmp_path):
    no_python(page)
    page.goto(site_url)
    pid = page.evaluate(SEED)
    first_path, first = backup(page, pid, site_url, tmp_path, "first.json")
    assert first["format"] == "labelcore-project-backup" and first["project"]["name"] == "Street signs"
    assert [len(first[k]) for k in ("tasks", "annotations", "predictions", "media")] == [40, 26, 8, 1]
    assert first["media"][0]["base64"] == "AQID"
    assert sorted(p["name"] for p in first["profiles"]) == ["Ada Lovelace", "Bob Stone"]

    page.get_by_role("navigation", name="Settings").get_by_role("link", name="Danger Zone").click()
    page.get_by_role("button", name="Delete Project").click()
    page.get_by_role("dialog", name="Delete project").get_by_role("button", name="Delete").click()
    expect(page.get_by_role("heading", name="No projects yet")).to_be_visible()

    # A file that is not a backup is refused and writes nothing.
    bogus = tmp_path / "bogus.json"
    bogus.write_text('{"format": "something else"}')
    page.locator("input[type=file]").set_input_files(str(bogus))
    expect(page.get_by_role("alert")).to_contain_text("not a Labelcore project backup")
    assert page.evaluate("() => labelcore.projects.listProjects()") == []

    page.locator("input[type=file]").set_input_files(str(first_path))
    card = page.get_by_role("list", name="Projects").get_by_role("listitem")
    expect(card).to_contain_text("40 tasks")
    expect(card).to_contain_text("23 annotated")
    page.reload()
    restored = page.evaluate("() => labelcore.projects.listProjects()")
    assert len(restored) == 1
    _, second = backup(page, restored[0]["id"], site_url, tmp_path, "second.json")
    # Documented difference: exported_at only (every id was free again after the delete).
    stamps = [first.pop("exported_at"), second.pop("exported_at")]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", s) for s in stamps)
    assert second == first

    # Restoring the same file again while the project exists: new ids, same content.
    page.goto(site_url)
    page.locator("input[type=file]").set_input_files(str(first_path))
    page.get_by_role("dialog", name="Backup already restored").get_by_role("button", name="Keep both").click()
    expect(page.get_by_role("list", name="Projects").get_by_role("listitem")).to_have_count(2)
    ids = [p["id"] for p in page.evaluate("() => labelcore.projects.listProjects()")]
    _, third = backup(page, max(ids), site_url, tmp_path, "third.json")
    third.pop("exported_at")
    assert third["project"]["id"] != first["project"]["id"]
    task_ids = {t["id"] for t in third["tasks"]}
    assert task_ids.isdisjoint({t["id"] for t in first["tasks"]})
    assert all(a["task"] in task_ids for a in third["annotations"])
    media_id = third["media"][0]["id"]
    assert (
        media_id != first["media"][0]["id"]
        and third["tasks"][0]["data"]["image"] == f"media://{media_id}/a.png"
    )
    ignore = {"id", "task", "project"}
    for key in ("annotations", "predictions"):
        assert [{k: v for k, v in r.items() if k not in ignore} for r in third[key]] == [
            {k: v for k, v in r.items() if k not in ignore} for r in first[key]
        ]


def test_dashboard_draws_progress_annotators_and_labels(page, site_url):
    no_python(page)
    page.goto(site_url)
    pid = page.evaluate(SEED)
    page.goto(f"{site_url}#/projects/{pid}/dashboard")
    summary = page.locator(".project-summary")
    expect(summary).to_contain_text("Annotated tasks23")
    expect(summary).to_contain_text("Skipped3")
    people = page.get_by_role("img", name="Annotations per annotator")
    expect(people.locator(".bar-label")).to_have_text(["Ada Lovelace", "Bob Stone"])
    expect(people.locator(".bar-value")).to_have_text(["14 + 3", "9"])
    labels = page.get_by_role("img", name="How often each label was used")
    expect(labels.locator(".bar-label")).to_have_text(["Stop", "Yield", "Speed limit"])
    expect(labels.locator(".bar-value")).to_have_text(["12", "6", "5"])
    progress = page.get_by_role("img", name=re.compile("Annotations per day"))
    expect(progress.locator("rect.bar")).to_have_count(7)  # 2025-03-02 .. 2025-03-08
    assert progress.locator("polyline.line").get_attribute("points").count(",") == 7
