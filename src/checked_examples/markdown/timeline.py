"""An example's timeline: one bar per task, drawn from the output's checked times."""

from __future__ import annotations

import html

from ..settings import Settings, SettingsError


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
