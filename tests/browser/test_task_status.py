"""One task status (store/status.js): the "Annotations per task" a person sets in Settings is what
the Data Manager's Completed column and the label stream count. With 2 per task, one annotation
leaves a task open (not completed, and the stream offers it to another annotator, never again to
the one who did it); the second completes it."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from labelcore.config.parse import parse_config

XML = """<View><Text name="text" value="$text"/>
  <Choices name="mood" toName="text"><Choice value="Happy"/><Choice value="Sad"/></Choices></View>"""

SEED = """async ([xml, config]) => {
  const projects = await import('./js/store/projects.js');
  const { write } = await import('./js/store/db.js');
  const p = await projects.createProject({ name: 'Moods', label_config: xml });
  await projects.updateProject(p.id, { parsed_config: config });
  const tasks = await write(['tasks'], async (tx) => Promise.all(['I am glad.', 'I am sad.'].map((text, i) =>
    tx.objectStore('tasks').add({ project: p.id, data: { text }, meta: {}, inner_id: i + 1,
      created_at: '2025-01-01T00:00:00.000Z', updated_at: '2025-01-01T00:00:00.000Z' }))));
  return { project: p.id, tasks };
}"""


def section(page, name):
    page.get_by_role("navigation", name="Project sections").get_by_role("link", name=name).click()


def cell(page, task, column):
    """The text a person reads in the Data Manager: the task's row, under the column's header."""
    table = page.get_by_role("table", name="Tasks")
    row = table.get_by_role("row").filter(
        has=page.get_by_role("checkbox", name=f"Select task {task}", exact=True)
    )
    expect(row).to_be_visible()
    headers = [h.strip() for h in table.get_by_role("columnheader").all_inner_texts()]
    at = next(i for i, h in enumerate(headers) if h.startswith(column))
    return row.get_by_role("cell").nth(at)


def label(page, task, choice):
    """Label All Tasks -> the stream opens `task`; pick the choice and Submit."""
    page.get_by_role("button", name="Label All Tasks").click()
    expect(page.get_by_role("heading", name=re.compile(rf"^Task {task}\b"))).to_be_visible()
    page.get_by_role("radio", name=choice).click()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("status").filter(has_text="submitted")).to_be_visible()


def test_two_annotations_per_task_complete_a_task(page, site_url):
    page.goto(site_url)
    expect(page.get_by_role("button", name="Create Project").first).to_be_visible()
    ids = page.evaluate(SEED, [XML, parse_config(XML).to_json()])
    first, second = ids["tasks"]
    page.goto(f"{site_url}#/projects/{ids['project']}/data")
    expect(cell(page, first, "Annotations")).to_have_text("0")

    section(page, "Settings")
    page.get_by_role("navigation", name="Settings").get_by_role("link", name="Annotation").click()
    part = page.get_by_role("region", name="Annotation")
    part.get_by_label("Annotations per task").fill("2")
    part.get_by_role("button", name="Save").click()
    expect(part.get_by_role("status")).to_have_text("Saved")

    label(page, first, "Happy")
    # the stream moves on to the other task: this annotator is done with the first one
    expect(page.get_by_role("heading", name=re.compile(rf"^Task {second}\b"))).to_be_visible()
    page.get_by_role("link", name="← Moods").click()  # back to the Data Manager
    expect(cell(page, first, "Annotations")).to_have_text("1")
    expect(cell(page, first, "Completed")).to_have_text("—")  # 1 of 2: not completed

    # a second annotator: the stream offers them the first task again, which their Submit completes
    page.get_by_role("button", name=re.compile(r"^Profile: ")).click()
    page.get_by_role("menuitem", name="Add profile").click()
    dialog = page.get_by_role("dialog", name="Add profile")
    dialog.get_by_label("Your name").fill("Bo Reviewer")
    dialog.get_by_role("button", name="Save").click()
    expect(page.get_by_role("button", name="Profile: Bo Reviewer")).to_be_visible()
    label(page, first, "Sad")
    page.get_by_role("link", name="← Moods").click()
    expect(cell(page, first, "Annotations")).to_have_text("2")
    expect(cell(page, first, "Completed")).to_have_text(re.compile(r"\d"))  # a date: completed
    expect(cell(page, second, "Completed")).to_have_text("—")
