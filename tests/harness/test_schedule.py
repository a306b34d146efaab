"""When each example runs (run/schedule.py): CPU-bound ones alone, one at a time, whatever
their Python; sleepers side by side; cores handed out in the order they were asked for."""

from __future__ import annotations

import itertools
import threading
import time
from pathlib import Path

from checked_examples.run.pythons import Python, this_python
from checked_examples.run.schedule import Cores
from harness.one_page import OnePage, output

# Each program notes when it ran, and on which Python, in a file every program shares.
STAMPED = """\
import asyncio
import sys
import time
from pathlib import Path

STAMPS = Path({stamps!r})


def stamp(what):
    with STAMPS.open("a") as stamps:
        python = "{{}}.{{}}".format(*sys.version_info[:2])
        stamps.write(f"{name} {{python}} {{what}} {{time.time()}}\\n")


async def main():
    stamp("start")
    {work}
    stamp("end")


asyncio.run(main())
"""


# A CPU-bound program's work: 0.3 s of processor time, on any processor.
CRUNCH_0_3 = "end = time.process_time() + 0.3\n    while time.process_time() < end:\n        pass"


def write_stamped_page(project: OnePage, programs: dict[str, tuple[str, str, str]]) -> Path:
    """One page of STAMPED programs, {name: (duration, extra settings, work)}; returns the
    file their stamps go to."""
    stamps = project.root / "stamps.txt"
    page = "# A page\n\n"
    for name, (duration, settings, work) in programs.items():
        source = STAMPED.format(stamps=str(stamps), name=name, work=work)
        project.write(f"examples/page/{name}.py", source)
        page += (
            f'```py {{duration="{duration}"{settings}}}\n--8<-- "examples/page/{name}.py"\n```\n\n'
        )
    (project.root / "examples/page/lesson.py").unlink()
    project.write("docs/page.md", page)
    return stamps


def read_stamps(stamps: Path) -> dict[tuple[str, str], dict[str, float]]:
    """{(program, Python): {"start": t, "end": t}}"""
    when: dict[tuple[str, str], dict[str, float]] = {}
    for line in stamps.read_text().splitlines():
        name, python, what, at = line.split()
        when.setdefault((name, python), {})[what] = float(at)
    return when


def test_cpu_bound_examples_run_beside_no_example_but_the_early_long_sleepers(
    project: OnePage,
) -> None:
    stamps = write_stamped_page(
        project,
        {
            "long": ("2.0", "", "await asyncio.sleep(2.0)"),
            "cpu": ("0.3", ' cores="1"', CRUNCH_0_3),
            **{f"short{n}": ("1.5", "", "await asyncio.sleep(1.5)") for n in range(4)},
        },
    )

    result = project.check()

    assert result.ret == 0, output(result)
    when = {name: times for (name, _), times in read_stamps(stamps).items()}
    cpu = when["cpu"]
    # The long sleeper would end last if it waited for the turn: it starts first...
    assert when["long"]["start"] < cpu["start"]
    assert when["long"]["end"] > cpu["end"]
    # ...and the others start after the CPU-bound one ended, side by side: each starts
    # before the one started just before it has ended. Not all four at once: beside a
    # busy machine (the suite's own workers) their start-ups take turns, up to a second
    # each (_LAUNCH_WAIT); one at a time, the 1.5 s sleeps could never overlap.
    shorts = sorted(
        (times for name, times in when.items() if name.startswith("short")),
        key=lambda times: times["start"],
    )
    assert all(times["start"] >= cpu["end"] for times in shorts), when
    overlaps = [later["start"] < earlier["end"] for earlier, later in itertools.pairwise(shorts)]
    assert all(overlaps), when


def test_cpu_bound_examples_of_every_python_take_turns_while_sleepers_overlap(
    other_python: Python, project: OnePage
) -> None:
    stamps = write_stamped_page(
        project,
        {
            "cpu1": ("0.3", ' cores="1"', CRUNCH_0_3),
            "cpu2": ("0.3", ' cores="1"', CRUNCH_0_3),
            **{f"short{n}": ("1.0", "", "await asyncio.sleep(1.0)") for n in range(2)},
        },
    )

    result = project.check("--also-python", other_python.executable)

    assert result.ret == 0, output(result)
    when = read_stamps(stamps)
    here, there = this_python().name, other_python.name
    assert {python for _, python in when} == {here, there}
    # Four CPU-bound runs, two per Python: never two at once, whatever their Python.
    cpu = sorted((t["start"], t["end"]) for (name, _), t in when.items() if name.startswith("cpu"))
    assert len(cpu) == 4
    assert all(end <= next_start for (_, end), (next_start, _) in itertools.pairwise(cpu)), cpu
    # Each sleeper runs beside one of the other Python's: the point of one run. (Not all
    # four at once: their start-ups take turns, which on a loaded machine takes a while.)
    shorts = {key: t for key, t in when.items() if key[0].startswith("short")}
    assert len(shorts) == 4
    for (_, python), times in shorts.items():
        assert any(
            other["start"] < times["end"] and times["start"] < other["end"]
            for (_, their_python), other in shorts.items()
            if their_python != python
        ), when


def test_cores_serve_a_cpu_bound_turn_before_start_ups_that_wait() -> None:
    cores = Cores(2)
    cores.take(1)  # a start-up in progress
    order: list[str] = []

    def take(name: str, n: int, first: bool) -> None:
        cores.take(n, first=first)
        order.append(name)
        time.sleep(0.1)
        cores.give_back(n)

    turn = threading.Thread(target=take, args=("cpu-bound turn", 2, True))
    turn.start()
    # Until the turn waits for the start-up's core. (Not a fixed sleep: on a loaded
    # machine the thread may not have asked yet, and the start-up would rightly go first.)
    deadline = time.monotonic() + 5
    while not cores._firsts_waiting and time.monotonic() < deadline:
        time.sleep(0.005)
    startup = threading.Thread(target=take, args=("later start-up", 1, False))
    startup.start()
    time.sleep(0.1)
    assert order == []  # a core is free, but the turn asked first
    cores.give_back(1)
    turn.join(timeout=5)
    startup.join(timeout=5)
    assert order == ["cpu-bound turn", "later start-up"]


def test_a_second_start_up_waits_while_the_machine_has_no_core_to_spare() -> None:
    machine_busy = [1.9]  # another process keeps a core busy, a start-up the other
    cores = Cores(2, busy=lambda: machine_busy[0])
    cores.take(1)  # the first start-up goes, however busy the machine: the suite goes on
    second = threading.Thread(target=cores.take, args=(1,))
    second.start()
    second.join(timeout=0.3)
    assert second.is_alive()  # a core is ours to hand out, but no core is spare
    machine_busy[0] = 1.0
    second.join(timeout=5)
    assert not second.is_alive()
