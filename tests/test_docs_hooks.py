"""The build's code: the Markdown extension that renders example fences, and the MkDocs hooks.

The extension is run the way either engine runs it: Python-Markdown with the
markdown_extensions of mkdocs.yml, so a test here also checks that mkdocs.yml
names the extension's functions.
"""

from __future__ import annotations

import importlib.util
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
import yaml
from mkdocs.utils.yaml import get_yaml_loader

from checked_examples import checker, runtime
from checked_examples.judge import KINDS
from checked_examples.markdown.fences import ExampleFenceError
from checked_examples.paths import ROOT
from checked_examples.settings import parse

HOOKS_PATH = ROOT / "docs" / "_support" / "hooks.py"
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

LESSON = "import asyncio\n\nasyncio.run(asyncio.sleep(2))\n"


class TextOnly(HTMLParser):
    """The text a reader selects or the copy button copies (CSS content excluded)."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _site_markdown() -> tuple[list, dict]:
    """mkdocs.yml's markdown_extensions, as an engine hands them to Python-Markdown."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        config = yaml.load(file, Loader=get_yaml_loader())
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = options
    return names, configs


@pytest.fixture(autouse=True)
def _in_a_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds run from the repository root: here, a project with the one lesson."""
    lesson = tmp_path / "examples" / "page" / "gather_lesson.py"
    lesson.parent.mkdir(parents=True)
    lesson.write_text(LESSON, encoding="utf-8")
    monkeypatch.chdir(tmp_path)


def render(text: str) -> str:
    names, configs = _site_markdown()
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(text)


def piece(html: str, css_class: str, tag: str = "div") -> str:
    """The first element of that class, outer HTML (the pieces hold no element of their tag)."""
    match = re.search(rf'<{tag} class="[^"]*\b{css_class}\b[^"]*"[^>]*>.*?</{tag}>', html, re.S)
    assert match, f"no {css_class} in:\n{html}"
    return match[0]


def test_the_code_fence_keeps_only_what_material_renders() -> None:
    program = piece(render(PAGE), "language-py")
    assert '<span class="filename">gather_lesson.py</span>' in program
    assert "asyncio" in program  # the embedded file, not the embed line
    assert "duration" not in program
    assert "timeline" not in program


def test_a_newer_python_is_named_in_the_title() -> None:
    html = render(PAGE.replace('duration="2"', 'duration="2" requires="3.13"'))
    assert '<span class="filename">gather_lesson.py (Python 3.13+)</span>' in html


def test_output_lines_carry_their_times_outside_the_text() -> None:
    output = piece(render(PAGE), "example-output")
    assert re.findall(r'data-t="([\d.]+s)"', output) == ["0.0s", "0.0s", "1.0s", "2.0s", "2.0s"]
    parser = TextOnly()
    parser.feed(output.split("<code>", 1)[1].split("</code>", 1)[0])
    assert "".join(parser.text) == "Fetching a...\nFetching b...\nGot b!\nGot a!\n<done>"
    assert "Output · ~2 s" in output
    # As recorded, for the Run button to hand the judge (the shown ones are rounded).
    assert 'data-times="0.0 0.0 1.0 2.0 2.0"' in output


def test_markdown_never_touches_the_output_text() -> None:
    printed = "*not emphasis* and `not code`\n# not a heading\n<b>not bold</b>\n"
    page = PAGE.replace('{times="0.0 0.0 1.0 2.0 2.0"}', '{times="0.0 1.0 2.0"}')
    page = page.replace("Fetching a...\nFetching b...\nGot b!\nGot a!\n<done>\n", printed)
    page = page.replace(' timeline="(?:Fetching|Got) (\\w+)"', "")
    output = piece(render(page), "example-output")
    parser = TextOnly()
    parser.feed(output.split("<code>", 1)[1].split("</code>", 1)[0])
    assert "".join(parser.text) == printed.rstrip("\n")


def test_the_timeline_draws_one_bar_per_lane_from_the_checked_times() -> None:
    svg = piece(render(PAGE), "example-timeline", tag="figure")
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
    with pytest.raises(ExampleFenceError, match="matches no output line"):
        render(PAGE.replace("(?:Fetching|Got)", "(?:Loading)"))


def test_a_timeline_needs_recorded_times() -> None:
    with pytest.raises(ExampleFenceError, match="needs the output's times="):
        render(PAGE.replace(' {times="0.0 0.0 1.0 2.0 2.0"}', ""))


def test_declared_stderr_is_shown_under_the_output() -> None:
    html = render(PAGE.replace('duration="2"', 'duration="2" warns="boom <1>"'))
    assert "Also on stderr: <code>boom &lt;1&gt;</code>" in piece(html, "example-stderr", "p")


def test_blocks_inside_other_fences_are_left_alone() -> None:
    shown = '````md\n```py {duration="2"}\n--8<-- "x.py"\n```\n````\n'
    html = render(shown)
    parser = TextOnly()
    parser.feed(html)
    assert "".join(parser.text) == '```py {duration="2"}\n--8<-- "x.py"\n```\n'
    assert "filename" not in html  # shown as typed: no file read, no title, no error


def test_settings_typos_fail_the_build_too() -> None:
    with pytest.raises(ExampleFenceError, match="did you mean 'duration'"):
        render(PAGE.replace('duration="2"', 'duraton="2"'))
    assert parse({"duration": "1"}).timeline is None


def test_a_bad_setting_names_its_line_in_the_build() -> None:
    broken = PAGE.replace('duration="2"', 'duration="2" tolerence="1"')
    with pytest.raises(ExampleFenceError, match=r"^3: unknown setting 'tolerence'"):
        render(broken)


@pytest.mark.parametrize(
    "before",
    [
        "",
        "```sh\nmake docs\n```\n\n",
        '````md\n```py {duration="2" tolerence="1"}\n--8<-- "x.py"\n```\n````\n\n',
        PAGE + "\nSome prose.\n\n",
        "- a list item\n\n    ```sh\n    make docs\n    ```\n\n",
    ],
    ids=["first", "after-a-fence", "after-the-fence-shown", "after-an-example", "in-a-list"],
)
def test_the_line_is_the_fences_wherever_it_stands(before: str) -> None:
    # superfences does not tell a validator its line: fence_position.py works it out.
    broken = PAGE.replace("# Page\n\n", "").replace('duration="2"', 'duraton="2"')
    expected = before.count("\n") + 1
    with pytest.raises(ExampleFenceError, match=rf"^{expected}: unknown setting 'duraton'"):
        render(before + broken)


def test_a_browser_reason_without_no_names_its_line_in_the_build() -> None:
    broken = PAGE.replace('duration="2"', 'duration="2" browser="uses threads"')
    with pytest.raises(ExampleFenceError, match=r'^3: browser="uses threads" must say why'):
        render(broken)


def test_the_reason_a_browser_cannot_run_it_replaces_the_run_button(monkeypatch) -> None:
    monkeypatch.setattr(runtime, "installed", lambda: True)
    runnable = render(PAGE)
    assert '<div class="example-run" data-name="gather_lesson.py"' in runnable
    declared = render(PAGE.replace('duration="2"', 'duration="2" browser="no: uses a thread"'))
    assert 'class="example-run"' not in declared
    assert "Not run in your browser: uses a thread." in declared


def test_a_build_without_the_runtime_has_no_run_controls_but_says_why_not(monkeypatch) -> None:
    monkeypatch.setattr(runtime, "installed", lambda: False)
    assert "example-run" not in render(PAGE)
    declared = render(PAGE.replace('duration="2"', 'duration="2" browser="no: uses a thread"'))
    assert "Not run in your browser: uses a thread." in declared


def test_the_run_button_script_reaches_the_site_as_any_engine_loads_scripts() -> None:
    # Not through a MkDocs hook (Zensical ignores hooks): extra_javascript, which both
    # engines honour; a module, since it imports the engine and the worker is a module.
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        config = yaml.load(file, Loader=get_yaml_loader())
    assert {"path": "assets/run/run-button.mjs", "type": "module"} in config["extra_javascript"]


def test_an_embed_of_a_missing_file_names_the_fence() -> None:
    with pytest.raises(ExampleFenceError, match=r"^3: embeds examples/page/gone\.py, which does"):
        render(PAGE.replace("gather_lesson.py", "gone.py"))


def test_an_output_block_under_no_example_is_a_plain_code_block() -> None:
    html = render("Some prose.\n\n```output\nplain text\n```\n")
    assert "example-output" not in html
    assert "plain text" in html


def test_the_build_error_names_the_page_as_the_suite_does() -> None:
    page = SimpleNamespace(file=SimpleNamespace(src_uri="timeouts.md"), edit_url=None)
    hooks.on_page_markdown("# Timeouts\n", page, {"edit_uri": ""}, None)
    with pytest.raises(hooks.PluginError, match=r"^docs/timeouts\.md:3: unknown setting"):
        hooks.on_build_error(ExampleFenceError("3: unknown setting 'tolerence'"))
    hooks.on_build_error(ValueError("not an example's"))  # left to MkDocs


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


def test_the_version_selector_is_kept_for_mike_builds_only() -> None:
    selector = {"provider": "mike"}
    outside = {"extra": {"version": selector, "repository": "r"}}
    hooks.keep_version_selector_for_mike(outside, {})
    assert outside == {"extra": {"repository": "r"}}  # no versions.json to load: no 404
    under_mike = {"extra": {"version": selector}}
    hooks.keep_version_selector_for_mike(under_mike, {"MIKE_DOCS_VERSION": "0.2"})
    assert under_mike == {"extra": {"version": selector}}


SOURCE_PAGE = """\
# A recipe

