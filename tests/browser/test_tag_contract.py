"""The labeling screen's renderers and the core's tag registry agree: every tag the JS registry
draws (registerTag, read from the real registry after loading every renderer) is a tag the core
knows and marks drawable, every tag the core marks drawable has a renderer (or is drawn by its
parent tag, as Collapse draws its Panels), and the JS reads the parsed form the core writes; a
project stored with an older parsed form is parsed again before it is labeled."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from labelcore.config import TAGS, parse_config
from labelcore.config.model import PARSED_VERSION

READ_REGISTRY = """async () => {
  const base = new URL('.', location.href);
  await import(new URL('js/labeling/renderers.js', base).href);
  const registry = await import(new URL('js/labeling/core/registry.js', base).href);
  const data = await import(new URL('js/labeling/core/data.js', base).href);
  return { tags: registry.registeredTags(), version: data.PARSED_VERSION };
}"""


def test_js_renderers_match_the_drawable_tags_of_the_core(page, site_url):
    page.goto(site_url)
    expect(page.get_by_role("button", name="Create Project").first).to_be_visible()
    found = page.evaluate(READ_REGISTRY)
    drawn = set(found["tags"])
    assert drawn, "no renderer registered"
    assert sorted(drawn - set(TAGS)) == [], "renderers of tags the core does not know"
    assert sorted(t for t in drawn if not TAGS[t].drawable) == [], (
        "renderers of tags the core marks not drawable"
    )
    by_parent = {
        child for spec in TAGS.values() if spec.kind != "child" and spec.drawable for child in spec.children
    }
    drawable = {name for name, spec in TAGS.items() if spec.drawable}
    assert sorted(drawable - drawn - by_parent) == [], "tags the core marks drawable with no renderer"
    assert found["version"] == PARSED_VERSION


NER = """<View>
  <Labels name="label" toName="text"><Label value="PER"/><Label value="LOC"/></Labels>
  <Header value="Read $title"/>
  <Text name="text" value="$doc.body"/>
</View>"""

# What the parsed form held before it said what a config means (an older project in IndexedDB).
NEWER_KEYS = {"version", "refs", "value_key", "drawable", "repeated", "cannot_draw"}

SEED_OLD = """async ([xml, config]) => {
  const projects = await import('./js/store/projects.js');
  const { write } = await import('./js/store/db.js');
  const p = await projects.createProject({ name: 'Older project', label_config: xml });
  await projects.updateProject(p.id, { parsed_config: config });
  const task = await write(['tasks'], (tx) => tx.objectStore('tasks').add({ project: p.id, inner_id: 1, meta: {},
    data: { title: 'the memo', doc: { body: 'Ada met Bob.' } } }));
  return { project: p.id, task };
}"""


def older(form):
    if isinstance(form, dict):
        return {k: older(v) for k, v in form.items() if k not in NEWER_KEYS}
    if isinstance(form, list):
        return [older(v) for v in form]
    return form


def test_a_project_stored_with_an_older_parsed_form_is_parsed_again(page, site_url):
    page.goto(site_url)
    expect(page.get_by_role("button", name="Create Project").first).to_be_visible()
    ids = page.evaluate(SEED_OLD, [NER, older(parse_config(NER).to_json())])
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['task']}")
    expect(page.get_by_role("heading", name="Read the memo")).to_be_visible(timeout=90_000)
    text = page.get_by_role("document", name="Text text")
    expect(text).to_have_text("Ada met Bob.")
    stored = page.evaluate("(id) => window.labelcore.projects.getProject(id)", ids["project"])
    assert stored["parsed_config"] == parse_config(NER).to_json()

    page.keyboard.press("1")  # PER
    text.focus()
    text.evaluate(
        """(root) => getSelection().collapse(document.createTreeWalker(root, NodeFilter.SHOW_TEXT).nextNode(), 0)"""
    )
    page.keyboard.down("Shift")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.keyboard.up("Shift")
    panel = page.get_by_role("complementary", name="Regions panel")
    region = panel.get_by_role("listitem", name=re.compile(r"^Region "))
    expect(region).to_have_count(1)
    expect(region).to_contain_text("Ada")
    # the panel groups regions by label, read under the control's value key
    expect(panel.get_by_role("heading", name=re.compile(r"^PER\b"))).to_be_visible()
