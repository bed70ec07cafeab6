"""Labeling Setup in headless Chromium: the gallery, the visual and code editors (edits keep the
XML's formatting; errors and warnings at their line), Save refusing invalid (not merely warned)
or orphaning configs, and every
template's preview rendering (one page load, all templates picked through the gallery).

The screen is mounted on its own (as the Settings section and the Create Project dialog mount it)
on a project made through the store, so these tests depend on no other screen."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from playwright.sync_api import expect

from labelcore.templates import list_templates
from tests.browser.helpers import BOOT_TIMEOUT, READY

CORE = 30_000  # ms: anything waiting on an answer from the worker (2 shared cores under load)
SHOTS = Path(os.environ.get("LABELCORE_SHOTS", "/tmp/setup-shots"))

# Make a project (optionally with tasks and annotations), then mount <LabelingSetup> for it below
# the app shell. window.setupSaved collects what onSaved received.
MOUNT = """async ({name, config, annotations}) => {
  const base = new URL('.', location.href);
  const imp = (p) => import(new URL(p, base).href);
  const [{ html, render }, { AppContext }, { LabelingSetup }, db, projects] = await Promise.all([
    imp('js/lib/html.js'), imp('js/ui/context.js'), imp('js/ui/setup/index.js'), imp('js/store/db.js'), imp('js/store/projects.js')]);
  let project = await projects.createProject({ name, label_config: config || '' });
  if (annotations.length) {
    await db.write(['tasks', 'annotations'], async (tx) => {
      const task = await tx.objectStore('tasks').add({ project: project.id, data: { text: 'A real task text.' }, inner_id: 1 });
      for (const result of annotations) await tx.objectStore('annotations').add({ project: project.id, task, result });
    });
  }
  window.setupSaved = [];
  const host = document.createElement('div');
  host.className = 'page';
  host.id = 'setup-host';
  document.querySelector('main.page').replaceChildren();
  document.body.append(host);
  render(html`<${AppContext.Provider} value=${{ core: window.labelcore.core, navigate: () => {} }}>
    <${LabelingSetup} project=${project} onSaved=${(p) => window.setupSaved.push(p)} /><//>`, host);
  return project.id;
}"""


def mount(page, site_url, *, config="", annotations=(), name="Setup test"):
    page.goto(site_url)
    expect(page.get_by_role("button", name="Create Project").first).to_be_visible()
    return page.evaluate(MOUNT, {"name": name, "config": config, "annotations": list(annotations)})


def stored(page, project_id):
    return page.evaluate("(id) => window.labelcore.projects.getProject(id)", project_id)


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def code(page):
    return page.get_by_role("textbox", name="Labeling config (XML)")


def test_pick_a_template_edit_its_labels_and_save(page, site_url):
    project_id = mount(page, site_url)
    page.wait_for_selector(READY, timeout=BOOT_TIMEOUT, state="attached")
    setup = page.locator("#setup-host")
    cards = setup.get_by_role("list", name="Templates").locator("[data-template]")
    expect(cards).to_have_count(len(list_templates()), timeout=CORE)
    setup.get_by_role("navigation", name="Template groups").get_by_role(
        "button", name=re.compile("^Natural Language Processing")
    ).click()
    setup.get_by_role("searchbox", name="Search templates").fill("entities span")
    expect(cards).to_have_count(1)
    shot(page, "gallery")
    cards.first.click()

    editor = code(page)
    expect(editor).to_have_value(re.compile(r'<Label value="Person" background="#E5484D"/>'), timeout=CORE)
    save = setup.get_by_role("button", name="Save", exact=True)
    expect(save).to_be_enabled(timeout=CORE)
    expect(setup.get_by_role("region", name="Preview")).to_have_attribute("data-state", "ready")

    setup.get_by_role("tab", name="Visual").click()
    setup.get_by_role("textbox", name="Name of label 1").fill("Human")
    setup.get_by_role("textbox", name="Hotkey of Organization").fill("o")
    setup.get_by_role("button", name="Remove Date").click()
    setup.get_by_role("textbox", name="New label for entities").fill("Product")
    setup.get_by_role("textbox", name="New label for entities").press("Enter")
    setup.get_by_label("Colour of Money").fill("#112233")
    shot(page, "visual")
    setup.get_by_role("tab", name="Code").click()
    expected = """<View>
  <Labels name="entities" toName="text">
    <Label value="Human" background="#E5484D"/>
    <Label value="Organization" background="#3E63DD" hotkey="o"/>
    <Label value="Location" background="#30A46C"/>
    <Label value="Money" background="#112233"/>
    <Label value="Product" background="#FFB224"/>
  </Labels>
  <Text name="text" value="$text" granularity="word"/>