```source
--8<-- "examples/page/gather_lesson.py"
```
"""


def test_a_source_fence_shows_the_whole_file_titled_and_highlighted_as_python() -> None:
    html = render(SOURCE_PAGE)
    block = piece(html, "language-python")
    assert '<span class="filename">gather_lesson.py</span>' in block
    parser = TextOnly()
    parser.feed(block.split("<code>", 1)[1].split("</code>", 1)[0])
    assert "".join(parser.text).rstrip("\n") == LESSON.rstrip("\n")
    assert "8&lt;" not in html


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('--8<-- "examples/page/gone.py"', "embeds examples/page/gone.py, which does not exist"),
        ("print('inline')", "a source fence holds one line"),
        ('--8<-- "examples/page/gather_lesson.py"\nmore', "an embed must be alone in its block"),
    ],
)
def test_a_bad_source_fence_fails_the_build_with_its_line(content: str, message: str) -> None:
    with pytest.raises(ExampleFenceError, match=rf"^3: {re.escape(message)}"):
        render(f"# A recipe\n\n```source\n{content}\n```\n")


def test_a_link_to_a_python_name_the_inventory_lacks_names_its_line() -> None:
    listed = {"asyncio.wait", "asyncio.Queue.join"}
    page = (
        "See [asyncio.wait][] and [`asyncio.Queue.join()`][asyncio.Queue.join].\n"
        "\n"
        "Then [asyncio.wait_forever][], [the recipe][asyncio_recipes.retry.retry]"
        " and [waiting][`asyncio.timeout`].\n"
    )
    assert hooks.unlisted_python_names(page, listed) == [
        (3, "asyncio.wait_forever"),
        (3, "asyncio.timeout"),
    ]


EXERCISE_PAGE = """\
# Page

