"""The step-through of a recorded run (docs/assets/trace/), in Chromium, on the gather
example's page: nothing of the view is requested before the reader opens it, the keyboard
alone opens it and moves through the loop's turns (Step, Back, the arrow keys, Home and
End, the slider), and at each turn the running task, the highlighted line of the program,
the table's marked row and the live region's sentence are those of the trace; axe finds
nothing in either scheme, and a phone's screen fits it.

The trace is the gather example's, as the suite recorded it (trace_view.py). A reader's
own run is offered the same view, drawn from the story recorded in the browser's worker.
"""

from __future__ import annotations

import pytest

from browser import accessibility, phone
from browser.accessibility import SCHEMES, show_scheme
from browser.run_button import FIRST_LOAD, run
from browser.trace_view import PAGE, fixture, put_fixture
from checked_examples.tools.browser_site import ROOT
from checked_examples.tools.site_pages import examples_by_page

ARTIFACTS = ROOT / "artifacts" / "browser"

TRACE = fixture()
NAMES = {task["id"]: task["name"] for task in TRACE["tasks"]}
TURNS = TRACE["turns"]
# The gather example's recorded run (the page has another example's too).
GATHER = '.example-trace[data-example$="/gather_runs_fetches_concurrently.py"]'
VIEW_FILES = ("assets/trace/trace-view.mjs", "assets/trace/trace.css")


def opened(page, site_url: str):
    """The page with the fixture's button shown, and the view opened from the keyboard."""
    page.goto(site_url + PAGE, wait_until="networkidle")
    put_fixture(page)
    button = page.locator(f"{GATHER} .example-trace__open")
    button.wait_for()  # shown by trace-button.mjs
    button.focus()
    page.keyboard.press("Enter")
    page.locator(".trace-view__step").wait_for()
    return page.locator(GATHER)


def shown(page) -> dict:
    """What the view says now: the turn, who runs, the program's highlighted line, the
    table's marked row, the live region's sentence."""
    return page.evaluate(
        """() => {
      const lines = [...document.querySelectorAll(".trace-line--resumed")];
      const row = document.querySelector(".trace-table tr[aria-current='step'] th");
      return {
        slider: Number(document.querySelector(".trace-view__slider").value),
        runs: document.querySelector(".trace-view__runs").textContent,
        lines: lines.map(el => Number(el.id.split("-").at(-1))),
        in_program: lines.every(el => el.closest(".highlight").querySelector(".filename")
                                  .textContent === "gather_runs_fetches_concurrently.py"),
        row: row && Number(row.textContent),
        live: document.querySelector(".trace-view__live").textContent,
      };
    }"""
    )


def expect(page, turn: int, *, announced: bool = True) -> None:
    now = shown(page)
    expected = TURNS[turn]
    assert now["slider"] == turn
    assert now["runs"].startswith(f"Runs: {NAMES[expected['task']]} ("), now["runs"]
    assert now["lines"] == [expected["resumed"]]
    assert now["in_program"]
    assert now["row"] == turn + 1
    if announced:
        assert now["live"].startswith(f"Turn {turn + 1} of {len(TURNS)}, "), now["live"]
        assert f": {NAMES[expected['task']]} " in now["live"]


def test_nothing_of_the_view_is_requested_before_it_is_opened(page, watch, site_url) -> None:
    page.goto(site_url + PAGE, wait_until="networkidle")
    put_fixture(page)
    button = page.locator(f"{GATHER} .example-trace__open")
    button.wait_for()
    page.wait_for_timeout(300)
    assert not [url for url in watch.requested if url.endswith(VIEW_FILES)]
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    page.locator(".trace-view__step").wait_for()
    assert button.get_attribute("aria-expanded") == "true"
    assert sorted(u.split("/assets/")[1] for u in watch.requested if u.endswith(VIEW_FILES)) == [
        "trace/trace-view.mjs",
        "trace/trace.css",
    ]
    button.click()  # closed again: the view and its highlight go
    assert page.locator(f"{GATHER} .example-trace__view").is_hidden()
    assert page.locator(".trace-line--resumed").count() == 0
    assert watch.problems() == []


