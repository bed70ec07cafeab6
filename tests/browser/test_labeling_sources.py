"""Text and HyperText as Label Studio reads and selects them: granularity="sentence" and
"paragraph" (and a <Label granularity> that overrides its object's) give Label Studio's offsets
for spans made with the mouse and with the keyboard; valueType="url" reads a file stored in the
project (media://) or on this site, and names a remote URL without fetching it; base64 and
base64unicode values are decoded; saveTextResult decides whether a span carries its text.

The expected spans were measured in Chromium by running Label Studio's own way of widening a
selection (Selection.modify with "sentenceboundary"/"paragraphboundary") on Label Studio's DOM
for these texts: a sentence keeps the spaces after it (and a line's \\n), a paragraph is a line
of a Text or a block of HTML, and whitespace the page collapses is left where the caret goes."""

from __future__ import annotations

import base64
import json
import re

from playwright.sync_api import expect

from labelcore.config.parse import parse_config
from tests.browser.helpers import ANNOTATIONS, seed, select_text, utf16, validate

TEXT = "Zoë met Ana. She said hi! 東京は大きい。大阪も？\nSecond line, one sentence 👩‍💻 here. Last one.\n\n  Indented third.  "


def re_region():
    return re.compile(r"^Region ")


def span(text: str, piece: str, start_at: int = 0) -> tuple[int, int, str]:
    """(start, end, piece) of the first `piece` in `text` from `start_at`, in UTF-16 offsets."""
    i = text.index(piece, start_at)
    return utf16(text, i), utf16(text, i + len(piece)), piece


def drag(page, obj, text: str, piece: str):
    """Select `piece` of `text` with the mouse (the object shows `text`)."""
    start, end, _ = span(text, piece)
    select_text(page, obj, start, end)


def label_items(page, task_id):
    [ann] = page.evaluate(ANNOTATIONS, task_id)
    return ann, [it for it in ann["result"] if it["type"] in ("labels", "hypertextlabels", "paragraphlabels")]


def test_sentence_splitter(page, site_url):
    """The splitter Text and HyperText snap to: ICU sentence rules, CJK punctuation included."""
    page.goto(site_url)
    split = "async (t) => (await import('./js/labeling/text/granularity.js')).sentences(t).map((s) => s.text)"
    assert page.evaluate(split, TEXT) == [
        "Zoë met Ana. ",
        "She said hi! ",
        "東京は大きい。",
        "大阪も？\n",
        "Second line, one sentence 👩‍💻 here. ",
        "Last one.\n",
        "\n",
        "  Indented third.  ",
    ]
    assert page.evaluate(split, "第一句。第二句！第三句？最后") == [
        "第一句。",
        "第二句！",
        "第三句？",
        "最后",
    ]
    assert page.evaluate(
        split, 'Wow!! Really?! He said "Stop." Then left at 3.50 p.m. today. e.g. this.'
    ) == ["Wow!! ", "Really?! ", 'He said "Stop." ', "Then left at 3.50 p.m. today. e.g. this."]
    # no abbreviation list, as in Label Studio: "Mr. Smith" is two sentences there too
    assert page.evaluate(split, "Mr. Smith left.") == ["Mr. ", "Smith left."]


GRANULAR = """<View>
  <Labels name="lab" toName="sent">
    <Label value="Span" background="#e25b5b"/>
    <Label value="Word" granularity="word" background="#31a06c"/>
  </Labels>
  <Text name="sent" value="$text" granularity="sentence"/>
  <Labels name="labp" toName="para"><Label value="Para" background="#617ada"/></Labels>
  <Text name="para" value="$text" granularity="paragraph"/>
</View>"""


def caret_select(page, obj, offset: int, steps: int):
    """Put the caret at `offset` of the object's text and extend it with shift+right."""
    obj.focus()
    obj.evaluate(
        """(root, off) => { const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT); let acc = 0;
      for (let n = w.nextNode(); n; n = w.nextNode()) { if (off <= acc + n.length) { getSelection().collapse(n, off - acc); return; } acc += n.length; } }""",
        offset,
    )
    page.keyboard.down("Shift")
    for _ in range(steps):
        page.keyboard.press("ArrowRight")
    page.keyboard.up("Shift")