</View>
"""
    assert code(page).input_value() == expected

    # An error shows at its line (gutter + band), is listed below, and Save is refused.
    code(page).fill(expected.replace('toName="text">', 'toName="txt">'))
    marked = setup.locator(".code-gutter .gl.has-error")
    expect(marked).to_have_count(1, timeout=CORE)
    expect(marked).to_have_attribute("data-line", "2")
    errors = setup.get_by_role("list", name="Config errors")
    expect(errors).to_contain_text("line 2")
    expect(errors).to_contain_text("txt")
    expect(save).to_be_disabled()
    expect(setup.get_by_role("region", name="Preview")).to_have_attribute("data-state", "stale")
    shot(page, "errors")

    # A warning (Label Studio accepts a label twice): amber marker at its line, listed, Save allowed.
    twice = expected.replace(
        '    <Label value="Money"', '    <Label value="Location"/>\n    <Label value="Money"'
    )
    code(page).fill(twice)
    warned = setup.locator(".code-gutter .gl.has-warning")
    expect(warned).to_have_count(1, timeout=CORE)
    expect(warned).to_have_attribute("data-line", "6")
    expect(setup.locator(".code-gutter .gl.has-error")).to_have_count(0)
    warnings = setup.get_by_role("list", name="Config warnings")
    expect(warnings).to_contain_text("line 6")
    expect(warnings).to_contain_text("has the label 'Location' twice")
    expect(setup.get_by_role("list", name="Config errors")).to_have_count(0)
    expect(save).to_be_enabled()
    expect(setup.get_by_role("status").filter(has_text="(1 warning)")).to_be_visible()
    expect(code(page)).to_have_attribute("aria-invalid", "false")
    shot(page, "warnings")

    code(page).fill(expected)
    expect(warned).to_have_count(0, timeout=CORE)
    expect(save).to_be_enabled(timeout=CORE)
    save.click()
    expect(setup.get_by_role("status").filter(has_text="Labeling config saved.")).to_be_visible(timeout=CORE)
    project = stored(page, project_id)
    assert project["label_config"] == expected
    labels = [label["value"] for label in project["parsed_config"]["controls"][0]["labels"]]
    assert labels == ["Human", "Organization", "Location", "Money", "Product"]
    assert page.evaluate("() => window.setupSaved.length") == 1


# Edits on awkward XML, straight through xml-edit.js: a tag inside a comment is skipped, entities
# decoded and re-escaped, a self-closing control opens up for its first item, inline items stay inline.
SPLICES = """async () => {
  const m = await import(new URL('js/ui/setup/xml-edit.js', location.href).href);
  const out = {};
  const a = '<View>\\n\\t<!-- <Labels name="old"> -->\\n\\t<Choices name="c" toName="t"/>\\n</View>';
  out.opened = m.appendChild(a, m.labelControls(a)[0].el, m.itemMarkup(m.LABEL_CONTROLS.Choices, 'Yes & no'));
  const b = '<View><Labels name="l" toName="t"><Label value="A&amp;B" background=\\'red\\'/><Label value="C"/></Labels><Text name="t" value="$t"/></View>';
  const [labels] = m.labelControls(b);
  out.values = labels.items.map((i) => i.value);
  let c = m.setAttr(b, labels.items[0].el, 'value', "it's <x>");
  c = m.removeElement(c, m.labelControls(c)[0].items[1].el);
  out.inline = m.appendChild(c, m.labelControls(c)[0].el, '<Label value="D"/>');
  out.cut = m.scan('<View><Labels name="x').complete;
  return out;
}"""


def check_splices(page):
    out = page.evaluate(SPLICES)
    assert out["opened"] == (
        '<View>\n\t<!-- <Labels name="old"> -->\n\t<Choices name="c" toName="t">\n'
        '\t\t<Choice value="Yes &amp; no"/>\n\t</Choices>\n</View>'
    )
    assert out["values"] == ["A&B", "C"]
    assert out["inline"] == (
        '<View><Labels name="l" toName="t"><Label value="it\'s &lt;x>" background=\'red\'/>'
        '<Label value="D"/></Labels><Text name="t" value="$t"/></View>'
    )
    assert out["cut"] is False


# A pasted config has no sample task: one is made from its objects (a given value is kept).
SAMPLE = """async () => {
  const { sampleTask } = await import(new URL('js/ui/setup/sample.js', location.href).href);
  const xml = `<View><Image name="img" valueList="$pages"/><Text name="t" value="$doc.body"/>
    <Repeater on="$items" indexFlag="{{idx}}"><Text name="x_{{idx}}" value="$items[{{idx}}].text"/>
      <Header value="$items[{{idx}}].meta.caption"/></Repeater>
    <Paragraphs name="p" value="$dialog" nameKey="who" textKey="said"/>
    <TimeSeries name="ts" value="$ts" valueType="json" timeColumn="t"><Channel column="v"/></TimeSeries>
    <Header value="$title"/><Choices name="c" toName="t"><Choice value="a"/></Choices></View>`;
  const { config } = await window.labelcore.core.call('config.parse', { xml });
  return sampleTask(config, { data: { doc: { body: 'kept' } } }).data;
}"""


def check_sample(page):
    data = page.evaluate(SAMPLE)
    assert [p[:19] for p in data["pages"]] == ["data:image/svg+xml;"] * 2
    assert data["doc"] == {"body": "kept"}
    assert len(data["items"]) == 2 and all(isinstance(i["text"], str) and i["text"] for i in data["items"])
    assert all(isinstance(i["meta"]["caption"], str) for i in data["items"])  # item keys of the Repeater
    assert set(data["dialog"][0]) == {"who", "said"}
    assert len(data["ts"]["t"]) == len(data["ts"]["v"]) == 50
    assert isinstance(data["title"], str)


TEXT_CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text">
    <Choice value="Positive"/>
    <Choice value="Negative"/>
  </Choices>
</View>"""


