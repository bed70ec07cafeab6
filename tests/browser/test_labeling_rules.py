"""The config's rules hold on the labeling screen as in Label Studio: a Label's maxUsages stops
new spans while the label stays picked; results of controls that visibleWhen hid (or that a
per-region whenLabelValue rules out) are not submitted; a locked region refuses a select-layout
choice; accepted pre-labels are written back in Label Studio's key order."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.helpers import ANNOTATIONS, draft_result, open_task, seed, spans, validate


def test_label_max_usages_holds_while_the_label_stays_picked(page, site_url):
    xml = """<View><Labels name="label" toName="text"><Label value="LOC" maxUsages="1"/><Label value="PER"/></Labels>
      <Text name="text" value="$text"/></View>"""
    text = "Paris and Berlin and Rome with Ann"
    ids = open_task(page, site_url, xml, [{"text": text}])
    loc = page.get_by_role("button", name="LOC", exact=True)
    loc.click()
    spans(page, text, ["Paris"])
    expect(loc).to_be_disabled()  # used up: unpicked and greyed, its title says why
    expect(loc).to_have_attribute("aria-pressed", "false")
    assert "maxUsages" in loc.get_attribute("title")
    spans(page, text, ["Berlin"])
    expect(page.get_by_role("status").filter(has_text="Pick a label first")).to_be_visible()
    page.keyboard.press("2")  # PER has no limit
    spans(page, text, ["Ann"])
    panel = page.get_by_role("complementary", name="Regions panel")
    expect(panel.get_by_role("listitem")).to_have_count(2)
    result = draft_result(page, ids["tasks"][0])
    assert sorted((r["value"]["text"], r["value"]["labels"][0]) for r in result) == [
        ("Ann", "PER"),
        ("Paris", "LOC"),
    ]
    page.keyboard.press("Control+z")  # Ann gone, then Paris gone: LOC can be used again
    page.keyboard.press("Control+z")
    expect(loc).to_be_enabled()


def test_hidden_controls_do_not_submit_their_results(page, site_url):
    xml = """<View>
      <Labels name="ner" toName="text"><Label value="PER"/><Label value="LOC"/></Labels>
      <Text name="text" value="$text"/>
      <Choices name="topic" toName="text" choice="single-radio"><Choice value="Sport"/><Choice value="Other"/></Choices>
      <Choices name="sport" toName="text" visibleWhen="choice-selected" whenTagName="topic" whenChoiceValue="Sport">
        <Choice value="Tennis"/><Choice value="Golf"/></Choices>
      <Choices name="level" toName="text" visibleWhen="choice-selected" whenTagName="sport" whenChoiceValue="Tennis">
        <Choice value="Pro"/></Choices>
      <Choices name="gender" toName="text" perRegion="true" whenLabelValue="PER"><Choice value="F"/><Choice value="M"/></Choices>
    </View>"""
    text = "Alice went to Paris."
    ids = open_task(page, site_url, xml, [{"text": text}])
    page.get_by_role("radio", name="Sport").click()
    page.get_by_role("radio", name="Tennis").click()
    page.get_by_role("radio", name="Pro").click()
    page.get_by_role("radio", name="Other").click()  # hides sport, and so level too
    expect(page.get_by_role("radio", name="Tennis")).to_have_count(0)
    expect(page.get_by_role("radio", name="Pro")).to_have_count(0)

    panel = page.get_by_role("complementary", name="Regions panel")
    page.get_by_role("button", name="PER", exact=True).click()
    spans(page, text, ["Alice"])
    panel.get_by_role("button", name="Alice").click()
    page.get_by_role("radio", name="F").click()  # shown: Alice is a PER
    page.get_by_role(
        "button", name="LOC", exact=True
    ).click()  # relabel the selected region: Alice is a LOC now
    expect(page.get_by_role("radio", name="F")).to_have_count(0)
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    assert sorted(r["from_name"] for r in ann["result"]) == ["ner", "topic"]
    validate(xml, {"text": text}, [ann], page, ids["project"])

    # The annotation reopened for Update holds what was sent: Sport shows Tennis again, unpicked.
    page.get_by_role("radio", name="Sport").click()
    expect(page.get_by_role("radio", name="Tennis")).not_to_be_checked()


def test_locked_region_refuses_a_select_layout_choice(page, site_url):
    xml = """<View><Labels name="ner" toName="text"><Label value="Thing"/></Labels><Text name="text" value="$text"/>
      <Choices name="size" toName="text" perRegion="true" layout="select"><Choice value="Big"/><Choice value="Small"/></Choices></View>"""
    text = "A new phone."
    ids = open_task(page, site_url, xml, [{"text": text}])
    page.keyboard.press("1")
    spans(page, text, ["phone"])
    panel = page.get_by_role("complementary", name="Regions panel")
    panel.get_by_role("button", name="phone").click()
    select = page.get_by_role("combobox", name="size")
    assert (
        page.locator("label.lc-select").evaluate(
            "(l) => [...l.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('').trim()"
        )
        == ""
    )  # no raw-name caption
    select.select_option("Small")
    panel.get_by_role("button", name="Lock region").click()
    select.select_option("Big")
    expect(select).to_have_value("Small")  # the screen shows what is kept
    result = draft_result(page, ids["tasks"][0])
    assert [r["value"]["choices"] for r in result if r["from_name"] == "size"] == [["Small"]]


def test_accepted_prelabels_are_written_in_label_studios_key_order(page, site_url):
    xml = """<View><Labels name="label" toName="text"><Label value="PER"/></Labels><Text name="text" value="$text"/>
      <Choices name="c" toName="text"><Choice value="A"/><Choice value="B"/></Choices></View>"""
    text = "Ann is here."
    pred = {
        "model_version": "v1",
        "score": 0.5,
        "result": [
            {"id": "p1", "from_name": "c", "to_name": "text", "type": "choices", "value": {"choices": ["A"]}},
            {
                "type": "labels",
                "to_name": "text",
                "from_name": "label",
                "id": "r1",
                "score": 0.9,
                "value": {"start": 0, "end": 3, "text": "Ann", "labels": ["PER"]},
            },
        ],
    }
    ids = open_task(page, site_url, xml, [{"text": text}], [[pred]])
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    by_id = {r["id"]: r for r in ann["result"]}
    assert list(by_id["p1"]) == ["value", "id", "from_name", "to_name", "type", "origin"]
    assert list(by_id["r1"]) == ["value", "id", "from_name", "to_name", "type", "origin", "score"]
    assert by_id["r1"]["origin"] == "prediction" and by_id["r1"]["score"] == 0.9
    validate(xml, {"text": text}, [ann], page, ids["project"])


def test_a_region_with_several_labels_shows_each(page, site_url):
    xml = """<View><Labels name="label" toName="text" choice="multiple">
        <Label value="PER" background="#e25b5b"/><Label value="ORG" background="#3867d6"/></Labels>
      <Text name="text" value="$text"/></View>"""
    text = "Acme Smith spoke."
    open_task(page, site_url, xml, [{"text": text}])
    page.get_by_role("button", name="PER", exact=True).click()
    page.get_by_role("button", name="ORG", exact=True).click()
    spans(page, text, ["Acme Smith"])
    item = page.get_by_role("complementary", name="Regions panel").get_by_role(
        "listitem", name="Region PER, ORG: Acme Smith"
    )
    expect(item).to_be_visible()
    dots = item.locator(".lc-dot")
    expect(dots).to_have_count(2)
    assert [dots.nth(i).evaluate("(d) => getComputedStyle(d).backgroundColor") for i in range(2)] == [
        "rgb(226, 91, 91)",
        "rgb(56, 103, 214)",
    ]
    hl = page.locator(".lc-hl").first
    assert (
        hl.evaluate("(e) => getComputedStyle(e).borderBottomColor") == "rgb(56, 103, 214)"
    )  # underlined in the last label's colour


def test_typed_text_counts_where_empty_annotations_are_refused(page, site_url):
    xml = '<View><Text name="text" value="$text"/><TextArea name="answer" toName="text"/></View>'
    ids = seed(page, site_url, xml, [{"text": "Hello"}])
    page.evaluate(
        """async (id) => { const projects = await import('./js/store/projects.js');
      const p = await projects.getProject(id);
      await projects.updateProject(id, { settings: { ...p.settings, enable_empty_annotation: false } }); }""",
        ids["project"],
    )
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("alert")).to_have_text(
        "This project does not accept empty annotations: label something first."
    )
    page.get_by_role("textbox", name="answer").fill("typed, not added")
    page.keyboard.press("Control+Enter")  # Submit adds the typed text, so the annotation is not empty
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    assert [r["value"] for r in ann["result"]] == [{"text": ["typed, not added"]}]


def test_max_usages_per_label_and_on_relabelling(page, site_url):
    # <Labels maxUsages> is each label's limit (a Label's own wins), as in Label Studio.
    xml = """<View><Labels name="label" toName="text" maxUsages="1"><Label value="PER"/><Label value="LOC"/>
        <Label value="ORG" maxUsages="2"/></Labels><Text name="text" value="$text"/></View>"""
    text = "Ann and Bob at Acme and Initech in Rome"
    ids = open_task(page, site_url, xml, [{"text": text}])
    page.keyboard.press("1")
    spans(page, text, ["Ann"])
    expect(page.get_by_role("button", name="PER", exact=True)).to_be_disabled()
    expect(page.get_by_role("button", name="LOC", exact=True)).to_be_enabled()  # each label its own count
    page.keyboard.press("3")
    spans(page, text, ["Acme"])
    expect(page.get_by_role("button", name="ORG", exact=True)).to_be_enabled()  # ORG: 2 allowed
    spans(page, text, ["Initech"])
    expect(page.get_by_role("button", name="ORG", exact=True)).to_be_disabled()
    page.keyboard.press("2")
    spans(page, text, ["Rome"])
    # relabelling a selected region with a used-up label's hotkey is refused too
    panel = page.get_by_role("complementary", name="Regions panel")
    panel.get_by_role("button", name="Rome").click()
    page.keyboard.press("1")
    result = draft_result(page, ids["tasks"][0])
    assert sorted((r["value"]["text"], r["value"]["labels"]) for r in result) == [
        ("Acme", ["ORG"]),
        ("Ann", ["PER"]),
        ("Initech", ["ORG"]),
        ("Rome", ["LOC"]),
    ]


def test_required_per_region_only_where_it_applies_and_locked_taxonomy(page, site_url):
    xml = """<View><Labels name="ner" toName="text"><Label value="PER"/><Label value="LOC"/></Labels>
      <Text name="text" value="$text"/>
      <Choices name="gender" toName="text" perRegion="true" whenLabelValue="PER" required="true"><Choice value="F"/><Choice value="M"/></Choices>
      <Taxonomy name="kind" toName="text" perRegion="true"><Choice value="City"/><Choice value="Country"/></Taxonomy>
    </View>"""
    text = "Alice went to Paris."
    ids = open_task(page, site_url, xml, [{"text": text}])
    page.get_by_role("button", name="LOC", exact=True).click()
    spans(page, text, ["Paris"])
    panel = page.get_by_role("complementary", name="Regions panel")
    panel.get_by_role("button", name="Paris").click()
    page.get_by_role("checkbox", name="City").click()
    panel.get_by_role("button", name="Lock region").click()
    page.get_by_role("checkbox", name="Country").click()  # locked: refused, and shown as refused
    expect(page.get_by_role("checkbox", name="Country")).not_to_be_checked()
    # gender is required for PER regions only: a LOC region does not block Submit
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    assert [r["value"].get("taxonomy") for r in ann["result"] if r["from_name"] == "kind"] == [[["City"]]]
    validate(xml, {"text": text}, [ann], page, ids["project"])


def test_choice_alias_is_what_the_result_holds(page, site_url):
    xml = """<View><Text name="text" value="$text"/>
      <Choices name="sex" toName="text" choice="single-radio"><Choice value="Male" alias="M"/><Choice value="Female" alias="F"/></Choices>
      <Taxonomy name="where" toName="text"><Choice value="Europe" alias="EU"><Choice value="France" alias="FR"/></Choice></Taxonomy>
    </View>"""
    ids = open_task(page, site_url, xml, [{"text": "Someone"}])
    page.get_by_role("radio", name="Male", exact=True).click()  # shown by its value
    expect(page.get_by_role("radio", name="Male", exact=True)).to_be_checked()
    page.get_by_role("button", name="Expand Europe").click()
    page.get_by_role("checkbox", name="France").click()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    assert {r["from_name"]: r["value"] for r in ann["result"]} == {
        "sex": {"choices": ["M"]},
        "where": {"taxonomy": [["EU", "FR"]]},
    }
    validate(xml, {"text": "Someone"}, [ann], page, ids["project"])
    page.reload()
    expect(page.get_by_role("radio", name="Male", exact=True)).to_be_checked()  # read back through the alias


def test_region_meta_note(page, site_url):
    xml = """<View><Labels name="label" toName="text"><Label value="PER"/></Labels><Text name="text" value="$text"/>
      <Choices name="kind" toName="text" perRegion="true"><Choice value="Real"/></Choices></View>"""
    text = "Ann is here."
    ids = open_task(page, site_url, xml, [{"text": text}])
    page.keyboard.press("1")
    spans(page, text, ["Ann"])
    panel = page.get_by_role("complementary", name="Regions panel")
    panel.get_by_role("button", name="Ann").click()
    page.get_by_role("radio", name="Real").click()
    page.keyboard.press("Alt+m")  # Label Studio's region:meta
    meta = panel.get_by_role("textbox", name="Meta")
    expect(meta).to_be_focused()
    page.keyboard.type("check the spelling")
    page.keyboard.press("Escape")  # leaves the note (and, as Label Studio's region:exit, the region)
    page.keyboard.press("Control+z")  # the whole note is one undo step
    panel.get_by_role("button", name="Ann").click()
    expect(meta).to_have_value("")
    expect(page.get_by_role("radio", name="Real")).to_be_checked()
    page.keyboard.press("Control+Shift+z")
    panel.get_by_role("button", name="Ann").click()
    expect(meta).to_have_value("check the spelling")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    assert [r.get("meta") for r in ann["result"]] == [
        {"text": ["check the spelling"]}
    ] * 2  # on the region and its per-region result
    validate(xml, {"text": text}, [ann], page, ids["project"])
