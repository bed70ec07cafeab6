"""The labeling screen beyond plain text: a classification form with a required field, a
dialogue with ParagraphLabels, HyperText with hostile markup that runs nothing, and a
prediction accepted as pre-labels then changed. Every stored annotation validates against its
config (result schemas + the model check)."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.helpers import ANNOTATIONS, NER, seed, select_text, validate

FORM = """<View>
  <Text name="text" value="$text"/>
  <Choices name="topics" toName="text" choice="multiple" required="true" showInline="true">
    <Choice value="Sports"/><Choice value="Politics"/><Choice value="Tech"/>
  </Choices>
  <Rating name="quality" toName="text" maxRating="5"/>
  <TextArea name="summary" toName="text" required="true" requiredMessage="Write a summary" rows="2"/>
</View>"""


def test_required_form_of_choices_rating_textarea(page, site_url):
    data = {"text": "The team shipped a new chip and won the cup."}
    ids = seed(page, site_url, FORM, [data])
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    page.get_by_role("checkbox", name="Sports").click()
    page.keyboard.press("3")  # Tech's hotkey
    expect(page.get_by_role("checkbox", name="Tech")).to_be_checked()
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("alert")).to_have_text("Fill in the required field: Write a summary.")

    summary = page.get_by_role("textbox", name="summary (required)")
    summary.fill("Sport and tech 3")  # typing "3" in a field must not toggle Tech
    summary.press("Enter")  # rows="2": Enter starts a new line, as in Label Studio...
    summary.press("Backspace")
    summary.press("Shift+Enter")  # ...and shift+Enter adds the text
    expect(page.get_by_role("checkbox", name="Tech")).to_be_checked()
    expect(page.get_by_role("group", name="summary (required)")).to_contain_text("Sport and tech 3")
    page.get_by_role("radio", name="4 stars").click()
    page.screenshot(path="/tmp/lc/form.png", full_page=True)
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("button", name="Update")).to_be_visible()

    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    values = {it["from_name"]: it["value"] for it in ann["result"]}
    assert values == {
        "topics": {"choices": ["Sports", "Tech"]},
        "summary": {"text": ["Sport and tech 3"]},
        "quality": {"rating": 4},
    }
    assert {it["type"] for it in ann["result"]} == {"choices", "textarea", "rating"}
    assert all(it["to_name"] == "text" and it["origin"] == "manual" for it in ann["result"])
    validate(FORM, data, [ann], page, ids["project"])


DIALOGUE = """<View>
  <ParagraphLabels name="intent" toName="chat">
    <Label value="Question"/><Label value="Answer"/>
  </ParagraphLabels>
  <Paragraphs name="chat" value="$chat" layout="dialogue"/>
</View>"""

HOSTILE = """<View>
  <HyperTextLabels name="ents" toName="page"><Label value="Thing"/></HyperTextLabels>
  <HyperText name="page" value="$html"/>
