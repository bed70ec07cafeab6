"""Labelcore's core: Label Studio configs, tasks, import and export, in CPython and Pyodide."""

from labelcore.errors import BridgeError, ConfigError, DataError, FormatError, LabelcoreError

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "LabelcoreError",
    "ConfigError",
    "DataError",
    "FormatError",
    "BridgeError",
]
