"""--update-examples (record.py): real output and times written into the page, and a
second run that changes nothing."""

from __future__ import annotations

import re

from checked_examples import record
from checked_examples.output_block import OutputBlock
from checked_examples.run import machine
from checked_examples.run.runner import Run
from checked_examples.settings import parse
from harness.one_page import LESSON, PAGE, OnePage, output


def test_update_writes_real_output_and_a_second_run_changes_nothing(project: OnePage) -> None:
    project.write("docs/page.md", PAGE.split("```output")[0])
    result = project.check("--update-examples")
    assert result.ret == 0, output(result)
    first = project.read("docs/page.md")
    # Times are measured, so only their shape is fixed: "start" near 0 s, "end" near 0.3 s.
    fence = r'```output \{times="0\.[01] 0\.[2-5]"\}'
    assert re.search(r'lesson.py"\n```\n\n' + fence + r"\nstart\nend\n```\n", first), first
    assert "1 page(s) rewritten" in output(result)
    again = project.check("--update-examples")
    assert "0 page(s) rewritten" in output(again)
    assert project.read("docs/page.md") == first


def test_update_keeps_a_time_within_a_rounding_step_and_rewrites_a_stale_one() -> None:
    recorded = OutputBlock(line=1, end_line=4, text="a\nb\n", times=[1.0, 1.1])
    run = record.Update("page.md", 1, "", "a\nb\n", line_times=[1.04, 0.87])
    # 1.04 s stays "1.0" (a second update changes nothing); the line that now comes at
    # 0.87 s is recorded anew, though 1.1 s is within any default tolerance of it.
    assert record._times(run, recorded, ["a", "b"]) == "1.0 0.9"


def test_update_of_examples_run_side_by_side_is_safe(project: OnePage) -> None:
    for n in range(4):
        project.write(f"examples/page/lesson_{n}.py", LESSON.replace("start", f"start {n}"))
    page = "# Page\n\n" + "".join(
        f'```py {{duration="0.3"}}\n--8<-- "examples/page/lesson_{n}.py"\n```\n\nText {n}.\n\n'
        for n in range(4)
    )
    (project.root / "examples/page/lesson.py").unlink()
    project.write("docs/page.md", page)
    result = project.check("--update-examples")
    assert result.ret == 0, output(result)
    text = project.read("docs/page.md")
    for n in range(4):
        block = rf'```output \{{times="0\.[01] 0\.[2-5]"\}}\nstart {n}\nend\n```'
        assert re.search(rf'lesson_{n}.py"\n```\n\n{block}\n\nText {n}\.', text), text


def test_update_refuses_a_page_that_changed_during_the_run(project: OnePage) -> None:
    stale = record.Update(str(project.root / "docs/page.md"), 3, "print(1)\n", "x\n", [0.0])
    written, refused = record.apply([stale], project.root)
    assert written == []
    assert "changed while the examples ran" in refused[0]
    assert project.read("docs/page.md") == PAGE


def test_update_does_not_record_a_cpu_bound_example_on_a_busy_machine() -> None:
    settings = parse({"duration": "1", "cores": "2"})
    busy = Run(load=machine.Load(cores=2, program_cpu=2.0, others=0.9))
    quiet = Run(load=machine.Load(cores=2, program_cpu=2.0, others=0.1))
    assert "not recorded: the machine was busy" in record.too_busy_to_record(settings, busy)
    assert record.too_busy_to_record(settings, quiet) is None
    assert record.too_busy_to_record(parse({"duration": "1"}), busy) is None
