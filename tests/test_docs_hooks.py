"""The MkDocs hooks that turn example fences into what readers see."""

from __future__ import annotations

import importlib.util
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from example_harness.settings import SettingsError, parse

HOOKS_PATH = Path(__file__).resolve().parents[1] / "docs" / "_support" / "hooks.py"
spec = importlib.util.spec_from_file_location("docs_hooks", HOOKS_PATH)
hooks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hooks)

PAGE = """\
# Page

```py {duration="2" timeline="(?:Fetching|Got) (\\w+)"}
--8<-- "examples/page/gather_lesson.py"
```

```output {times="0.0 0.0 1.0 2.0 2.0"}
Fetching a...
Fetching b...
Got b!
Got a!
<done>
```
"""


class TextOnly(HTMLParser):
    """The text a reader selects or the copy button copies (CSS content excluded)."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def render(markdown: str) -> tuple[str, list[str]]:
    fragments: list[str] = []
    return hooks.present_examples(markdown, fragments), fragments


def test_the_code_fence_keeps_only_what_material_renders() -> None:
    markdown, _ = render(PAGE)
    assert '```py title="gather_lesson.py"' in markdown
    assert "duration" not in markdown
    assert "timeline" not in markdown


def test_a_newer_python_is_named_in_the_title() -> None:
    markdown, _ = render(PAGE.replace('duration="2"', 'duration="2" requires="3.13"'))
    assert 'title="gather_lesson.py (Python 3.13+)"' in markdown


def test_output_lines_carry_their_times_outside_the_text() -> None:
    _, fragments = render(PAGE)
    output = fragments[0]
    assert re.findall(r'data-t="([\d.]+s)"', output) == ["0.0s", "0.0s", "1.0s", "2.0s", "2.0s"]
    parser = TextOnly()
    parser.feed(output.split("<code>", 1)[1].split("</code>", 1)[0])
    assert "".join(parser.text) == "Fetching a...\nFetching b...\nGot b!\nGot a!\n<done>"
    assert "Output · ~2 s" in output


def test_placeholders_come_back_as_the_fragments() -> None:
    markdown, fragments = render(PAGE)
    html = "\n".join(
        f"<p>{line.strip()}</p>" for line in markdown.splitlines() if "EXAMPLEFRAGMENT" in line
    )
    restored = hooks.restore_fragments(html, fragments)
    assert restored == "\n".join(fragments)


def test_the_timeline_draws_one_bar_per_lane_from_the_checked_times() -> None:
    _, fragments = render(PAGE)
    svg = fragments[1]
    bars = re.findall(r'<rect class="tl-bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', svg)
    assert len(bars) == 2
    (a_x, a_width), (b_x, b_width) = ((float(x), float(w)) for x, w in bars)
    assert a_x == b_x  # both start at 0 s
    assert a_width == pytest.approx(2 * b_width)  # a runs 0-2 s, b 0-1 s
    assert "<desc" in svg
    assert "a: 0 s to 2 s; b: 0 s to 1 s" in svg
    assert 'role="img"' in svg
    assert "<title" in svg


def test_a_timeline_pattern_that_matches_nothing_fails_the_build() -> None:
    with pytest.raises(SettingsError, match="matches no output line"):
        render(PAGE.replace("(?:Fetching|Got)", "(?:Loading)"))


def test_a_timeline_needs_recorded_times() -> None:
    with pytest.raises(SettingsError, match="needs the output's times="):
        render(PAGE.replace(' {times="0.0 0.0 1.0 2.0 2.0"}', ""))


def test_declared_stderr_is_shown_under_the_output() -> None:
    _, fragments = render(PAGE.replace('duration="2"', 'duration="2" warns="boom <1>"'))
    assert "Also on stderr: <code>boom &lt;1&gt;</code>" in fragments[0]


def test_blocks_inside_other_fences_are_left_alone() -> None:
    shown = '````md\n```py {duration="2"}\n--8<-- "x.py"\n```\n````\n'
    assert render(shown) == (shown, [])


def test_settings_typos_fail_the_build_too() -> None:
    with pytest.raises(SettingsError, match="did you mean 'duration'"):
        render(PAGE.replace('duration="2"', 'duraton="2"'))
    assert parse({"duration": "1"}).timeline is None


def test_a_bad_setting_names_its_line_in_the_build() -> None:
    broken = PAGE.replace('duration="2"', 'duration="2" tolerence="1"')
    with pytest.raises(SettingsError, match=r"^3: unknown setting 'tolerence'"):
        render(broken)


def test_the_build_names_example_files_no_page_embeds() -> None:
    every = set(hooks.example_files(hooks.ROOT))
    forgotten = sorted(every)[0]
    assert hooks.unembedded_examples(every - {forgotten}) == [forgotten]
    assert hooks.unembedded_examples(every) == []


def test_an_inventory_line_of_the_wrong_shape_is_named_with_its_line(tmp_path: Path) -> None:
    listing = tmp_path / "inventory.txt"
    listing.write_text(
        "# a comment\nasyncio.wait py:function 1 library/asyncio-task.html#$ -\n"
        "asyncio.FIRST_COMPLETED library/asyncio-task.html\n",
        encoding="utf-8",
    )
    with pytest.raises(hooks.PluginError, match=r"inventory.txt:3: .* is not 'NAME py:KIND"):
        hooks.inventory_lines(listing)
    listing.write_text("asyncio.wait py:function 1 library/asyncio-task.html#$ -\n")
    assert hooks.inventory_lines(listing) == [
        "asyncio.wait py:function 1 library/asyncio-task.html#$ -"
    ]