def test_the_keyboard_steps_through_the_turns(page, watch, site_url) -> None:
    opened(page, site_url)
    expect(page, 0, announced=False)  # opening says nothing more than the view does
    last = len(TURNS) - 1
    page.keyboard.press("Tab")  # Back, which does nothing at the first turn
    page.keyboard.press("Enter")
    expect(page, 0, announced=False)
    page.keyboard.press("Tab")  # Step
    page.keyboard.press("Enter")
    expect(page, 1)
    page.keyboard.press(" ")
    expect(page, 2)
    page.keyboard.press("ArrowRight")
    expect(page, 3)
    page.keyboard.press("ArrowDown")
    expect(page, 4)  # Task-3 resumes at its await, line 6, a second later
    assert f"{TURNS[4]['at']:.3f} s" in shown(page)["live"]
    page.keyboard.press("ArrowLeft")
    expect(page, 3)
    page.keyboard.press("End")
    expect(page, last)
    page.keyboard.press("Enter")  # Step at the last turn stays there
    expect(page, last)
    page.keyboard.press("Home")
    expect(page, 0)
    page.keyboard.press("Shift+Tab")  # Back
    page.keyboard.press("Shift+Tab")  # the button that opened the view
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # the slider, which moves by the same keys itself
    assert page.evaluate("document.activeElement.type") == "range"
    page.keyboard.press("ArrowRight")
    expect(page, 1)
    page.keyboard.press("End")
    expect(page, last)
    assert watch.problems() == []


def test_each_turn_says_who_runs_who_is_ready_and_who_waits_on_what(page, site_url) -> None:
    opened(page, site_url)
    page.locator(".trace-view__slider").focus()
    page.keyboard.press("ArrowRight")  # turn 2: Task-2 starts; Task-3 and Task-4 are queued
    states = page.locator(".trace-view__states").inner_text()
    assert "Ready: Task-3; Task-4" in states
    assert f"Waiting: Task-1 on {TURNS[0]['waits_on']}" in states
    page.keyboard.press("End")  # main resumes once every fetch is done
    states = page.locator(".trace-view__states").inner_text()
    done = "; ".join(f"{task['name']} (at {task['done']:.3f} s)" for task in TRACE["tasks"][1:])
    assert f"Done: {done}" in states
    # The table holds every turn; its marked row is the one shown.
    rows = page.locator(".trace-table tbody tr")
    assert rows.count() == len(TURNS)
    assert rows.nth(1).locator("td").nth(1).inner_text() == "Task-2"
    assert "waits on await asyncio.sleep(delay)" in rows.nth(1).inner_text()
    # The lanes: one per task, a slice per turn, and the current one marked.
    assert page.locator(".trace-lanes__name").all_inner_texts() == [
        f"{task['name']}\n{task['coro']}()" for task in TRACE["tasks"]
    ]
    assert page.locator(".trace-lanes .trace-lanes__slice").count() == len(TURNS)
    current = page.locator(".trace-lanes__slice--current")
    assert current.get_attribute("data-turn") == str(len(TURNS) - 1)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_open_view_is_accessible(page, site_url, scheme: str) -> None:
    opened(page, site_url)
    page.locator(".trace-view__slider").focus()
    for _ in range(4):
        page.keyboard.press("ArrowRight")  # a turn with waits, a finished task, the highlight
    show_scheme(page, scheme)
    assert accessibility.problems(page, PAGE) == []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.locator(GATHER).scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / f"trace-view-{scheme}.png")


@pytest.mark.phone
@pytest.mark.scheme("dark")
@pytest.mark.parametrize("width", [phone.SIZE["width"], 390])
def test_the_view_fits_a_phone(page, site_url, width: int) -> None:
    page.set_viewport_size({**phone.SIZE, "width": width})
    opened(page, site_url)
    page.locator(".trace-view__slider").focus()
    page.keyboard.press("End")
    assert phone.sideways(page) == []
    lanes = page.locator(".trace-lanes")
    assert lanes.evaluate("el => el.scrollWidth > el.clientWidth"), "the lanes scroll in their box"
    assert lanes.evaluate("el => el.getBoundingClientRect().right") <= width
    # axe on the view alone: on a phone it also flags the page's own code blocks
    # (Material's scrollable <code>), which are no part of it (as test_run_controls.py).
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(accessibility.axe_script())
    assert accessibility.on(page, ".example-trace") == []
    page.locator(GATHER).scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / f"trace-view-phone-{width}.png")


