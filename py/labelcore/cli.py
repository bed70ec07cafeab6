"""The ``labelcore`` command: the core for pipelines. The only module that touches the disk."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable

from labelcore import __version__
from labelcore.errors import LabelcoreError

# name -> (configure the subparser, run it). Each area of the core adds its commands here.
Command = tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]
COMMANDS: dict[str, tuple[str, Command]] = {}

# Modules that register subcommands with @command when imported (one per area of the core).
CLI_MODULES: tuple[str, ...] = (
    "labelcore.config.cli",
    "labelcore.templates.cli",
    "labelcore.importers.cli",
    "labelcore.exporters.cli",
)


def command(name: str, help: str, configure: Callable[[argparse.ArgumentParser], None] | None = None):
    """Register a subcommand: decorate ``run(ns) -> exit code``; ``configure`` adds its arguments."""

    def register(run: Callable[[argparse.Namespace], int]):
        COMMANDS[name] = (help, (configure or (lambda parser: None), run))
        return run

    return register


def build_parser() -> argparse.ArgumentParser:
    for module in CLI_MODULES:
        importlib.import_module(module)
    parser = argparse.ArgumentParser(
        prog="labelcore", description="Label Studio configs, tasks, import and export, offline."
    )
    parser.add_argument("--version", action="version", version=f"labelcore {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, (configure, _run)) in sorted(COMMANDS.items()):
        configure(sub.add_parser(name, help=help_text, description=help_text))
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    ns = parser.parse_args(argv)
    if not ns.command:
        parser.print_help()
        return 0
    _help, (_configure, run) = COMMANDS[ns.command]
    try:
        return run(ns)
    except LabelcoreError as exc:
        print(f"labelcore: {exc.type}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