def test_text_sentence_and_paragraph_granularity(page, site_url):
    ids = seed(page, site_url, GRANULAR, [{"text": TEXT}])
    page.goto(f"{site_url}#/projects/{ids['project']}/label")
    sent = page.get_by_role("document", name="Text sent")
    para = page.get_by_role("document", name="Text para")
    expect(sent).to_contain_text("Indented third.")
    panel = page.get_by_role("complementary", name="Regions panel")
    regions = panel.get_by_role("listitem", name=re_region())

    page.keyboard.press("1")  # Span: the object's granularity, sentence
    want = []
    for piece, whole in [
        ("e sa", "She said hi! "),
        ("阪", "大阪も？\n"),
        ("hi! 東", "She said hi! 東京は大きい。"),
        ("ne sen", "Second line, one sentence 👩‍💻 here. "),
        ("ast", "Last one.\n"),
        ("dent", "Indented third."),
    ]:
        drag(page, sent, TEXT, piece)
        want.append(("sent", *span(TEXT, whole), "Span"))
        expect(regions).to_have_count(len(want))
    # the keyboard snaps the same way: two characters of 東京 make the whole sentence
    caret_select(page, sent, span(TEXT, "東京")[0], 2)
    want.append(("sent", *span(TEXT, "東京は大きい。"), "Span"))
    expect(regions).to_have_count(len(want))
    page.keyboard.press("2")  # Word: the label's own granularity wins over the object's
    drag(page, sent, TEXT, "e sa")
    want.append(("sent", *span(TEXT, "She said"), "Word"))
    expect(regions).to_have_count(len(want))

    page.keyboard.press("3")  # Para, on the paragraph-granularity Text
    for piece, whole in [
        ("one sent", "Second line, one sentence 👩‍💻 here. Last one."),
        ("dent", "Indented third."),
        ("Ana. S", "Zoë met Ana. She said hi! 東京は大きい。大阪も？"),
    ]:
        drag(page, para, TEXT, piece)
        want.append(("para", *span(TEXT, whole), "Para"))
        expect(regions).to_have_count(len(want))
    page.screenshot(path="/tmp/lc/granularity.png", full_page=True)

    page.keyboard.press("Control+Enter")
    expect(page.get_by_text("No more tasks to label")).to_be_visible()
    ann, items = label_items(page, ids["tasks"][0])
    got = [
        (
            it["to_name"],
            it["value"]["start"],
            it["value"]["end"],
            it["value"]["text"],
            it["value"]["labels"][0],
        )
        for it in items
    ]
    assert sorted(got) == sorted(want)
    assert all(list(it["value"]) == ["start", "end", "text", "labels"] for it in items)
    validate(GRANULAR, {"text": TEXT}, [ann])


HTML = "<h3>Title here</h3><p>One. Two <b>bold. Text</b> and more.</p>\n<p>Second para.   Ends   here.</p>"
HTML_TEXT = "Title hereOne. Two bold. Text and more.\nSecond para.   Ends   here."
HYPER = """<View>
  <HyperTextLabels name="hl" toName="page">
    <Label value="Part" background="#e25b5b"/>
    <Label value="Exact" granularity="symbol" background="#31a06c"/>
  </HyperTextLabels>
  <HyperText name="page" value="$html" granularity="sentence" saveTextResult="no"/>
  <HyperTextLabels name="hp" toName="page2"><Label value="Block" background="#617ada"/></HyperTextLabels>
  <HyperText name="page2" value="$html" granularity="paragraph"/>
</View>"""


