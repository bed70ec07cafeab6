"""Every classification control driven as a person would (mouse and keyboard): Taxonomy
(nested, leafsOnly, search, maxUsages), Number (clamped to min/max, a slider moved with the
arrows), DateTime, conditional display (visibleWhen + whenTagName + whenChoiceValue), Filter,
Collapse; Ranker (dragged between buckets and moved with the keyboard), Pairwise, Repeater.
Results are checked against Label Studio's values and validated with the core's checks."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.helpers import ANNOTATIONS, seed, validate, values

FORM = """<View>
  <Text name="text" value="$text"/>
  <Taxonomy name="where" toName="text" leafsOnly="true" maxUsages="2">
    <Choice value="Europe"><Choice value="France"><Choice value="Paris"/><Choice value="Lyon"/></Choice><Choice value="Spain"/></Choice>
    <Choice value="Asia"><Choice value="Japan"/></Choice>
  </Taxonomy>
  <Number name="count" toName="text" min="0" max="10" step="0.5"/>
  <Number name="mood" toName="text" min="1" max="5" slider="true"/>
  <DateTime name="when" toName="text" only="date" format="%Y-%m-%d"/>
  <Choices name="ok" toName="text" choice="single-radio"><Choice value="Yes"/><Choice value="No"/></Choices>
  <TextArea name="why" toName="text" visibleWhen="choice-selected" whenTagName="ok" whenChoiceValue="No" required="true"/>
  <Filter toName="topic" minlength="1" placeholder="Filter topics"/>
  <Choices name="topic" toName="text" choice="multiple"><Choice value="Alpha"/><Choice value="Beta"/><Choice value="Gamma"/></Choices>
  <Collapse><Panel value="More"><Rating name="stars" toName="text"/></Panel></Collapse>
</View>"""

COMPARE = """<View>
  <List name="results" value="$items" title="Search results"/>
  <Ranker name="rank" toName="results"><Bucket name="relevant" title="Relevant"/><Bucket name="junk" title="Not relevant"/></Ranker>
  <Text name="left" value="$a"/><Text name="right" value="$b"/>
  <Pairwise name="pw" toName="left,right"/>
  <Repeater on="$pages" indexFlag="{{idx}}">
    <Text name="page_{{idx}}" value="$pages[{{idx}}].text"/>
    <Choices name="lang_{{idx}}" toName="page_{{idx}}"><Choice value="en"/><Choice value="fr"/></Choices>
  </Repeater>
