"""Bytes in, UTF-8 text out, chunk by chunk: BOM dropped, bad bytes reported by offset and line."""

from __future__ import annotations

import codecs

from labelcore.errors import DataError

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class Utf8Stream:
    """Decodes chunks; a non-UTF-8 byte raises a DataError naming its byte offset and line."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self.bytes = 0  # bytes fed so far
        self.lines = 0  # newlines decoded so far
        self._started = False  # the first bytes were looked at (UTF-16 BOM)
        self._text_started = False  # the first text was looked at (UTF-8 BOM)

    def decode(self, chunk: bytes, final: bool = False) -> str:
        if not self._started and chunk:
            self._started = True
            if chunk.startswith(_UTF16_BOMS):
                raise DataError(
                    "the file is UTF-16 text; save it as UTF-8 and import it again", {"line": 1, "byte": 0}
                )
        pending = self._decoder.getstate()[0]
        try:
            text = self._decoder.decode(chunk, final)
        except UnicodeDecodeError as exc:
            data = pending + chunk
            offset = self.bytes - len(pending) + exc.start
            line = self.lines + data[: exc.start].count(b"\n") + 1
            bad = data[exc.start : exc.start + 1].hex()
            raise DataError(
                f"the file is not UTF-8 text: byte 0x{bad} at offset {offset} (line {line}) is "
                f'not UTF-8; save the file as UTF-8 (in Excel: "CSV UTF-8") and import it again',
                {"line": line, "byte": offset},
            ) from None
        self.bytes += len(chunk)
        self.lines += text.count("\n")
        if text and not self._text_started:
            self._text_started = True
            if text[0] == "\ufeff":
                return text[1:]
        return text


class LineSplitter:
    """Complete lines out of decoded chunks; the unfinished tail waits for the next chunk."""

    def __init__(self) -> None:
        self.stream = Utf8Stream()
        self._tail = ""

    def feed(self, chunk: bytes, final: bool = False) -> str:
        """All complete lines so far (ending in ``\\n``), or everything left when ``final``."""
        text = self._tail + self.stream.decode(chunk, final)
        if final:
            self._tail = ""
            return text
        cut = text.rfind("\n") + 1
        self._tail = text[cut:]
        return text[:cut]


class WholeText:
    """A parser mix-in for formats read as one document: ``feed`` buffers, ``whole_text`` joins."""

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self._stream = Utf8Stream()
        self._parts: list[str] = []

    def feed(self, chunk: bytes):
        self._parts.append(self._stream.decode(chunk))
        return ()

    def whole_text(self) -> str:
        """Everything fed so far, decoded (the buffer is released)."""
        self._parts.append(self._stream.decode(b"", final=True))
        text = "".join(self._parts)
        self._parts = []
        return text