_LIVE = """async ([url, trace]) => {
  const { showTrace, programBlockBefore } = await import(url);
  const title = [...document.querySelectorAll(".highlight > .filename")]
    .find(t => t.textContent === "gather_runs_fetches_concurrently.py");
  const container = document.createElement("div");
  title.parentElement.after(container);
  const runs = () => container.querySelector(".trace-view__runs").textContent;
  const said = [];
  const partial = {...trace, turns: trace.turns.slice(0, 3)};
  const view = showTrace(container, partial, title.parentElement);
  said.push([view.turn, runs()]);
  view.go(2);  // the newest turn so far: the view follows the run as it grows
  view.update({...partial, turns: trace.turns.slice(0, 5)});
  said.push([view.turn, runs()]);
  view.go(1);  // an earlier turn: the view stays there
  view.update(trace);
  said.push([view.turn, runs()]);
  // Pyodide's loop may not say which tasks are queued (ready: null).
  view.update({...trace, turns: trace.turns.map(t => ({...t, ready: null}))});
  view.go(4);
  said.push([view.turn, container.querySelector(".trace-view__states").textContent]);
  view.setActive(false);
  said.push(document.querySelectorAll(".trace-line--resumed").length);
  // A reader's runs, one after another, after the same element: the last one alone shows.
  const { showRunTrace } = await import(url);
  const live = document.createElement("pre");
  container.after(live);
  showRunTrace(live, trace, title.parentElement).go(3);
  showRunTrace(live, partial, title.parentElement);
  const shown = [...document.querySelectorAll(".example-trace--run")];
  const where = box => box.querySelector(".trace-view__where").textContent;
  said.push(shown.map(box => [box.previousElementSibling === live, where(box)]));
  said.push(document.querySelectorAll(".trace-line--resumed").length);
  return said;
}"""


def test_the_view_draws_a_trace_handed_to_it_as_a_run_grows(page, watch, site_url) -> None:
    """showTrace(), as the Run button will call it with a trace made in Pyodide."""
    page.goto(site_url + PAGE, wait_until="networkidle")
    said = page.evaluate(_LIVE, [site_url + "assets/trace/trace-view.mjs", TRACE])
    assert said[0] == [0, said[0][1]]
    assert said[0][1].startswith("Runs: Task-1 (main), starts at line 11")
    assert said[1][0] == 4
    assert said[1][1].startswith("Runs: Task-3 (fetch_data), resumes at line 6")
    assert said[2] == [1, said[2][1]]
    assert said[2][1].startswith("Runs: Task-2 (fetch_data), starts at line 4")
    assert said[3][0] == 4
    assert "Waiting or ready (this loop does not say which): Task-1 on" in said[3][1]
    assert said[4] == 0, "a closed view leaves no line highlighted"
    assert said[5] == [[True, f"1 of 3 · {TURNS[0]['at']:.3f} s"]]
    assert said[6] == 1, "the replaced run's highlight went with it"
    assert watch.problems() == []


def test_the_check_of_recorded_traces_finds_a_line_that_is_not_the_await(page, site_url) -> None:
    """The check below, on the fixture: right as it is, and told where a line differs."""
    page.goto(site_url + PAGE, wait_until="networkidle")
    wrong = fixture()
    wrong["turns"][2]["waits_on"] = "await asyncio.sleep(1)"
    put_fixture(page, wrong)
    box = page.locator(GATHER)
    box.locator(".example-trace__open").click()
    box.locator(".trace-view__step").wait_for()
    assert box.evaluate(_EVERY_TURN) == ['turn 3: line 6 has no "await asyncio.sleep(1)"']


def recorded() -> list[tuple[str, str]]:
    """(page, example) for every example with a trace file beside it, as the build finds it."""
    return [
        (path, example.embedded.relative_to(example.root).as_posix())
        for path, examples in examples_by_page().items()
        for example in examples
        if example.embedded
        and example.embedded.with_suffix(".trace.json").is_file()
        and example.output  # the button comes under the output block
    ]


_EVERY_TURN = """box => {
  const view = box.querySelector(".trace-view");
  const slider = view.querySelector(".trace-view__slider");
  const wrong = [];
  for (let turn = 0; turn <= Number(slider.max); turn++) {
    slider.value = String(turn);
    slider.dispatchEvent(new Event("input"));
    const trace = JSON.parse(box.dataset.trace);
    const step = trace.turns[turn];
    const lines = [...document.querySelectorAll(".trace-line--resumed")];
    if (step.resumed !== null && lines.length !== 1)
      wrong.push(`turn ${turn + 1}: ${lines.length} lines highlighted, not line ${step.resumed}`);
    if (step.suspended !== null) {
      const code = lines[0]?.closest(".highlight");
      const at = code?.querySelector(`pre code > span[id$="-${step.suspended}"]`);
      // The await's text as the recorder reads it, spaces aside: the whole of it on that
      // line, or that line's part from its await on (a call over several lines).
      const squeezed = (text) => text.replace(/\\s+/g, "");
      const line = squeezed(at?.textContent ?? "");
      const from = line.indexOf("await");
      const want = squeezed(step.waits_on);
      if (!(line.includes(want) || (from >= 0 && want.startsWith(line.slice(from)))))
        wrong.push(`turn ${turn + 1}: line ${step.suspended} has no "${step.waits_on}"`);
    }
  }
  return wrong;
}"""