def test_gallery_marks_the_templates_it_cannot_draw_yet(page, site_url):
    mount(page, site_url)
    page.wait_for_selector(READY, timeout=BOOT_TIMEOUT, state="attached")
    templates = page.locator("#setup-host").get_by_role("list", name="Templates")
    expect(templates.locator("[data-template]")).to_have_count(len(list_templates()), timeout=CORE)
    speech = templates.get_by_role("button", name="Speech Transcription", exact=True)
    expect(speech).to_have_accessible_description(re.compile(r"Preview only: <Audio> can't be labeled yet$"))
    for t in list_templates():
        card = templates.locator(f'[data-template="{t.name}"]')
        if t.cannot_draw:
            tags = ", ".join(f"<{tag}>" for tag in t.cannot_draw)
            expect(card.get_by_text(f"Preview only: {tags} can't be labeled yet", exact=True)).to_be_visible()
        else:
            expect(card.get_by_text("Preview only", exact=False)).to_have_count(0)


def test_save_refuses_configs_that_orphan_annotations(page, site_url):
    annotation = [
        {"from_name": "sentiment", "to_name": "text", "type": "choices", "value": {"choices": ["Negative"]}}
    ]
    project_id = mount(page, site_url, config=TEXT_CONFIG, annotations=[annotation, annotation])
    setup = page.locator("#setup-host")
    save = setup.get_by_role("button", name="Save", exact=True)
    check_splices(page)  # pure JS: runs while the core boots
    # The stored config shows at once; Save turns on once the core has checked it.
    expect(code(page)).to_have_value(TEXT_CONFIG)
    page.wait_for_selector(READY, timeout=BOOT_TIMEOUT, state="attached")
    expect(save).to_be_enabled(timeout=CORE)
    check_sample(page)
    # The preview uses the project's real task when there is no template sample.
    expect(setup.get_by_role("region", name="Preview")).to_contain_text("A real task text.", timeout=CORE)

    code(page).fill(TEXT_CONFIG.replace('"sentiment"', '"mood"'))
    expect(save).to_be_enabled(timeout=CORE)
    save.click()
    alert = setup.get_by_role("alert")
    expect(alert).to_contain_text("2 annotations use from_name “sentiment”", timeout=CORE)
    setup.get_by_role("tab", name="Visual").click()
    setup.get_by_role("textbox", name="New choice for mood").fill("Mixed")
    setup.get_by_role("button", name="Add", exact=True).click()
    setup.get_by_role("tab", name="Code").click()
    expect(code(page)).to_have_value(
        re.compile(r'<Choice value="Negative"/>\n    <Choice value="Mixed"/>\n  </Choices>')
    )
    code(page).fill(TEXT_CONFIG.replace('"Negative"', '"Bad"'))
    expect(save).to_be_enabled(timeout=CORE)
    save.click()
    expect(setup.get_by_role("alert")).to_contain_text("labels “Negative” of sentiment", timeout=CORE)
    assert stored(page, project_id)["label_config"] == TEXT_CONFIG
    assert page.evaluate("() => window.setupSaved.length") == 0


def test_every_template_preview_renders(page, site_url):
    mount(page, site_url)
    page.wait_for_selector(READY, timeout=BOOT_TIMEOUT, state="attached")
    setup = page.locator("#setup-host")
    names = [t.name for t in list_templates()]
    preview = setup.get_by_role("region", name="Preview")
    failures = {}
    for name in names:
        setup.get_by_role("button", name="Browse Templates").click() if name != names[0] else None
        setup.locator(f'[data-template="{name}"]').click()
        # This template's config is checked (not the previous one's), its preview shows, no error.
        expect(setup.locator(f'.labeling-setup[data-template="{name}"][data-pending="false"]')).to_have_count(
            1, timeout=CORE
        )
        expect(preview).to_have_attribute("data-state", "ready")
        body = preview.locator(".setup-preview-body")
        expect(body.locator('[aria-busy="true"]')).to_have_count(0)
        if preview.locator(".setup-preview-error").count():
            failures[name] = preview.locator(".setup-preview-error").inner_text()
        elif not body.inner_text().strip() and not body.locator("img, svg, canvas, audio, video").count():
            failures[name] = "the preview is empty"
        if name in ("object-detection", "llm-side-by-side"):
            shot(page, f"preview-{name}")
    assert not failures, json.dumps(failures, indent=1)