def test_hypertext_granularity_over_blocks(page, site_url):
    ids = seed(page, site_url, HYPER, [{"html": HTML}])
    page.goto(f"{site_url}#/projects/{ids['project']}/label")
    one = page.get_by_role("document", name="HyperText page", exact=True)
    two = page.get_by_role("document", name="HyperText page2")
    expect(one).to_contain_text("Second para.")
    regions = page.get_by_role("complementary", name="Regions panel").get_by_role(
        "listitem", name=re_region()
    )

    page.keyboard.press("1")  # Part: sentences; a sentence never crosses a block, collapsed spaces stay out
    want = []
    for piece, whole in [
        ("wo bo", "Two bold. "),
        ("xt an", "Text and more."),
        ("tle", "Title here"),
        ("cond", "Second para. "),
        ("nds", "  Ends   here."),
    ]:
        drag(page, one, HTML_TEXT, piece)
        want.append(("page", *span(HTML_TEXT, whole)[:2], "Part"))
        expect(regions).to_have_count(len(want))
    # "Second para.   Ends": the sentence ends after the first of the three spaces, the next starts there
    assert want[3][2] == want[4][1] == HTML_TEXT.index("para.") + 6
    page.keyboard.press("2")  # Exact: granularity="symbol" on the label
    drag(page, one, HTML_TEXT, "ara")
    want.append(("page", *span(HTML_TEXT, "ara")[:2], "Exact"))
    expect(regions).to_have_count(len(want))

    page.keyboard.press("3")  # Block: paragraphs are blocks (h3, p), not source lines
    for piece, whole in [
        ("bold", "One. Two bold. Text and more."),
        ("para", "Second para.   Ends   here."),
        ("itl", "Title here"),
    ]:
        drag(page, two, HTML_TEXT, piece)
        want.append(("page2", *span(HTML_TEXT, whole)[:2], "Block"))
        expect(regions).to_have_count(len(want))

    page.keyboard.press("Control+Enter")
    expect(page.get_by_text("No more tasks to label")).to_be_visible()
    ann, items = label_items(page, ids["tasks"][0])
    got = [
        (
            it["to_name"],
            it["value"]["globalOffsets"]["start"],
            it["value"]["globalOffsets"]["end"],
            it["value"]["hypertextlabels"][0],
        )
        for it in items
    ]
    assert sorted(got) == sorted(want)
    for it in items:  # saveTextResult="no" on page: no text; page2 keeps it
        keys = (
            ["start", "end", "startOffset", "endOffset", "globalOffsets"]
            + (["text"] if it["to_name"] == "page2" else [])
            + ["hypertextlabels"]
        )
        assert list(it["value"]) == keys
        if it["to_name"] == "page2":
            g = it["value"]["globalOffsets"]
            assert it["value"]["text"] == HTML_TEXT[g["start"] : g["end"]]
    [title] = [it for it in items if it["to_name"] == "page2" and it["value"]["globalOffsets"]["start"] == 0]
    assert title["value"]["start"] == "/h3[1]/text()[1]" and title["value"]["endOffset"] == 10
    validate(HYPER, {"html": HTML}, [ann])


SEED_MEDIA = """async ([xml, config, files, data]) => {
  const { projects, store } = window.labelcore;
  const p = await projects.createProject({ name: 'Sources test', label_config: xml });
  await projects.updateProject(p.id, { parsed_config: config });
  const ids = await store.write(['media', 'tasks'], async (tx) => {
    for (const [id, name, type, body] of files) {
      const blob = new Blob([body], { type });
      await tx.objectStore('media').add({ id, project: p.id, name, path: name, type, size: blob.size, blob });
    }
    return [await tx.objectStore('tasks').add({ project: p.id, data, meta: {}, inner_id: 1,
      created_at: '2025-01-01T00:00:00.000Z', updated_at: '2025-01-01T00:00:00.000Z' })];
  });
  return { project: p.id, tasks: ids };
}"""

STORY = "Zoë 👩‍💻 met Ana in São Paulo.\nThe end."
DIALOGUE = [{"author": "Ann", "text": "Hello there."}, {"author": "Bob", "text": "Hi, Ann!"}]
MEDIA_XML = """<View>
  <Labels name="label" toName="story"><Label value="PER"/><Label value="LOC"/></Labels>
  <Text name="story" value="$story" valueType="url"/>
  <ParagraphLabels name="pl" toName="chat"><Label value="Greeting"/></ParagraphLabels>
  <Paragraphs name="chat" value="$chat" valueType="url" layout="dialogue"/>
</View>"""


def test_text_from_a_stored_file(page, site_url):
    """valueType="url" with a media:// reference: the stored .txt is shown and labelled; the span
    has no `text` (Label Studio's default for url); Paragraphs read their JSON the same way."""
    page.goto(site_url)
    expect(page.get_by_role("button", name="Create Project").first).to_be_visible()
    data = {"story": "media://txt0001/story.txt", "chat": "media://json0001/chat.json"}
    files = [
        ["txt0001", "story.txt", "text/plain", STORY],
        ["json0001", "chat.json", "application/json", json.dumps(DIALOGUE)],
    ]
    ids = page.evaluate(SEED_MEDIA, [MEDIA_XML, parse_config(MEDIA_XML).to_json(), files, data])
    page.goto(f"{site_url}#/projects/{ids['project']}/label")
    story = page.get_by_role("document", name="Text story")
    expect(story).to_contain_text("São Paulo.")
    expect(story).to_contain_text("The end.")
    expect(page.get_by_role("document", name="Paragraphs chat")).to_contain_text("Hi, Ann!")
    regions = page.get_by_role("complementary", name="Regions panel").get_by_role(
        "listitem", name=re_region()
    )

    page.keyboard.press("2")
    drag(page, story, STORY, "São Paulo")
    expect(regions).to_have_count(1)
    expect(
        regions.get_by_role("button", name="São Paulo")
    ).to_be_visible()  # named by its words, though saved without them
    page.keyboard.press("Control+Enter")
    expect(page.get_by_text("No more tasks to label")).to_be_visible()
    ann, [item] = label_items(page, ids["tasks"][0])
    start, end, _ = span(STORY, "São Paulo")
    assert item["value"] == {"start": start, "end": end, "labels": ["LOC"]}
    validate(MEDIA_XML, data, [ann])


