"""Render ``docs/tags.md`` from the tag registry, so the reference never drifts from the code."""

from __future__ import annotations

from labelcore.config.findings import KINDS
from labelcore.config.tags import TAGS, AttrSpec, TagSpec, of_kind

KIND_TITLES = {
    "object": ("Object tags", 'Show a piece of the task\'s data; `value="$key"` names the data key.'),
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

A `<Repeater on="$pages">` shows its content once per item of the list `pages`, its index flag
(`{{idx}}` by default) replaced by 0, 1, ...: write repeated names with the flag (`page_{{idx}}`)
and read each item with it (`$pages[{{idx}}].url`). A `toName` or `whenTagName` may name all the
items (`page_{{idx}}`) or one of them (`page_0`). The parsed form lists each Repeater with its
list's data key and the keys read from each item (`url`); results name the items (`page_0`).

A value reads task data through `$key`: `value="$image"` reads the data as it is, text with keys in
it (`value="Page $n"`) reads each as text. Keys join names with `.` and index lists with `[2]`; a
flat key wins over nesting (`$a.b` is the key `"a.b"` when the task has it, else `a` → `b`). The
parsed form holds each value's references already parsed (`refs`), so the labeling screen never
reads the `$key` syntax itself.

Tags marked "not drawn yet" are read, validated, imported and exported, but the labeling screen
shows a placeholder for them; the template gallery marks templates using them as preview only.
"""


def _errors_section() -> list[str]:
    lines = [
        "## Validation errors and warnings",
        "",
        "Every finding has a line and column (of the attribute when one is at fault), a kind and a severity.",
        "An **error** refuses the config: Label Studio refuses it too, or it cannot work. A **warning** is",
        "something Label Studio accepts and that works, but is probably a mistake: the config is accepted",
        "and the warnings are reported with it (`warnings` in the parsed form and in `config.validate`;",
        "`file:line:col: warning: ...` from `labelcore validate`, which then exits 0).",
        "",
        "| kind | severity | meaning |",
        "|---|---|---|",
    ]
    return lines + [f"| `{kind}` | {k.severity} | {k.meaning} |" for kind, k in KINDS.items()] + [""]


def _attr_row(attr: AttrSpec) -> str:
    shown = str(attr.default).lower() if isinstance(attr.default, bool) else str(attr.default)
    default = "" if attr.default is None else f"`{shown}`".replace("|", "\\|")
    kind = attr.describe().replace("|", "\\|")
    required = "yes" if attr.required else ""
    return f"| `{attr.name}` | {kind} | {default} | {required} |"


def _section(spec: TagSpec) -> list[str]:
    lines = [f"### {spec.name}", "", spec.description, ""]
    if spec.kind == "control":
        targets = (
            "any object tag" if "*" in spec.attaches_to else ", ".join(f"`{t}`" for t in spec.attaches_to)
        )
        key = f", its labels/choices/text under `value.{spec.value_key}`" if spec.value_key else ""
        lines += [f"- Produces: result type `{spec.result_type}`{key}.", f"- Attaches to: {targets}."]
    if spec.kind == "object":
        reads = ", ".join(f"`{a}`" for a in spec.data_attrs)
        lines.append(f"- Reads task data through {reads}; produces no result itself (controls label it).")
    if spec.kind != "child":
        lines.append(
            "- Labeling screen: drawn."
            if spec.drawable
            else "- Labeling screen: not drawn yet (preview only)."
        )
    if spec.children:
        lines.append("- Children: " + ", ".join(f"`{c}`" for c in spec.children) + ".")
    parents = sorted(name for name, s in TAGS.items() if spec.name in s.children and name != spec.name)
    if spec.kind == "child" and parents:
        lines.append("- Inside: " + ", ".join(f"`{p}`" for p in parents) + ".")
    if spec.one_of:
        lines.append(
            "- Needs one of: " + "; ".join(" or ".join(f"`{a}`" for a in g) for g in spec.one_of) + "."
        )
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
