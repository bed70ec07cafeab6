import subprocess
import sys

import labelcore
from labelcore import cli


def test_version_flag(capsys):
    try:
        cli.main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert capsys.readouterr().out.strip() == f"labelcore {labelcore.__version__}"


def test_console_script_is_installed():
    out = subprocess.run(
        [sys.executable, "-m", "labelcore", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"labelcore {labelcore.__version__}"


def test_core_errors_exit_2_with_the_location(capsys):
    from labelcore.errors import ConfigError

    def failing(ns):
        raise ConfigError("unknown tag <Imgae>", {"line": 2, "col": 3})

    cli.COMMANDS["test-fail"] = ("fails", (lambda p: None, failing))
    try:
        assert cli.main(["test-fail"]) == 2
    finally:
        del cli.COMMANDS["test-fail"]
    assert capsys.readouterr().err.strip() == "labelcore: ConfigError: line 2, col 3: unknown tag <Imgae>"


def test_every_command_module_registers_its_commands():
    import importlib

    for name, module in cli.COMMAND_MODULES.items():
        importlib.import_module(module)
        assert name in cli.COMMANDS, f"{module} does not register {name!r}"
    assert set(cli.COMMANDS) <= set(cli.COMMAND_MODULES), "a command missing from COMMAND_MODULES"


def test_version_imports_no_command_module():
    code = (
        "import sys; from labelcore.cli import main\n"
        "try: main(['--version'])\n"
        "except SystemExit: pass\n"
        "print(sorted(m for m in sys.modules if m == 'pydantic' or m.endswith('.cli') and m != 'labelcore.cli'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
