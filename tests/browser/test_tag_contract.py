"""The labeling screen's renderers and the core's tag registry agree: every tag the JS registry
draws (registerTag, read from the real registry after loading every renderer) is a tag the core
knows and marks drawable, every tag the core marks drawable has a renderer (or is drawn by its
parent tag, as Collapse draws its Panels), and the JS reads the parsed form the core writes."""

from __future__ import annotations

from playwright.sync_api import expect

from labelcore.config import TAGS
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
    assert sorted(t for t in drawn if not TAGS[t].drawable) == [], "renderers of tags the core marks not drawable"
    by_parent = {child for spec in TAGS.values() if spec.kind != "child" and spec.drawable for child in spec.children}
    drawable = {name for name, spec in TAGS.items() if spec.drawable}
    assert sorted(drawable - drawn - by_parent) == [], "tags the core marks drawable with no renderer"
    assert found["version"] == PARSED_VERSION