@pytest.mark.parametrize(
    ("path", "example"),
    recorded()
    or [pytest.param("", "", marks=pytest.mark.skip(reason="no example has a recorded trace yet"))],
)
def test_every_recorded_trace_steps_through_its_own_program(page, watch, server_url, path, example):
    """Each real trace on the site, reached by the theme's instant navigation (which runs
    the new content's scripts again, so the data cannot be a JSON <script>): its button
    opens it, and at every turn the line it names is highlighted in its example's code
    block, where each await it waited on is. Under `latest/`, the alias the sitemap
    names, where instant navigation works (page_runs.py)."""
    site = server_url + "latest/"
    page.goto(site + "reference/", wait_until="networkidle")
    page.evaluate("window.stayed = true")
    # The navigation's link (perhaps in a closed section), clicked as a reader's click.
    followed = page.evaluate(
        """url => {
      const link = [...document.querySelectorAll(".md-nav a[href]")].find(a => a.href === url);
      link?.click();
      return Boolean(link);
    }""",
        site + path,
    )
    assert followed, f"no link to {path} in the navigation"
    page.wait_for_url(site + path)
    assert page.evaluate("window.stayed === true"), "the page was loaded, not swapped in"
    box = page.locator(f'.example-trace[data-example="{example}"]')
    # An example with a quiz keeps its run hidden, the trace too, until it is answered.
    quiz = page.locator(f'.example-trace[data-example="{example}"] + .example-quiz')
    # An example in a content tab that is not the one shown: its tab, as a reader's click.
    box.evaluate(
        """box => {
      const block = box.closest(".tabbed-block");
      if (!block) return;
      const at = [...block.parentElement.children].indexOf(block);
      block.closest(".tabbed-set").querySelectorAll(".tabbed-labels > label")[at].click();
    }"""
    )
    if quiz.count():
        quiz.wait_for()  # shown once quiz.mjs has set it up (and hidden the run)
        assert box.is_hidden(), "the recorded run tells the order the quiz asks for"
        quiz.locator(".example-quiz__give-up").click()
    box.locator(".example-trace__open").click()
    box.locator(".trace-view__step").wait_for()
    assert box.evaluate(_EVERY_TURN) == []
    # Its own marks (a cancelled task's, a raised one's) in both schemes, at its last turn.
    for scheme in SCHEMES:
        show_scheme(page, scheme)
        assert accessibility.on(page, f'.example-trace[data-example="{example}"]') == [], scheme
    assert watch.problems() == []


def test_a_readers_run_is_offered_its_own_story_turn_by_turn(page, watch, site_url) -> None:
    """The Run button records the run's story in the worker (loop_trace.py, as the suite
    does) and offers it under the run, in the view above, loaded on the click."""
    page.goto(site_url + PAGE, wait_until="networkidle")
    box = page.locator(".example-run[data-name='gather_runs_fetches_concurrently.py']")
    run(page, box, FIRST_LOAD)
    assert not [url for url in watch.requested if url.endswith(VIEW_FILES)]
    offer = box.locator(".example-run__trace-open")
    assert offer.inner_text() == "Step through your run"
    offer.focus()
    page.keyboard.press("Enter")
    view = box.locator(".example-trace--run")
    view.locator(".trace-view__step").wait_for()
    assert offer.get_attribute("aria-expanded") == "true"
    # The same story as the suite's recording: the same tasks, resuming on the same lines.
    lanes = view.locator(".trace-lanes__name").all_inner_texts()
    assert len(lanes) == len(TRACE["tasks"]), lanes
    slider = view.locator(".trace-view__slider")
    assert int(slider.get_attribute("max")) == len(TURNS) - 1
    slider.focus()
    for turn in range(len(TURNS)):
        runs = view.locator(".trace-view__runs").inner_text()
        assert f"{TRACE['tasks'][TURNS[turn]['task'] - 1]['coro']}" in runs, (turn, runs)
        highlighted = page.evaluate(
            "[...document.querySelectorAll('.trace-line--resumed')].map(el => el.id)"
        )
        assert [int(i.split("-")[-1]) for i in highlighted] == [TURNS[turn]["resumed"]]
        page.keyboard.press("ArrowRight")
    offer.click()
    assert view.is_hidden()
    assert watch.problems() == []
