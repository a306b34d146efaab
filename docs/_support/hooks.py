"""MkDocs hooks: the small steps between the Markdown we write and the pages readers get.

Each hook calls one named function below; the functions are plain and testable.
"""

from __future__ import annotations

import hashlib
import re
import sys
import zlib
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]
# The example settings are defined once, by the test harness that enforces them.
sys.path.insert(0, str(ROOT / "tests"))
from example_harness.settings import RENDER_KEYS, SettingsError, parse, split_info_string  # noqa: E402

_PY_FENCE = re.compile(r"^(?P<indent> *)```\s*(?P<info>(?:py|python)\b.*)$")
_OUTPUT_FENCE = re.compile(r"^(?P<indent> *)```\s*output\s*$")
_ANY_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})")
_SNIPPET = re.compile(r'^\s*-{1,}8<-{1,}\s+"(?P<path>[^"]+)"')


@event_priority(100)  # before mkdocstrings starts loading its inventories
def on_config(config):
    use_offline_python_inventory(config)
    return config


def on_page_markdown(markdown, page, config, files):
    try:
        return present_examples(markdown)
    except SettingsError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None


def use_offline_python_inventory(config) -> None:
    """Compile python-inventory.txt into an objects.inv when the inventory URL is a local path.

    mkdocstrings only reads inventories from URLs and caches them for a day by
    URL, so the compiled file's URL carries a hash of its content: an edit to
    the list takes effect at the next build.
    """
    handler = config.plugins["mkdocstrings"].config.handlers["python"]
    for inventory in handler.get("inventories", []):
        url = inventory["url"]
        if "://" in url:
            continue  # a real inventory, set by the publish workflow
        source = Path(config.config_file_path).parent / url
        if not source.is_file():
            raise PluginError(f"inventory list {source} does not exist")
        body = "".join(
            line + "\n"
            for line in source.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        )
        header = (
            "# Sphinx inventory version 2\n# Project: Python\n# Version: 3\n"
            "# The remainder of this file is compressed using zlib.\n"
        )
        compiled = ROOT / ".cache" / "python-objects.inv"
        compiled.parent.mkdir(exist_ok=True)
        compiled.write_bytes(header.encode() + zlib.compress(body.encode()))
        digest = hashlib.sha256(body.encode()).hexdigest()[:16]
        inventory["url"] = f"{compiled.as_uri()}#{digest}"


def present_examples(markdown: str) -> str:
    """Turn the harness's fences into what a reader should see.

    `py {duration="2" ...}` keeps only the keys Material renders and gets the
    file's name as its title; the ```output block under it is titled with the
    checked duration, and gets no copy button (readers copy programs, not output).
    """
    lines = markdown.split("\n")
    result: list[str] = []
    last_example = None  # (settings, title) of the py block most recently closed
    open_fence: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if open_fence is not None:
            result.append(line)
            if line.strip() == open_fence:
                open_fence = None
            index += 1
            continue
        if match := _PY_FENCE.match(line):
            indent = match["indent"]
            _, values = split_info_string(match["info"])
            settings = parse(values)
            snippet = _SNIPPET.match(lines[index + 1]) if index + 1 < len(lines) else None
            title = values.get("title") or (Path(snippet["path"]).name if snippet else None)
            if title and settings.requires_text:
                title += f" (Python {settings.requires_text}+)"
            shown = {k: v for k, v in values.items() if k in RENDER_KEYS and k != "title"}
            if title:
                shown["title"] = title
            attributes = "".join(f' {k}="{v}"' for k, v in shown.items())
            result.append(f"{indent}```py{attributes}")
            open_fence = "```"
            last_example = settings
        elif (match := _OUTPUT_FENCE.match(line)) and last_example is not None:
            title = _output_title(last_example)
            result.append(f'{match["indent"]}``` {{ .output .no-copy title="{title}" }}')
            open_fence = "```"
            last_example = None
        elif match := _ANY_FENCE.match(line):
            result.append(line)
            open_fence = match["fence"]
        else:
            result.append(line)
            if line.strip():
                last_example = None
        index += 1
    return "\n".join(result)


def _output_title(settings) -> str:
    title = f"Output · ~{settings.duration:g} s"
    if settings.raises:
        title += f", then {settings.raises}"
    if settings.warns:
        title += " · stderr: " + "; ".join(settings.warns).replace('"', "'")
    return title
