"""Bar charts drawn on the server as SVG geometry: the template only places the rectangles and labels."""

from dataclasses import dataclass

WIDTH, HEIGHT = 600, 220
TOP, BOTTOM, SIDE = 24, 42, 8


@dataclass(frozen=True)
class Bar:
    label: str  # the period in full, for the table
    axis_label: str  # the period in short under the bar
    axis_year: str  # the year under the first bar and each new year's, else empty
    value: int
    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self) -> float:
        return self.x + self.width / 2


@dataclass(frozen=True)
class Chart:
    slug: str
    title: str
    description: str
    bars: list[Bar]
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def baseline(self) -> int:
        return self.height - BOTTOM

    @property
    def total(self) -> int:
        return sum(bar.value for bar in self.bars)


def bar_chart(*, slug: str, title: str, description: str, periods: list[tuple], values: list[int]) -> Chart:
    """One bar per period, scaled to the largest value; every bar carries its number as text. A period is
    (full label, short label, year) and the year is written only where it changes."""
    slot = (WIDTH - 2 * SIDE) / len(values)
    room = HEIGHT - TOP - BOTTOM
    peak = max(values) or 1
    bars = []
    previous_year = None
    for index, ((label, axis_label, year), value) in enumerate(zip(periods, values, strict=True)):
        height = round(room * value / peak, 1)
        bars.append(
            Bar(
                label=label,
                axis_label=axis_label,
                axis_year=str(year) if year != previous_year else "",
                value=value,
                x=round(SIDE + index * slot + slot * 0.15, 1),
                y=round(TOP + room - height, 1),
                width=round(slot * 0.7, 1),
                height=height,
            )
        )
        previous_year = year
    return Chart(slug=slug, title=title, description=description, bars=bars)
