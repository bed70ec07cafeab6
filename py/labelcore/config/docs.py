"""Render ``docs/tags.md`` from the tag registry, so the reference never drifts from the code."""

from __future__ import annotations

from labelcore.config.tags import TAGS, AttrSpec, TagSpec, of_kind

KIND_TITLES = {
    "object": ("Object tags", "Show a piece of the task's data; `value=\"$key\"` names the data key."),
    "control": ("Control tags", "Write results; `toName` names the object tag(s) they label."),
    "child": ("Child tags", "Live inside a particular control or object tag."),
    "visual": ("Visual tags", "Lay out the labeling interface; they write nothing."),
}

INTRO = """# Labeling config tags

Every tag Labelcore reads in a Label Studio labeling config, with its attributes (type, default,
whether required) and what it produces. Tag and attribute names are matched case-insensitively,
as Label Studio does. Attributes not listed are kept as written. This file is generated from the
tag registry (`py/labelcore/config/tags.json`) by `labelcore.config.docs.render_tags_md()`; a test
fails when it is out of date.

Labels without `background` get colours from a default palette; labels and choices without
`hotkey` get keys in Label Studio's order `1234567890qwetasdfgzxcvbyiopjklnm`, skipping keys
given explicitly anywhere in the config.
"""


# Error kinds (``ConfigError.extra["kind"]``, ``kind`` in ``config.validate``) and what they mean.
ERROR_KINDS = {
    "not-xml": "the text is not well-formed XML (or is empty)",
    "not-text": "the config is not text, or holds a character that is not valid Unicode",
    "doctype": "a DOCTYPE or ENTITY declaration (refused: no external entities, no entity expansion)",
    "too-large": "the config is over 1 MB",
    "too-deep": "tags nested more than 64 levels deep",
    "root": "the root tag is not `<View>`",
    "unknown-tag": "a tag that is not in the registry (with a \"did you mean\")",
    "missing-attr": "a required attribute is absent (a close misspelling is named)",
    "bad-value": "an attribute value that does not fit its type (enumeration, true/false, number)",
    "duplicate-name": "two object or control tags share a `name`",
    "unknown-toname": "`toName` names no object tag",
    "cannot-attach": "a control that cannot label that kind of object (e.g. RectangleLabels on Text)",
    "duplicate-label": "the same label value twice in one control",
    "hotkey-collision": "two elements given the same hotkey",
    "unknown-reference": "`whenTagName`, `whenLabelValue` or `whenChoiceValue` names nothing that exists",
    "misplaced-child": "a child tag outside its parent (e.g. `<Label>` directly in `<View>`)",
}


def _errors_section() -> list[str]:
    lines = ["## Validation errors", "",
             "Every error has a line and column (of the attribute when one is at fault) and one of these kinds:", "",
             "| kind | meaning |", "|---|---|"]
    return lines + [f"| `{kind}` | {meaning} |" for kind, meaning in ERROR_KINDS.items()] + [""]


def _attr_row(attr: AttrSpec) -> str:
    shown = str(attr.default).lower() if isinstance(attr.default, bool) else str(attr.default)
    default = "" if attr.default is None else f"`{shown}`".replace("|", "\\|")
    kind = attr.describe().replace("|", "\\|")
    required = "yes" if attr.required else ""
    return f"| `{attr.name}` | {kind} | {default} | {required} |"


def _section(spec: TagSpec) -> list[str]:
    lines = [f"### {spec.name}", "", spec.description, ""]
    if spec.kind == "control":
        targets = "any object tag" if "*" in spec.attaches_to else ", ".join(f"`{t}`" for t in spec.attaches_to)
        lines += [f"- Produces: result type `{spec.result_type}`.", f"- Attaches to: {targets}."]
    if spec.kind == "object":
        reads = ", ".join(f"`{a}`" for a in spec.data_attrs)
        lines.append(f"- Reads task data through {reads}; produces no result itself (controls label it).")
    if spec.children:
        lines.append("- Children: " + ", ".join(f"`{c}`" for c in spec.children) + ".")
    parents = sorted(name for name, s in TAGS.items() if spec.name in s.children and name != spec.name)
    if spec.kind == "child" and parents:
        lines.append("- Inside: " + ", ".join(f"`{p}`" for p in parents) + ".")
    if spec.one_of:
        lines.append("- Needs one of: " + "; ".join(" or ".join(f"`{a}`" for a in g) for g in spec.one_of) + ".")
    if spec.text_attr:
        lines.append(f"- The element's text may stand for `{spec.text_attr}`.")
    if lines[-1] != "":
        lines.append("")
    if spec.attrs:
        lines += ["| attribute | type | default | required |", "|---|---|---|---|"]
        lines += [_attr_row(a) for a in spec.attrs.values()]
        lines.append("")
    return lines


def render_tags_md() -> str:
    lines = [INTRO]
    for kind, (title, blurb) in KIND_TITLES.items():
        lines += [f"## {title}", "", blurb, ""]
        for name in of_kind(kind):  # type: ignore[arg-type]
            lines += _section(TAGS[name])
    lines += _errors_section()
    return "\n".join(lines).rstrip() + "\n"
