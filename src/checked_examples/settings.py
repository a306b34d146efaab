"""Per-example settings, written in the info string of the example's fence.

    ```py {duration="2" requires="3.12"}
    --8<-- "examples/running-several-coroutines/task_group_cancels_siblings.py"
    ```

Keys the format does not know are errors (with a suggestion), and so is any
part of the info string that is not `key="value"`, `.class` or `#id`: a typo
must never silently switch a check off. The example suite and the site build
both parse fences here, so both refuse a typo with the same message.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from dataclasses import dataclass, field

from .exercise import check_reason

# Keys that only change how Material renders the block; the harness ignores them.
RENDER_KEYS = frozenset({"title", "hl_lines", "linenums"})

HARNESS_KEYS = {
    "duration": 'seconds the program is expected to run, e.g. duration="2"',
    "tolerance": "allowed difference from duration and each line's time, in seconds"
    " (default 0.25 + 10%, at most 0.45)",
    "timeout": "seconds after which a hanging program is stopped (default 2x duration + 5,"
    " 10x for cores=)",
    "requires": 'oldest Python that runs the example, e.g. requires="3.12"',
    "raises": 'exception the program is meant to end with, e.g. raises="ExceptionGroup"',
    "warns": "text the program is meant to print to stderr, e.g. a RuntimeWarning",
    "timeline": "regex whose one group names each output line's lane; draws a timeline",
    "timeline_axis": "seconds the timeline's axis spans (to compare two timelines)",
    "cores": 'cores a CPU-bound example keeps busy at once, e.g. cores="2" for a process pool',
    "services": 'servers the suite starts for the example, e.g. services="postgresql"',
    "trace": "record the event loop's story beside the example and check it on every run,"
    ' trace="true" (examples/<page>/<lesson>.trace.json; trace.py)',
    "starter_fails": "an exercise's fence (it embeds exercises/<name>/starter.py): how its"
    ' starter fails the goal, "output", "time" or "exception" (exercise.py)',
}
# The servers `services=` can name (the suite's checked_examples/run/services.py).
SERVICES = frozenset({"postgresql"})
# Keys for the page's Run button (docs/assets/run/), which the harness ignores too.
RUN_BUTTON_KEYS = {
    "browser": 'why a browser cannot run it, e.g. browser="no: uses a process pool"',
    "quiz": "the sentence that says why the output comes in its order: the page asks the"
    " reader to predict that order before showing the output block (3 to 6 lines)",
}
KNOWN_KEYS = RENDER_KEYS | HARNESS_KEYS.keys() | RUN_BUTTON_KEYS.keys()

# A line printed half a second away from the page's time must fail: a sleep-bound line
# keeps its time to a few hundredths of a second, even beside a busy core, and a CPU-bound
# example (cores=) is allowed the machine's slowdown on top of its tolerance instead.
MAX_TOLERANCE = 0.45
# Except where the lesson is not the time: a program whose processor work sets its pace
# (cores=), such as a test runner starting up, which varies by Python and by run.
MAX_PROCESSOR_TOLERANCE = 0.8

# The newest Python on the machines that record outputs (make update-examples). An
# example that needs a newer one cannot have its output recorded by them: until it has
# one, where it runs (CI), everything else about it is checked, and the summary shows
# what it printed. An output recorded with that Python elsewhere (CPython 3.15 in
# Pyodide: python -m checked_examples check-pyodide --record) is checked like any other.
# Raise this when a newer Python is available to record with, and record them.
NEWEST_RECORDING_PYTHON = (3, 13)

# The Python the site's Run button runs in the reader's browser: the npm package
# `pyodide` pinned in package-lock.json (314.0.7 is CPython 3.14.2). Raise it with the pin.
BROWSER_PYTHON = (3, 14)

# One `key="value"`, `.class` or `#id` token of a brace-form info string.
_TOKEN = re.compile(
    r"""\s*(?:(?P<key>[\w-]+)=(?P<q>["'])(?P<value>.*?)(?P=q)|(?P<flag>[.#][\w-]+))"""
)
_LANGUAGES = ("python", "py")


class SettingsError(ValueError):
    """An info string the harness cannot trust; the message says what to write."""


@dataclass(frozen=True)
class Browser:
    """Whether the page's Run button can run the example in a reader's browser (Pyodide).

    It can unless the fence says why not, `browser="no: uses a process pool"`, or the
    example needs a Python newer than the browser's; the page shows the reason instead.
    """

    reason: str | None = None

    @property
    def runs(self) -> bool:
        return self.reason is None


@dataclass(frozen=True)
class Settings:
    duration: float
    tolerance: float
    timeout: float
    requires: tuple[int, int] | None
    raises: str | None
    warns: tuple[str, ...]
    timeline: re.Pattern[str] | None = None
    timeline_axis: float | None = None
    cores: int | None = None  # CPU-bound: how many cores it keeps busy at once
    browser: Browser = field(default_factory=Browser)
    services: tuple[str, ...] = ()  # servers the suite starts for it
    starter_fails: str | None = None  # an exercise's: how its starter fails (exercise.py)
    quiz: str | None = None  # why its output comes in its order: the page asks to predict it
    trace: bool = False  # its event loop's story is recorded and checked (trace.py)

    @property
    def output_unrecordable(self) -> bool:
        """Whether no recording machine can run it, so its page may have no output yet."""
        return self.requires is not None and self.requires > NEWEST_RECORDING_PYTHON

    @property
    def requires_text(self) -> str | None:
        return None if self.requires is None else "{}.{}".format(*self.requires)

    def skip_reason(self, python: tuple[int, ...] | None = None) -> str | None:
        """Why the Python of version `python` (the running one by default) cannot run
        the example, or None when it can. The suite asks with each job's interpreter."""
        version = tuple((python or sys.version_info)[:2])
        if self.requires and version < self.requires:
            return f"needs Python {self.requires_text}+ (this is {version[0]}.{version[1]})"
        if self.cores and usable_cores() < self.cores:
            return (
                f"needs {self.cores} cores to show its lesson (this machine has {usable_cores()})"
            )
        return None


def _browser(text: str | None, requires: tuple[int, int] | None) -> Browser:
    if text is not None:
        prefix, colon, reason = text.partition(":")
        if prefix.strip() != "no" or not colon or not reason.strip():
            raise SettingsError(
                f'browser="{text}" must say why a browser cannot run it, as '
                'browser="no: <reason>", e.g. browser="no: uses a process pool"; '
                "an example that runs in a browser leaves the setting out"
            )
        return Browser(reason.strip())
    if requires and requires > BROWSER_PYTHON:
        needs, has = "{}.{}".format(*requires), "{}.{}".format(*BROWSER_PYTHON)
        return Browser(f"needs Python {needs}; the browser runs {has}")
    return Browser()


def usable_cores() -> int:
    """Cores this process may run on (its affinity mask, where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def split_info_string(info: str) -> tuple[str, dict[str, str]]:
    """Split ``py {title="a.py" duration="2"}`` into its language and its key/values."""
    info = info.strip()
    lang_match = re.match(r"(\w+)\s*", info)
    if not lang_match or lang_match.group(1) not in _LANGUAGES:
        raise SettingsError(f"fence info {info!r} does not start with 'py'")
    rest = info[lang_match.end() :].strip()
    if not rest:
        return lang_match.group(1), {}
    if not (rest.startswith("{") and rest.endswith("}")):
        raise SettingsError(f'settings must be in braces, e.g. py {{duration="1"}}; got {rest!r}')
    body = rest[1:-1]
    values: dict[str, str] = {}
    pos = 0
    while pos < len(body.rstrip()):
        token = _TOKEN.match(body, pos)
        if not token:
            raise SettingsError(
                f'cannot read {body[pos:].strip()!r} in {info!r}: write each setting as key="value"'
            )
        if token.group("key"):
            values[token.group("key")] = token.group("value")
        pos = token.end()
    return lang_match.group(1), values


def parse(values: dict[str, str]) -> Settings:
    """Check the keys and turn the values into typed settings."""
    for key in values:
        if key not in KNOWN_KEYS:
            close = difflib.get_close_matches(key, sorted(KNOWN_KEYS), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise SettingsError(
                f"unknown setting {key!r}: {hint}known settings are "
                + ", ".join(sorted(KNOWN_KEYS))
            )
    if "duration" not in values:
        raise SettingsError(
            'every example declares how long it runs: add duration="<seconds>" '
            "to its fence (the failure below shows the measured time)"
        )
    duration = _seconds(values, "duration")
    if "tolerance" in values:
        tolerance = _seconds(values, "tolerance")
        if "cores" in values and tolerance > MAX_PROCESSOR_TOLERANCE:
            raise SettingsError(
                f'tolerance="{values["tolerance"]}" is more than processor work needs: give '
                f"at most {MAX_PROCESSOR_TOLERANCE:g} (its slowdown on a busy machine is "
                "allowed on top)"
            )
        if "cores" not in values and tolerance > MAX_TOLERANCE:
            raise SettingsError(
                f'tolerance="{values["tolerance"]}" would let a line printed half a second '
                f"away from the page's time pass: give at most {MAX_TOLERANCE:g}. A program "
                'whose processor work is slow on a busy machine declares cores="1" (or '
                "more) and is allowed that slowdown on top, and up to "
                f"{MAX_PROCESSOR_TOLERANCE:g} s of tolerance where its time is not the lesson"
            )
    else:
        tolerance = round(min(0.25 + 0.1 * duration, MAX_TOLERANCE), 3)
    cores = _cores(values["cores"]) if "cores" in values else None
    requires = _version(values["requires"]) if "requires" in values else None
    # A CPU-bound example may run up to 10x slower on a busy machine (see verdict.py).
    default_timeout = (10 if cores else 2) * duration + 5
    timeout = _seconds(values, "timeout") if "timeout" in values else default_timeout
    if timeout <= duration + tolerance:
        raise SettingsError(
            f"timeout={timeout:g} must exceed duration + tolerance "
            f"({duration + tolerance:g}), or every run would be stopped"
        )
    return Settings(
        duration=duration,
        tolerance=tolerance,
        timeout=timeout,
        requires=requires,
        raises=values.get("raises"),
        warns=tuple(w.strip() for w in values["warns"].split("|")) if "warns" in values else (),
        timeline=_lane_pattern(values["timeline"]) if "timeline" in values else None,
        timeline_axis=_seconds(values, "timeline_axis") if "timeline_axis" in values else None,
        cores=cores,
        browser=_browser(values.get("browser"), requires),
        services=_services(values["services"]) if "services" in values else (),
        starter_fails=_reason(values["starter_fails"]) if "starter_fails" in values else None,
        quiz=_quiz(values["quiz"], values) if "quiz" in values else None,
        trace=_trace(values["trace"]) if "trace" in values else False,
    )


def _reason(text: str) -> str:
    try:
        return check_reason(text)
    except ValueError as error:
        raise SettingsError(str(error)) from None


# The output lines a quiz asks to put in order: fewer is no question, more is a chore.
QUIZ_LINES = range(3, 7)


def _quiz(text: str, values: dict[str, str]) -> str:
    why = " ".join(text.split())
    if "starter_fails" in values:
        raise SettingsError(
            "quiz= asks to predict an example's output, and an exercise's output is its "
            "goal, shown to aim at: leave quiz= out of the exercise's fence"
        )
    if len(why) < 20 or why[-1] not in ".!?":
        raise SettingsError(
            f'quiz="{text}" must be the sentence that says why the lines come in their order, '
            'shown once the reader has answered, e.g. quiz="Both sleeps start at once, so the '
            'shorter one ends first."'
        )
    return why


def _seconds(values: dict[str, str], key: str) -> float:
    try:
        seconds = float(values[key])
    except ValueError:
        raise SettingsError(f'{key}="{values[key]}" is not a number of seconds') from None
    if seconds < 0:
        raise SettingsError(f'{key}="{values[key]}" is negative')
    return seconds


def _lane_pattern(text: str) -> re.Pattern[str]:
    try:
        pattern = re.compile(text)
    except re.error as error:
        raise SettingsError(f'timeline="{text}" is not a regular expression: {error}') from None
    if pattern.groups != 1:
        raise SettingsError(
            f'timeline="{text}" needs exactly one group, the lane\'s name, '
            'e.g. timeline="(?:Fetching|Got) (\\w+)"'
        )
    return pattern


def _services(text: str) -> tuple[str, ...]:
    names = tuple(text.split())
    unknown = [name for name in names if name not in SERVICES]
    if unknown or not names:
        raise SettingsError(
            f'services="{text}" names no server the suite can start: known are '
            + ", ".join(sorted(SERVICES))
        )
    return names


def _trace(text: str) -> bool:
    if text not in ("true", "false"):
        raise SettingsError(
            f'trace="{text}" must be "true" (record the event loop\'s story beside the '
            'example and check it on every run) or "false"'
        )
    return text == "true"


def _cores(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise SettingsError(f'cores="{text}" is not a whole number of cores like "2"')
    return int(text)


def _version(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"3\.(\d+)", text.strip())
    if not match:
        raise SettingsError(f'requires="{text}" is not a Python version like "3.12"')
    return 3, int(match.group(1))
