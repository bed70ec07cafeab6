"""``labelcore templates``: list the gallery, or print one template's config."""

from __future__ import annotations

import argparse
import json

from labelcore.cli import command
from labelcore.templates import GROUPS, get_template, list_templates


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--group", metavar="G", help=f"only this group ({'; '.join(GROUPS)})")
    parser.add_argument("--search", metavar="WORDS", help="only templates matching every word")
    parser.add_argument("--show", metavar="NAME", help="print this template's config XML")
    parser.add_argument("--task", action="store_true", help="with --show: print the sample task JSON instead")
    parser.add_argument("--json", action="store_true", help="print the listing as JSON")


@command("templates", "List the template gallery or print one template's config.", _configure)
def run(ns: argparse.Namespace) -> int:
    if ns.show:
        template = get_template(ns.show)
        if ns.task:
            print(json.dumps(template.task, indent=2, ensure_ascii=False))
        else:
            print(template.config, end="" if template.config.endswith("\n") else "\n")
        return 0
    found = list_templates(ns.group, query=ns.search)
    if ns.json:
        print(json.dumps([info.model_dump() for info in found], indent=2, ensure_ascii=False))
        return 0
    width = max((len(info.name) for info in found), default=0)
    group = None
    for info in found:
        if info.group != group:
            group = info.group
            print(f"{'' if group == found[0].group else chr(10)}{group}")
        print(f"  {info.name:<{width}}  {info.title}: {info.description}")
    return 0
