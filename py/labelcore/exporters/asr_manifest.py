"""ASR_MANIFEST: NeMo's JSON-lines manifest ``{audio_filepath, duration, text}`` plus the audio."""

from __future__ import annotations

import io
import json
import wave
from typing import Any

from labelcore.exporters.media import MediaFiles
from labelcore.exporters.options import ExportOptions
from labelcore.exporters.records import ConfigView, Record, records
from labelcore.exporters.registry import Files, needs, register_format


def wav_duration(data: bytes | None) -> float | None:
    if not data:
        return None
    try:
        with wave.open(io.BytesIO(data)) as f:
            return f.getnframes() / float(f.getframerate())
    except (wave.Error, EOFError):
        return None


def _result_duration(record: Record) -> float | None:
    for item in (record.annotation or {}).get("result") or []:
        if isinstance(item, dict) and isinstance(item.get("original_length"), (int, float)):
            return float(item["original_length"])
    return None


def _transcript(record: Record) -> str | None:
    for values in record.outputs.values():
        if values and isinstance(values[0].get("text"), list) and values[0]["text"]:
            return values[0]["text"][0]
    return None


@register_format(
    "ASR_MANIFEST",
    title="ASR Manifest",
    description="Speech transcripts as NeMo's manifest (one JSON per line: audio_filepath, duration, "
    "text) with the project's audio files under audio/.",
    needs=needs(({"Audio", "AudioPlus"}, {"TextArea"})),
    writes="manifest.json, audio/",
    media=True,
)
def export(tasks: list[dict[str, Any]], config: Any, options: ExportOptions) -> Files:
    view = ConfigView(config)
    key = view.first_key("Audio", "AudioPlus")
    audio = MediaFiles("audio", options)
    lines = []
    for record in records(tasks, config, options, view):
        text = _transcript(record)
        ref = record.data.get(key)
        duration = wav_duration(options.media.get(str(ref))) or _result_duration(record)
        if text is None or duration is None:
            continue
        line = {
            "audio_filepath": audio.path_for(ref),
            "duration": duration,
            "text": text,
            "annotator": record.annotator(default=""),
        }
        lines.append(json.dumps(line, ensure_ascii=False) + "\n")
    return {"manifest.json": "".join(lines).encode("utf-8"), **audio.files}
