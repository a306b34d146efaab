"""MkDocs hooks: the small steps between the Markdown we write and the pages readers get.

Each hook calls named functions below; the functions are plain and testable.
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
import sys
import zlib
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]
# The example settings are defined once, by the test harness that enforces them.
sys.path.insert(0, str(ROOT / "tests"))
from example_harness.blocks import (  # noqa: E402
    OUTPUT_FENCE,
    SNIPPET,
    BlockError,
    example_files,
    read_output_block,
)
from example_harness.settings import (  # noqa: E402
    RENDER_KEYS,
    Settings,
    SettingsError,
    parse,
    split_info_string,
)

_PY_FENCE = re.compile(r"^(?P<indent> *)```\s*(?P<info>(?:py|python)\b.*)$")
_EMBED = re.compile(r'^[ \t]*-{1,}8<-{1,}\s+"(?P<path>examples/[^"]+)"\s*$', re.M)
_ANY_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})")


# Pull requests target main, so edits are proposed against it whatever version is read.
EDIT_BRANCH = "main"
_CONTRIBUTING_INCLUDE = re.compile(r'^-{1,}8<-{1,}\s+"(?P<path>CONTRIBUTING\.md)"\s*$', re.M)
_SNIPPET_LINE = re.compile(r"^(?P<indent>[ \t]*)(?=-{1,}8<-{1,})", re.M)


@event_priority(100)  # before mkdocstrings starts loading its inventories
def on_config(config):
    use_offline_python_inventory(config)
    config["edit_uri"] = edit_uri(config["extra"].get("repository"))
    return config


# HTML built from the Markdown, put back in place of its placeholder paragraph
# once Markdown is done: Markdown never sees (or mangles) the output's text.
_fragments: dict[str, list[str]] = {}
_PLACEHOLDER = "EXAMPLEFRAGMENT{}END"


# Every examples/ file a page embeds, so that on_post_build can name the ones none does.
_embedded: set[Path] = set()
log = logging.getLogger("mkdocs.plugins.asyncio_by_example")


def on_pre_build(config):
    _embedded.clear()


def on_page_markdown(markdown, page, config, files):
    markdown = include_contributing_guide(markdown, page, config)
    fragments = _fragments[page.file.src_uri] = []
    _embedded.update(ROOT / match["path"] for match in _EMBED.finditer(markdown))
    try:
        return present_examples(markdown, fragments)
    except (SettingsError, BlockError) as error:
        raise PluginError(f"docs/{page.file.src_uri}:{error}") from None


def on_post_build(config):
    for orphan in unembedded_examples(_embedded):
        # A warning, so the strict build fails, as the example suite does.
        log.warning(
            f"{orphan.relative_to(ROOT)} is not embedded in any page: embed it with "
            f'--8<-- "{orphan.relative_to(ROOT)}" in a ```py block, or delete it'
        )


def unembedded_examples(embedded: set[Path]) -> list[Path]:
    return [path for path in example_files(ROOT) if path not in embedded]


def on_page_content(html_text, page, config, files):
    return restore_fragments(html_text, _fragments.pop(page.file.src_uri, []))


def edit_uri(repository: str | None) -> str:
    """`https://github.com/o/r` -> `https://github.com/o/r/edit/main/docs/`.

    Material shows an edit button wherever a page has an edit URL, which MkDocs
    derives from repo_url + edit_uri. But repo_url also makes Material's header
    ask the GitHub API for stars and forks from every reader's browser. An
    absolute edit_uri needs no repo_url: it is built from the one setting that
    names the repository, extra.repository (REPO_URL).
    """
    if not repository or not repository.startswith("https://"):
        raise PluginError(
            f"extra.repository must be the repository's https address, got {repository!r}"
        )
    return f"{repository.rstrip('/')}/edit/{EDIT_BRANCH}/docs/"


def include_contributing_guide(markdown: str, page, config) -> str:
    """The Contributing page is CONTRIBUTING.md, shown exactly as written.

    docs/contributing.md holds one line, `--8<-- "CONTRIBUTING.md"`. Left to
    pymdownx.snippets, that include would also expand the `--8<-- "examples/..."`
    lines the guide shows inside its ````md fences (and fail on their made-up
    paths). So the file is inlined here with those lines escaped by snippets'
    `;`, which snippets removes again: the reader sees the line to type. The
    page's edit link points at CONTRIBUTING.md, the file to edit.
    """
    match = _CONTRIBUTING_INCLUDE.search(markdown)
    if not match:
        return markdown
    source = Path(config.config_file_path).parent / match["path"]
    if page.edit_url:
        # edit_uri ends in .../edit/main/docs/; the file sits one level up.
        page.edit_url = urljoin(config["edit_uri"], f"../{match['path']}")
    included = escape_snippets(source.read_text(encoding="utf-8"))
    return markdown[: match.start()] + included + markdown[match.end() :]


def escape_snippets(markdown: str) -> str:
    """Prefix every `--8<--` line with `;` so that snippets prints it instead of including."""
    return _SNIPPET_LINE.sub(r"\g<indent>;", markdown)


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
        body = "".join(line + "\n" for line in inventory_lines(source))
        header = (
            "# Sphinx inventory version 2\n# Project: Python\n# Version: 3\n"
            "# The remainder of this file is compressed using zlib.\n"
        )
        compiled = ROOT / ".cache" / "python-objects.inv"
        compiled.parent.mkdir(exist_ok=True)
        compiled.write_bytes(header.encode() + zlib.compress(body.encode()))
        digest = hashlib.sha256(body.encode()).hexdigest()[:16]
        inventory["url"] = f"{compiled.as_uri()}#{digest}"


_INVENTORY_LINE = re.compile(
    r"^[\w.]+ py:(function|class|method|attribute|exception|data|module) 1 \S+#\S* \S.*$"
)


def inventory_lines(source: Path) -> list[str]:
    """The entries of python-inventory.txt, each checked for the shape its header shows."""
    entries = []
    shown = source.relative_to(ROOT) if source.is_relative_to(ROOT) else source
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not _INVENTORY_LINE.match(line):
            raise PluginError(
                f"{shown}:{number}: {line!r} is not "
                "'NAME py:KIND 1 PAGE#$ -', e.g. "
                "'asyncio.FIRST_COMPLETED py:data 1 library/asyncio-task.html#$ -' "
                "(the file's header explains each field)"
            )
        entries.append(line)
    return entries


def present_examples(markdown: str, fragments: list[str]) -> str:
    """Turn the harness's fences into what a reader should see.

    `py {duration="2" ...}` keeps only the keys Material renders and gets the
    file's name as its title. The ```output block under it becomes HTML with
    each line's checked time in a gutter, and a timeline when the example
    declares `timeline=`.
    """
    lines = markdown.split("\n")
    result: list[str] = []
    example: tuple[Settings, str] | None = None  # the py block most recently closed
    open_fence: str | None = None
    index = 0
    try:
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
                snippet = (
                    SNIPPET.match(lines[index + 1].strip()) if index + 1 < len(lines) else None
                )
                name = values.get("title") or (Path(snippet["path"]).name if snippet else "")
                title = name
                if title and settings.requires_text:
                    title += f" (Python {settings.requires_text}+)"
                shown = {k: v for k, v in values.items() if k in RENDER_KEYS and k != "title"}
                if title:
                    shown["title"] = title
                attributes = "".join(f' {k}="{v}"' for k, v in shown.items())
                result.append(f"{indent}```py{attributes}")
                open_fence = "```"
                example = (settings, name)
            elif (match := OUTPUT_FENCE.match(line)) and example is not None:
                block = read_output_block(lines, index)
                if block.times_error:
                    raise SettingsError(block.times_error)
                text, times = block.text.splitlines(), block.times
                settings, name = example
                html_parts = [output_html(text, times, settings)]
                if settings.timeline:
                    html_parts.append(timeline_svg(text, times, settings, name, len(fragments)))
                for part in html_parts:
                    result += ["", match["indent"] + _PLACEHOLDER.format(len(fragments)), ""]
                    fragments.append(part)
                index = block.end_line  # the line after the closing fence, 0-based
                example = None
                continue
            elif match := _ANY_FENCE.match(line):
                result.append(line)
                open_fence = match["fence"]
            else:
                result.append(line)
                if line.strip():
                    example = None
            index += 1
    except (SettingsError, BlockError) as error:
        # The page's line, so `make docs` points where the suite does.
        raise SettingsError(f"{index + 1}: {error}") from None
    return "\n".join(result)


def restore_fragments(html_text: str, fragments: list[str]) -> str:
    for number, fragment in enumerate(fragments):
        placeholder = f"<p>{_PLACEHOLDER.format(number)}</p>"
        if placeholder not in html_text:
            raise PluginError(f"lost the placeholder of example fragment {number}")
        html_text = html_text.replace(placeholder, fragment)
    return html_text


def output_html(text: list[str], times: list[float] | None, settings: Settings) -> str:
    """An output block like Material's code blocks, with times in a gutter.

    The time is drawn by CSS from data-t, so it is not part of the text: the
    copy button and a reader's selection get the program's output alone.
    """
    title = f"Output · ~{settings.duration:g} s"
    if settings.raises:
        title += f", then {settings.raises}"
    rows = []
    for number, line in enumerate(text):
        escaped = html.escape(line)
        if times and number < len(times):
            stamp = f"{times[number]:.1f}s"
            rows.append(f'<span class="example-line" data-t="{stamp}">{escaped}</span>')
        else:
            rows.append(escaped)
    warns = "".join(
        f'<p class="example-stderr">Also on stderr: <code>{html.escape(w)}</code></p>'
        for w in settings.warns
    )
    return (
        f'<div class="language-output highlight example-output">'
        f'<span class="filename">{html.escape(title)}</span>'
        f"<pre><span></span><code>{chr(10).join(rows)}</code></pre></div>{warns}"
    )


def timeline_svg(
    text: list[str], times: list[float] | None, settings: Settings, name: str, number: int
) -> str:
    """An inline SVG: one lane per task, a bar from its first to its last line.

    Drawn from the times recorded in the page, which the test suite checks
    against a real run, so the picture cannot drift from the program.
    """
    if not times or len(times) != len(text):
        raise SettingsError(f"{name}: a timeline needs the output's times= (make update-examples)")
    lanes: dict[str, list[float]] = {}
    for line, seconds in zip(text, times, strict=True):
        if found := settings.timeline.search(line):
            lanes.setdefault(found.group(1), []).append(seconds)
    if not lanes:
        pattern = settings.timeline.pattern
        raise SettingsError(f"{name}: timeline={pattern!r} matches no output line")
    axis = settings.timeline_axis or max(settings.duration, max(times))
    label_width, plot_width, lane_height, top = 120, 460, 26, 8
    scale = plot_width / axis
    height = top + lane_height * len(lanes) + 30
    ident = f"timeline-{number}"
    parts = []
    for second in range(int(axis) + 1):
        x = label_width + second * scale
        parts.append(
            f'<line class="tl-grid" x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - 22}"/>'
            f'<text class="tl-tick" x="{x:.1f}" y="{height - 8}">{second} s</text>'
        )
    summary = []
    for row, (lane, seconds) in enumerate(lanes.items()):
        y = top + row * lane_height
        start, end = min(seconds), max(seconds)
        width = max((end - start) * scale, 3)
        parts.append(
            f'<text class="tl-label" x="{label_width - 8}" y="{y + 17}">{html.escape(lane)}</text>'
            f'<rect class="tl-bar" x="{label_width + start * scale:.1f}" y="{y + 5}" '
            f'width="{width:.1f}" height="{lane_height - 10}" rx="3"/>'
        )
        summary.append(f"{lane}: {start:g} s to {end:g} s")
    end_x = label_width + settings.duration * scale
    parts.append(
        f'<line class="tl-end" x1="{end_x:.1f}" y1="{top}" x2="{end_x:.1f}" y2="{height - 22}"/>'
    )
    description = "; ".join(summary) + f". The program ends at about {settings.duration:g} s."
    return (
        f'<figure class="example-timeline">'
        f'<svg role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f'viewBox="0 0 {label_width + plot_width + 20} {height}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-title">Timeline of {html.escape(name)}</title>'
        f'<desc id="{ident}-desc">{html.escape(description)}</desc>{"".join(parts)}</svg>'
        f"<figcaption>Each bar spans a lane's first to last printed line in the checked "
        f"run of {html.escape(name)}; the dashed line marks the end, "
        f"~{settings.duration:g} s.</figcaption></figure>"
    )