</View>"""


def test_taxonomy_number_datetime_conditions_filter_collapse(page, site_url):
    data = {"text": "We met in Paris, then flew to Tokyo."}
    ids = seed(page, site_url, FORM, [data])
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    tax = page.get_by_role("group", name="where")
    expect(tax).to_be_visible()

    # Taxonomy: a parent cannot be picked (leafsOnly); expand down to Paris; search finds Japan
    expect(tax.get_by_role("checkbox", name="Europe")).to_be_disabled()
    tax.get_by_role("button", name="Expand Europe").click()
    tax.get_by_role("button", name="Expand France").click()
    tax.get_by_role("checkbox", name="Paris").click()
    search = tax.get_by_role("searchbox", name="Search where")
    search.fill("jap")
    expect(tax.get_by_role("treeitem")).to_have_count(2)  # Asia > Japan
    tax.get_by_role("checkbox", name="Japan").click()
    search.fill("")
    expect(tax.get_by_role("checkbox", name="Lyon")).to_be_disabled()  # maxUsages=2 reached
    expect(tax.get_by_role("checkbox", name="Paris")).to_be_enabled()  # a pick can still be removed

    # Number: out of range is clamped; the slider moves with the arrow keys by its step
    count = page.get_by_role("spinbutton")
    count.fill("12")
    count.press("Tab")
    expect(count).to_have_value("10")
    count.fill("2.5")
    count.press("Tab")
    slider = page.get_by_role("slider")
    slider.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page.locator(".lc-number output")).to_have_text("3")
    page.get_by_label("when").fill("2024-05-17")

    # conditional: "why" shows only when ok = No, and is then required
    expect(page.get_by_role("textbox", name="why (required)")).to_have_count(0)
    page.get_by_role("radio", name="No").click()
    why = page.get_by_role("textbox", name="why (required)")
    expect(why).to_be_visible()
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("alert")).to_have_text("Fill in the required field: why.")
    why.fill("Not a trip report")
    why.press("Enter")

    # Filter narrows the topic choices; Collapse hides the rating until opened
    page.get_by_role("searchbox", name="Filter topic").fill("ga")
    expect(page.get_by_role("group", name="topic").get_by_role("checkbox")).to_have_count(1)
    page.get_by_role("checkbox", name="Gamma").click()
    expect(page.get_by_role("radio", name="3 stars")).to_be_hidden()
    page.get_by_text("More", exact=True).click()
    page.get_by_role("radio", name="3 stars").click()
    page.screenshot(path="/tmp/lc/controls.png", full_page=True)

    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    assert values(ann) == {
        "where": {"taxonomy": [["Europe", "France", "Paris"], ["Asia", "Japan"]]},
        "count": {"number": 2.5},
        "mood": {"number": 3},
        "when": {"datetime": "2024-05-17"},
        "ok": {"choices": ["No"]},
        "why": {"text": ["Not a trip report"]},
        "topic": {"choices": ["Gamma"]},
        "stars": {"rating": 3},
    }
    assert {it["type"] for it in ann["result"]} == {
        "taxonomy",
        "number",
        "datetime",
        "choices",
        "textarea",
        "rating",
    }
    assert all(
        it["to_name"] == "text" and list(it) == ["value", "id", "from_name", "to_name", "type", "origin"]
        for it in ann["result"]
    )
    validate(FORM, data, [ann], page, ids["project"])


def test_ranker_pairwise_repeater(page, site_url):
    data = {
        "items": [
            {"id": "blog", "title": "Ten tips", "body": "on functions"},
            {"id": "mdn", "title": "Arrow functions", "body": "a reference"},
            {"id": "wiki", "title": "Arrows", "body": "in category theory"},
        ],
        "a": "First answer",
        "b": "Second answer",
        "pages": [{"text": "Hello there"}, {"text": "Bonjour à tous"}],
    }
    ids = seed(page, site_url, COMPARE, [data])
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    ranker = page.get_by_role("group", name="rank")
    items_col = ranker.get_by_role("region", name="Items")
    relevant = ranker.get_by_role("region", name="Relevant", exact=True)
    junk = ranker.get_by_role("region", name="Not relevant")
    expect(items_col.locator("[data-rank-id]")).to_have_count(3)

    # drag "Ten tips" into Relevant with the mouse
    src = items_col.get_by_label("Ten tips").bounding_box()
    dst = relevant.bounding_box()
    page.mouse.move(src["x"] + 20, src["y"] + src["height"] / 2)
    page.mouse.down()
    page.mouse.move(dst["x"] + dst["width"] / 2, dst["y"] + dst["height"] - 8, steps=6)
    page.mouse.up()
    expect(relevant.locator("[data-rank-id]")).to_have_count(1)

    # the keyboard: Arrows two columns right, Arrow functions into Relevant then above Ten tips
    ranker.get_by_label("Arrows", exact=True).focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(junk.get_by_label("Arrows", exact=True)).to_be_focused()
    ranker.get_by_label("Arrow functions").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowUp")
    expect(relevant.locator("[data-rank-id]").first).to_have_attribute("data-rank-id", "mdn")
    expect(relevant.locator("[data-rank-id]").first).to_be_focused()

    page.get_by_role("button", name="Right →").click()
    expect(page.get_by_role("button", name="Right →")).to_have_attribute("aria-pressed", "true")
    page.locator('[data-object="left"]').click()  # a click on the object itself picks it, as in Label Studio
    expect(page.get_by_role("button", name="← Left")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".lc-pair-picked [data-object='left']")).to_have_count(1)
    page.get_by_role("button", name="Right →").click()
    page.get_by_role("radiogroup", name="lang_0").get_by_role("radio", name="en").click()
    page.get_by_role("radiogroup", name="lang_1").get_by_role("radio", name="fr").click()
    page.screenshot(path="/tmp/lc/compare.png", full_page=True)

    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    assert values(ann) == {
        "rank": {"ranker": {"_": [], "relevant": ["mdn", "blog"], "junk": ["wiki"]}},
        "pw": {"selected": "right"},
        "lang_0": {"choices": ["en"]},
        "lang_1": {"choices": ["fr"]},
    }
    to = {it["from_name"]: it["to_name"] for it in ann["result"]}
    assert to == {"rank": "results", "pw": "left", "lang_0": "page_0", "lang_1": "page_1"}
    validate(COMPARE, data, [ann], page, ids["project"])