</View>"""

EVIL = (
    '<div><p>Hello <b>brave world</b> <img src="x" onerror="window.__pwned=1">'
    '<a href="javascript:window.__pwned=2">click</a><script>window.__pwned=3</script>'
    '<img src="http://evil.example/x.png"><span style="background:url(http://evil.example/y.png)">styled</span></p>'
    '<p onclick="window.__pwned=4">Second 👋 line</p><iframe src="http://evil.example/"></iframe></div>'
)


def test_dialogue_and_hostile_hypertext(page, site_url, context):
    chat = [{"author": "Ann", "text": "Hi there!"}, {"author": "Bot", "text": "How are you, Ann?"}]
    ids = seed(page, site_url, DIALOGUE, [{"chat": chat}])
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    page.get_by_role("button", name="Question").click()
    phrase = page.locator('[data-phrase="1"] .lc-phrase-text')
    start = chat[1]["text"].index("How")
    select_text(page, phrase, start, start + len("How are you"))
    page.screenshot(path="/tmp/lc/dialogue.png", full_page=True)
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("button", name="Update")).to_be_visible()  # opened by id: it stays
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    [item] = ann["result"]
    assert item["type"] == "paragraphlabels" and item["to_name"] == "chat"
    assert item["value"] == {
        "start": "1",
        "end": "1",
        "startOffset": 0,
        "endOffset": 11,
        "text": "How are you",
        "paragraphlabels": ["Question"],
    }
    validate(DIALOGUE, {"chat": chat}, [ann], page, ids["project"])

    ids = seed(page, site_url, HOSTILE, [{"html": EVIL}])
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    doc = page.get_by_role("document", name="HyperText page")
    expect(doc).to_contain_text("Second")
    doc.get_by_text("click").click()
    doc.get_by_text("Second").click()
    assert page.evaluate("() => window.__pwned") is None
    assert doc.locator("script, iframe, [onerror], [onclick], [src], [href]").count() == 0
    assert doc.locator("[style]").count() == 0
    page.keyboard.press("1")
    full = doc.evaluate("(el) => el.textContent")
    start = full.index("brave world")
    b = doc.locator("b")
    select_text(page, b, 0, len("brave world"))
    second = doc.locator("p").nth(1)
    s2 = second.evaluate("(el) => el.textContent")
    select_text(page, second, s2.index("👋"), s2.index("👋") + 2 + len(" line"))
    page.screenshot(path="/tmp/lc/hypertext.png", full_page=True)
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    first, last = ann["result"]
    assert first["value"] == {
        "start": "/div[1]/p[1]/b[1]/text()[1]",
        "end": "/div[1]/p[1]/b[1]/text()[1]",
        "startOffset": 0,
        "endOffset": 11,
        "globalOffsets": {"start": start, "end": start + 11},
        "text": "brave world",
        "hypertextlabels": ["Thing"],
    }
    g = full.index("👋")
    assert last["value"]["globalOffsets"] == {"start": g, "end": g + 7} and last["value"]["text"] == "👋 line"
    assert last["value"]["start"] == "/div[1]/p[2]/text()[1]" and last["value"]["startOffset"] == len(
        "Second "
    )
    validate(HOSTILE, {"html": EVIL}, [ann], page, ids["project"])
    assert not [u for u in context.request_log.urls if "evil" in u]


def test_prediction_accepted_and_changed(page, site_url):
    text = "Zoë met Ana in Lisbon."

    def region(rid, word, label):
        return {
            "value": {
                "start": text.index(word),
                "end": text.index(word) + len(word),
                "text": word,
                "labels": [label],
            },
            "id": rid,
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
        }

    preds = [
        [
            {
                "result": [region("old0000001", "Zoë", "LOC")],
                "score": 0.2,
                "model_version": "v1",
                "created_at": "2025-01-01T00:00:00Z",
            },
            {
                "result": [region("zoe0000001", "Zoë", "PER"), region("ana0000001", "Ana", "LOC")],
                "score": 0.87,
                "model_version": "v2",
                "created_at": "2025-02-01T00:00:00Z",
            },
        ]
    ]
    ids = seed(page, site_url, NER, [{"text": text}], preds)
    page.goto(f"{site_url}#/projects/{ids['project']}/label")
    banner = page.get_by_role("region", name="Prediction")
    expect(banner).to_contain_text("Pre-labeled from prediction v2 · score 0.87")
    panel = page.get_by_role("complementary", name="Regions panel")
    panel.get_by_role("button", name="Ana").click()
    page.keyboard.press("1")  # relabel the selected region as PER
    expect(banner).to_contain_text("changed")
    page.keyboard.press("Control+Enter")
    expect(page.get_by_text("No more tasks to label")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    by_id = {it["id"]: it for it in ann["result"]}
    assert by_id["zoe0000001"]["origin"] == "prediction" and by_id["zoe0000001"]["value"]["labels"] == ["PER"]
    assert by_id["ana0000001"]["origin"] == "prediction-changed" and by_id["ana0000001"]["value"][
        "labels"
    ] == ["PER"]
    assert ann["parent_prediction"] is not None
    validate(NER, {"text": text}, [ann], page, ids["project"])
