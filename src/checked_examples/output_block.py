"""The ```output block under an example: what the program printed, and when.

    ```output {times="0.0 1.0"}
    start
    end
    ```

`times` are the seconds at which each line was printed, from a real run
(`make update-examples` writes them). The harness compares the block with a
run; the build draws it with its times and timeline. This is the one reader
of the block for both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import BlockError

# ```output, or ```output {times="0.0 1.0"}: when each line was printed, from a real run.
OUTPUT_FENCE = re.compile(
    r'^(?P<indent> *)```\s*output\s*(?:\{\s*times="(?P<times>[^"]*)"\s*\})?\s*$'
)


@dataclass
class OutputBlock:
    line: int  # 1-based line of the opening ```output fence
    end_line: int  # 1-based line of its closing fence
    text: str  # its content, dedented, each line ending in a newline
    times: list[float] | None  # seconds at which each line was printed, if recorded
    times_error: str | None = None  # why the times= value cannot be used

    @staticmethod
    def parse_times(text: str | None) -> tuple[list[float] | None, str | None]:
        if text is None:
            return None, None
        try:
            return [float(t) for t in text.split()], None
        except ValueError:
            return None, f'times="{text}" is not a list of seconds'


def output_block_after(lines: list[str], close_index: int, indent: int) -> OutputBlock | None:
    """The ```output block that belongs to the example whose fence closes at lines[close_index].

    It must come next, past blank lines only, at the example's indentation.
    """
    index = close_index + 1
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index >= len(lines):
        return None
    opening = OUTPUT_FENCE.match(lines[index])
    if not opening or len(opening.group("indent")) != indent:
        return None
    return read_output_block(lines, index)


def read_output_block(lines: list[str], index: int) -> OutputBlock:
    """The ```output block whose opening fence is `lines[index]` (0-based)."""
    opening = OUTPUT_FENCE.match(lines[index])
    indent = opening.group("indent")
    times, times_error = OutputBlock.parse_times(opening.group("times"))
    for end in range(index + 1, len(lines)):
        if lines[end].rstrip() == indent + "```":
            body = [line[len(indent) :] for line in lines[index + 1 : end]]
            text = "".join(line + "\n" for line in body)
            return OutputBlock(index + 1, end + 1, text, times, times_error)
    raise BlockError(f"the ```output block at line {index + 1} is never closed")