REMOTE_XML = """<View>
  <Text name="remote" value="$remote" valueType="url"/>
  <HyperText name="missing" value="$missing" valueType="url"/>
  <Text name="broken" value="$broken" encoding="base64"/>
  <Text name="local" value="$local" valueType="url"/>
  <Labels name="label" toName="local"><Label value="Thing"/></Labels>
  <Choices name="ok" toName="local"><Choice value="Fine"/></Choices>
</View>"""
LOCAL = "A file served by this site. Second sentence."


def test_remote_url_is_named_not_fetched(page, site_url, context):
    """A remote URL shows where the text lives and how to bring it in, and is never requested; a
    same-origin file is fetched, a missing one and a bad base64 value say why; the rest of the
    screen works."""
    page.route(
        "**/samples/story.txt", lambda route: route.fulfill(status=200, content_type="text/plain", body=LOCAL)
    )
    data = {
        "remote": "https://example.com/corpus/story.txt",
        "missing": "./samples/missing.html",
        "broken": "%%% not base64",
        "local": "./samples/story.txt",
    }
    ids = seed(page, site_url, REMOTE_XML, [data])
    page.goto(f"{site_url}#/projects/{ids['project']}/label")
    note = page.get_by_role("note", name="Text not loaded")
    expect(note).to_contain_text("https://example.com/corpus/story.txt")
    expect(note).to_contain_text("does not fetch")
    expect(note).to_contain_text("Import")
    expect(page.get_by_role("alert").filter(has_text="samples/missing.html")).to_contain_text("404")
    expect(page.get_by_role("alert").filter(has_text="base64")).to_be_visible()
    local = page.get_by_role("document", name="Text local")
    expect(local).to_have_text(LOCAL)
    page.screenshot(path="/tmp/lc/sources.png", full_page=True)

    page.keyboard.press("1")
    drag(page, local, LOCAL, "served")
    page.get_by_role("radio", name="Fine").check()
    page.keyboard.press("Control+Enter")
    expect(page.get_by_text("No more tasks to label")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    start, end, _ = span(LOCAL, "served")
    assert [it["value"] for it in ann["result"]] == [
        {"start": start, "end": end, "labels": ["Thing"]},
        {"choices": ["Fine"]},
    ]
    assert not [u for u in context.request_log.urls if "example.com" in u]
    assert any(u.endswith("/samples/story.txt") for u in context.request_log.urls)


B64_XML = """<View>
  <Labels name="label" toName="text"><Label value="PER"/><Label value="LOC"/></Labels>
  <Text name="text" value="$b64" encoding="base64unicode" granularity="word"/>
  <HyperText name="html" value="$html64" encoding="base64"/>
</View>"""
EMOJI = "Zoë 👩‍💻 met Ana in São Paulo 🇧🇷, e\u0301 voilà 東京."


def test_base64unicode_text_with_emoji(page, site_url):
    data = {
        "b64": base64.b64encode(EMOJI.encode()).decode(),
        "html64": base64.b64encode(b"<p>Hello <b>world</b></p>").decode(),
    }
    ids = seed(page, site_url, B64_XML, [data])
    page.goto(f"{site_url}#/projects/{ids['project']}/label")
    text = page.get_by_role("document", name="Text text")
    expect(text).to_have_text(EMOJI)
    expect(page.get_by_role("document", name="HyperText html")).to_have_text("Hello world")
    page.keyboard.press("2")
    drag(page, text, EMOJI, "ão Pau")  # granularity="word": the whole words
    page.keyboard.press("1")
    drag(page, text, EMOJI, "voil")
    page.keyboard.press("Control+Enter")
    expect(page.get_by_text("No more tasks to label")).to_be_visible()
    ann, items = label_items(page, ids["tasks"][0])
    got = sorted(
        (it["value"]["start"], it["value"]["end"], it["value"]["text"], it["value"]["labels"][0])
        for it in items
    )
    assert got == sorted([(*span(EMOJI, "São Paulo"), "LOC"), (*span(EMOJI, "voilà"), "PER")])
    validate(B64_XML, data, [ann])
