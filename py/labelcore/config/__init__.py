"""Label Studio labeling configs: parse, validate, and describe them.

>>> cfg = parse_config('<View><Image name="img" value="$image"/>'
...                    '<Choices name="c" toName="img"><Choice value="Cat"/></Choices></View>')
>>> cfg.objects["img"].data_key, cfg.controls["c"].type, cfg.data_keys
('image', 'choices', ['image'])
"""

from labelcore.config.findings import Findings
from labelcore.config.model import (
    ControlTag,
    Finding,
    LabelConfig,
    LabelItem,
    LayoutNode,
    ObjectTag,
    Repeater,
)
from labelcore.config.parse import check_config, parse_config, validate_config
from labelcore.config.tags import TAGS, TagSpec, lookup
from labelcore.errors import ConfigError

__all__ = [
    "ConfigError",
    "ControlTag",
    "Finding",
    "Findings",
    "LabelConfig",
    "LabelItem",
    "LayoutNode",
    "ObjectTag",
    "Repeater",
    "TAGS",
    "TagSpec",
    "check_config",
    "lookup",
    "parse_config",
    "validate_config",
]
