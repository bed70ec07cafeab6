"""Checks across the whole config, run after it is built; each returns ConfigErrors.

Checks are registered in :data:`CHECKS` (name -> function) and run in order. Whether a
finding is an error or a warning follows from its kind (:mod:`labelcore.config.findings`).
Names are resolved through Repeaters: ``toName="page_0"`` finds ``<Image name="page_{{idx}}">``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from labelcore.config.build import did_you_mean
from labelcore.config.model import ControlTag, LabelConfig, LabelItem, LayoutNode, ObjectTag
from labelcore.config.repeat import Names
from labelcore.config.tags import TAGS
from labelcore.errors import ConfigError

Check = Callable[[LabelConfig], Iterator[ConfigError]]
CHECKS: dict[str, Check] = {}


def check(name: str):
    def register(func: Check) -> Check:
        CHECKS[name] = func
        return func

    return register


def _listing(names: list[str], limit: int = 12) -> str:
    """``a, b, c`` / ``a, b, ... (40 more)`` / ``none``: names for a message, kept short."""
    if not names:
        return "none"
    shown = ", ".join(names[:limit])
    return shown if len(names) <= limit else f"{shown}, ... ({len(names) - limit} more)"


def _at(item: ControlTag | LabelItem | LayoutNode, attr: str | None = None) -> dict[str, int]:
    """Where ``item`` is written, or its attribute ``attr`` when that is written."""
    if attr is not None and attr.lower() in item.places:
        return dict(item.places[attr.lower()])
    return {"line": item.line, "col": item.col}


@check("to-name")
def _to_name(cfg: LabelConfig) -> Iterator[ConfigError]:
    """Every toName names an object tag, and the control can attach to that kind of object."""
    objects = _listing(list(cfg.objects))
    names = Names(cfg.objects, cfg)
    for control in cfg.controls.values():
        spec = TAGS[control.tag]
        for target in control.to_name:
            obj = names.resolve(target)
            if obj is None:
                hint = did_you_mean(target, list(cfg.objects))
                yield ConfigError(
                    f"<{control.tag} name={control.name!r}> toName {target!r} names no object tag"
                    f"{hint} (objects: {objects})",
                    _at(control, "toName"),
                    kind="unknown-toname",
                    control=control.name,
                    to_name=target,
                )
            elif not spec.can_attach(obj.tag):
                allowed = ", ".join(f"<{t}>" for t in spec.attaches_to)
                yield ConfigError(
                    f"<{control.tag} name={control.name!r}> cannot label <{obj.tag} name={obj.name!r}>: "
                    f"{control.tag} works with {allowed}",
                    _at(control, "toName"),
                    kind="cannot-attach",
                    control=control.name,
                    to_name=target,
                )
        if spec.name == "Pairwise" and len(control.to_name) != 2 and control.to_name:
            yield ConfigError(
                f"<Pairwise name={control.name!r}> needs two objects in toName "
                f'(e.g. toName="left,right"), got {len(control.to_name)}',
                _at(control, "toName"),
                kind="bad-value",
                control=control.name,
            )


@check("duplicate-label")
def _duplicate_labels(cfg: LabelConfig) -> Iterator[ConfigError]:
    """Label values are unique within a control (and within one Taxonomy level)."""

    def walk(control: ControlTag, items: list[LabelItem]) -> Iterator[ConfigError]:
        seen: dict[str, LabelItem] = {}
        for item in items:
            if item.value in seen:
                first = seen[item.value]
                yield ConfigError(
                    f"<{control.tag} name={control.name!r}> has the label {item.value!r} twice "
                    f"(first at line {first.line}, col {first.col})",
                    _at(item, "value"),
                    kind="duplicate-label",
                    control=control.name,
                    label=item.value,
                )
            else:
                seen[item.value] = item
            yield from walk(control, item.children)

    for control in cfg.controls.values():
        yield from walk(control, control.labels)


def _hotkey_owners(root: LayoutNode) -> Iterator[tuple[str, str, LayoutNode]]:
    for node in _all_nodes(root):
        hotkey = node.attrs.get("hotkey")
        spec = TAGS.get(node.tag)
        if isinstance(hotkey, str) and hotkey and spec is not None and spec.attr("hotkey") is not None:
            what = f"<{node.tag} value={node.attrs['value']!r}>" if "value" in node.attrs else f"<{node.tag}>"
            yield hotkey.lower(), what, node


@check("hotkey")
def _hotkeys(cfg: LabelConfig) -> Iterator[ConfigError]:
    """No two elements share one hotkey (given hotkeys; auto-assigned ones never collide)."""
    if cfg.layout is None:
        return
    seen: dict[str, tuple[str, LayoutNode]] = {}
    for key, what, node in _hotkey_owners(cfg.layout):
        if key in seen:
            first_what, first = seen[key]
            yield ConfigError(
                f"hotkey {key!r} of {what} is already used by {first_what} at line {first.line}, "
                f"col {first.col}; the key selects only the first",
                _at(node, "hotkey"),
                kind="hotkey-collision",
                hotkey=key,
            )
        else:
            seen[key] = (what, node)


def _all_nodes(node: LayoutNode) -> Iterator[LayoutNode]:
    yield node
    for child in node.children:
        yield from _all_nodes(child)


@check("when")
def _when_refs(cfg: LabelConfig) -> Iterator[ConfigError]:
    """whenTagName names a tag; whenLabelValue / whenChoiceValue name labels that tag has."""
    if cfg.layout is None:
        return
    named: dict[str, ObjectTag | ControlTag] = {**cfg.objects, **cfg.controls}
    names = Names(named, cfg)
    for node in _all_nodes(cfg.layout):
        target = node.attrs.get("whenTagName")
        if not isinstance(target, str):
            continue
        found = names.resolve(target)
        if found is None:
            yield ConfigError(
                f"<{node.tag}> whenTagName {target!r} names no tag{did_you_mean(target, list(named))} "
                f"(named tags: {_listing(list(named))})",
                _at(node, "whenTagName"),
                kind="unknown-reference",
                attr="whenTagName",
                ref=target,
            )
            continue
        control = found if isinstance(found, ControlTag) else None
        if control is None or not control.labels or "value" in control.attrs:
            continue  # objects, and controls with dynamic labels, cannot be checked
        values = _all_values(control.labels)
        for attr in ("whenLabelValue", "whenChoiceValue"):
            wanted = node.attrs.get(attr)
            if not isinstance(wanted, str):
                continue
            for value in (v.strip() for v in wanted.split(",")):
                if value and value not in values:
                    yield ConfigError(
                        f"<{node.tag}> {attr} {value!r} is not a label of <{control.tag} "
                        f"name={control.name!r}>{did_you_mean(value, sorted(values))}",
                        _at(node, attr),
                        kind="unknown-reference",
                        attr=attr,
                        ref=value,
                    )


@check("repeater")
def _repeated_names(cfg: LabelConfig) -> Iterator[ConfigError]:
    """A tag inside a Repeater has the index flag in its name; no other name is one of its items' names."""
    named: dict[str, ObjectTag | ControlTag] = {**cfg.objects, **cfg.controls}
    for repeater in cfg.repeaters:
        for name in (*repeater.objects, *repeater.controls):
            if repeater.index_flag not in name:
                tag = named[name]
                yield ConfigError(
                    f"<{tag.tag} name={name!r}> is inside <Repeater on={repeater.on!r}> but its name "
                    f"lacks {repeater.index_flag}: every item gets the same name (write "
                    f'name="{name}_{repeater.index_flag}")',
                    _at(tag, "name"),
                    kind="repeater-name",
                    name=name,
                )
    for name, template in Names(named, cfg).templates_matching(list(named)):
        tag, repeated = named[name], named[template]
        yield ConfigError(
            f"<{tag.tag} name={name!r}> has the name that <{repeated.tag} name={template!r}> "
            f"(line {repeated.line}) takes for one of its items",
            _at(tag, "name"),
            kind="repeater-name",
            name=name,
        )


def _all_values(items: list[LabelItem]) -> set[str]:
    out: set[str] = set()
    for item in items:
        out.add(item.value)
        if item.alias:
            out.add(item.alias)
        out |= _all_values(item.children)
    return out


def run_checks(cfg: LabelConfig) -> list[ConfigError]:
    errors: list[ConfigError] = []
    for func in CHECKS.values():
        errors.extend(func(cfg))
    return errors