```py {starter_fails="time" duration="1"}
--8<-- "examples/page/exercises/wait_less/starter.py"
```

```output {times="1.0"}
done
```
"""


def _exercise(folder: Path, hints: str = "Look at `sleep`.\n\nWait 1 s <not 2>.\n") -> None:
    folder.mkdir(parents=True)
    (folder / "starter.py").write_text(LESSON, encoding="utf-8")
    (folder / "solution.py").write_text("print('<solved>')\n", encoding="utf-8")
    (folder / "wrong_waits_twice.py").write_text(LESSON, encoding="utf-8")
    (folder / "hints.md").write_text(hints, encoding="utf-8")


def test_an_exercise_renders_its_hints_and_solution_hidden_for_the_check(monkeypatch) -> None:
    monkeypatch.setattr(runtime, "installed", lambda: True)
    _exercise(Path("examples/page/exercises/wait_less"))
    html = render(EXERCISE_PAGE)
    assert '<div class="example-exercise" data-name="wait_less.py"' in html
    assert 'data-starter-fails="time"' in html
    assert 'data-exercise="page/wait_less"' in html
    assert 'data-timeout="7"' in html
    assert (
        "<li hidden>Look at <code>sleep</code>.</li><li hidden>Wait 1 s &lt;not 2&gt;.</li>" in html
    )
    assert "print(&#x27;&lt;solved&gt;&#x27;)" in html  # hidden until a first Check
    assert 'class="example-run"' not in html


def test_an_exercise_a_browser_cannot_run_links_its_checker(monkeypatch) -> None:
    _exercise(Path("examples/page/exercises/wait_less"))
    page = EXERCISE_PAGE.replace('duration="1"', 'duration="1" browser="no: uses a thread"')
    monkeypatch.setattr(checker, "installed", lambda name: name == "wait_less")
    html = piece(render(page), "example-exercise-download")
    assert "Not checked in your browser: uses a thread." in html
    # Relative to the page's file: both engines' builds make it the page's (test_links.py).
    assert '<a href="assets/run/checkers/check-wait_less.pyz" download>' in html
    assert "<code>python check-wait_less.pyz my_program.py</code>" in html
    assert "<summary>Hint 2</summary><p>Wait 1 s &lt;not 2&gt;.</p>" in html
    assert "print(&#x27;&lt;solved&gt;&#x27;)" in html
    assert "example-exercise__check" not in html
    # Without the file among the site's files (no build step ran), no link to nothing.
    monkeypatch.setattr(checker, "installed", lambda name: False)
    assert "<a " not in piece(render(page), "example-exercise-download")


def test_an_exercise_missing_its_files_fails_the_build_with_its_line() -> None:
    _exercise(Path("examples/page/exercises/wait_less"), hints="Only one.\n")
    with pytest.raises(ExampleFenceError, match=r"^3: .*hints.md has 1 hint\(s\)"):
        render(EXERCISE_PAGE)


def test_a_starter_without_its_reason_fails_the_build_with_its_line() -> None:
    _exercise(Path("examples/page/exercises/wait_less"))
    with pytest.raises(
        ExampleFenceError, match=r'^3: embeds the exercise starter .*starter_fails="output"'
    ):
        render(EXERCISE_PAGE.replace('starter_fails="time" ', ""))
    with pytest.raises(
        ExampleFenceError, match=r"^3: unknown setting 'starter_fail': did you mean"
    ):
        render(EXERCISE_PAGE.replace("starter_fails=", "starter_fail="))


def test_the_page_words_every_kind_of_finding_for_a_run_and_for_an_exercise() -> None:
    script = (ROOT / "docs" / "assets" / "run" / "run-button.mjs").read_text(encoding="utf-8")
    body = re.search(r"^const WORDS = \{\n(.*?)^\};", script, re.S | re.M)[1]
    assert set(re.findall(r'^  "([\w-]+)":', body, re.M)) == set(KINDS)
    # An exercise's words, shared with the downloadable checker.
    goal = json.loads((ROOT / "docs" / "assets" / "run" / "goal-words.json").read_text())
    assert set(goal["findings"]) == set(KINDS)


QUIZ = 'duration="2" quiz="Both start at once, so the shorter sleep, b, ends first."'


def test_a_quiz_follows_its_output_hidden_with_a_shuffled_order_and_why() -> None:
    html = render(PAGE.replace('duration="2"', QUIZ))
    quiz = piece(html, "example-quiz")
    assert html.index("example-timeline") < html.index("example-quiz")  # hidden with the block
    order = [int(n) for n in re.search(r'data-order="([\d ]+)"', quiz)[1].split()]
    assert sorted(order) == [0, 1, 2, 3, 4]
    assert order != [0, 1, 2, 3, 4]
    assert 'data-name="gather_lesson.py"' in quiz
    assert " hidden>" in quiz
    assert "Both start at once, so the shorter sleep, b, ends first." in quiz
    assert render(PAGE.replace('duration="2"', QUIZ)) == html  # the same order every build


def test_a_quiz_never_starts_in_the_right_order() -> None:
    from checked_examples.markdown.quiz import shuffled

    for size in range(3, 7):
        for seed in range(200):
            lines = [f"line {seed}-{n}" for n in range(size)]
            assert [lines[i] for i in shuffled(lines)] != lines
    # Lines that repeat: an order is right if it reads as the answer.
    assert [["a", "a", "b"][i] for i in shuffled(["a", "a", "b"])] != ["a", "a", "b"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ('quiz="why"', r"^3: quiz=\"why\" must be the sentence that says why"),
        ('quiz=""', r"^3: quiz=\"\" must be the sentence"),
    ],
)
def test_a_bad_quiz_fails_the_build_with_its_line(change: str, message: str) -> None:
    with pytest.raises(ExampleFenceError, match=message):
        render(PAGE.replace('duration="2"', f'duration="2" {change}'))


def test_a_quiz_over_too_many_lines_fails_the_build_with_the_outputs_line() -> None:
    lines = "".join(f"line {n}\n" for n in range(7))
    page = PAGE.replace(' timeline="(?:Fetching|Got) (\\w+)"', "").replace('duration="2"', QUIZ)
    page = page.replace("Fetching a...\nFetching b...\nGot b!\nGot a!\n<done>\n", lines)
    page = page.replace("0.0 0.0 1.0 2.0 2.0", " ".join(["1.0"] * 7))
    with pytest.raises(
        ExampleFenceError, match=r"^7: gather_lesson.py: quiz= asks to order 3 to 6"
    ):
        render(page)


def test_the_exercises_page_lists_every_exercise_of_the_site_by_lesson(monkeypatch) -> None:
    from checked_examples.markdown.exercise_list import MARKER

    monkeypatch.setattr(runtime, "installed", lambda: True)
    _exercise(Path("examples/page/exercises/wait_less"))
    Path("docs").mkdir()
    lesson = EXERCISE_PAGE.replace("# Page", "# Waiting\n\n## Your turn: wait less")
    Path("docs/page.md").write_text(lesson, encoding="utf-8")
    html = render(f"# Exercises\n\n{MARKER}\n")
    assert '<h2 id="waiting">Waiting<a class="headerlink"' in html
    assert '<a href="page.md#your-turn-wait-less">Wait less</a>' in html
    assert 'data-exercise="page/wait_less"' in html
    # A second exercise on the page is listed too, without a hand-written list.
    _exercise(Path("examples/page/exercises/wait_even_less"))
    more = EXERCISE_PAGE.replace("# Page", "## Your turn: wait less `again`").replace(
        "wait_less", "wait_even_less"
    )
    Path("docs/page.md").write_text(lesson + "\n" + more, encoding="utf-8")
    html = render(f"# Exercises\n\n{MARKER}\n")
    assert '<a href="page.md#your-turn-wait-less-again">Wait less again</a>' in html
    assert html.count("exercise-list__state") == 2


PLAYGROUND_PAGE = """\
# Playground

```playground
import asyncio

print("hi")
```
"""


def test_a_playground_fence_shows_its_starter_and_the_controls_the_script_fills(
    monkeypatch,
) -> None:
    monkeypatch.setattr(runtime, "installed", lambda: True)
    html = render(PLAYGROUND_PAGE)
    block = piece(html, "language-python")
    assert '<span class="filename">playground.py</span>' in block
    parser = TextOnly()
    parser.feed(block.split("<code>", 1)[1].split("</code>", 1)[0])
    assert "".join(parser.text) == 'import asyncio\n\nprint("hi")\n'
    controls = html[html.index(block) + len(block) :]
    assert controls.lstrip().startswith(
        '<div class="example-playground" data-name="playground.py" data-playground=""'
    )
    # No example: no Run control of an example's kind, for the suite or compare-engines.
    assert 'class="example-run"' not in html
    monkeypatch.setattr(runtime, "installed", lambda: False)
    assert "example-playground" not in render(PLAYGROUND_PAGE)


def test_a_playground_fence_takes_no_settings() -> None:
    with pytest.raises(ExampleFenceError, match=r"^3: a playground fence takes no settings"):
        render('# Playground\n\n```playground {duration="2"}\nprint("hi")\n```\n')
