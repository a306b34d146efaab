"""A fence's settings (settings.py): a wrong one says what to write instead."""

from __future__ import annotations

import pytest

from checked_examples.settings import SettingsError, parse, split_info_string, usable_cores


@pytest.mark.parametrize(
    ("info", "message"),
    [
        ('py {duration="1" durtion="2"}', "did you mean 'duration'?"),
        ("py {duration=1}", 'write each setting as key="value"'),
        ('py {timeout="1"}', 'add duration="<seconds>"'),
        ('py {duration="2" timeout="1"}', "must exceed duration + tolerance"),
        ('py {duration="2" requires="3.x"}', "is not a Python version"),
        ('py {duration="soon"}', "is not a number of seconds"),
        ('py duration="2"', "settings must be in braces"),
        ('py {duration="1" browser="no"}', 'as browser="no: <reason>"'),
        ('py {duration="1" browser="yes: it runs"}', "leaves the setting out"),
        ('py {duration="1" tolerance="0.5"}', "half a second away from the page's time"),
        ('py {duration="1" cores="1" tolerance="0.9"}', "more than processor work needs"),
        ('py {duration="1" services="mysql"}', "names no server the suite can start"),
        ('py {duration="1" quiz=""}', "must be the sentence that says why the lines come"),
        ('py {duration="1" quiz="yes"}', "must be the sentence that says why the lines come"),
        ('py {duration="1" quiz="Tasks run in their order of creation"}', "must be the sentence"),
        (
            'py {duration="1" starter_fails="time" quiz="The sleeps overlap, so 1 ends first."}',
            "leave quiz= out of the exercise's fence",
        ),
        ('py {duration="1" trace="yes"}', 'trace="yes" must be "true"'),
    ],
)
def test_bad_settings_say_what_to_write(info: str, message: str) -> None:
    with pytest.raises(SettingsError, match=None) as error:
        parse(split_info_string(info)[1])
    assert message in str(error.value)


def test_default_tolerance_is_a_quarter_second_plus_ten_percent_under_half_a_second() -> None:
    assert parse({"duration": "1"}).tolerance == pytest.approx(0.35)
    assert parse({"duration": "2"}).tolerance == pytest.approx(0.45)
    assert parse({"duration": "12"}).tolerance == pytest.approx(0.45)  # 0.5 s off still fails
    assert parse({"duration": "2", "tolerance": "0.1"}).tolerance == 0.1
    # Processor work whose time is not the lesson (a test runner starting) may take more.
    assert parse({"duration": "0.2", "cores": "1", "tolerance": "0.8"}).tolerance == 0.8


def test_cores_beyond_the_machine_skip_with_the_reason() -> None:
    settings = parse({"duration": "1", "cores": str(usable_cores() + 1)})
    assert "cores to show its lesson (this machine has" in settings.skip_reason()
    with pytest.raises(SettingsError, match="is not a whole number of cores"):
        parse({"duration": "1", "cores": "two"})


def test_a_python_too_new_to_record_with_leaves_the_output_unrecordable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert parse({"duration": "0.3", "requires": "3.99"}).output_unrecordable
    assert not parse({"duration": "0.3", "requires": "3.12"}).output_unrecordable
    assert not parse({"duration": "0.3"}).output_unrecordable
    monkeypatch.setattr("checked_examples.settings.NEWEST_RECORDING_PYTHON", (3, 10))
    assert parse({"duration": "0.3", "requires": "3.11"}).output_unrecordable


def test_a_quiz_keeps_its_sentence_with_its_spaces_tidied() -> None:
    settings = parse({"duration": "1", "quiz": "Both   sleeps start at once,\n so b ends first."})
    assert settings.quiz == "Both sleeps start at once, so b ends first."
    assert parse({"duration": "1"}).quiz is None
