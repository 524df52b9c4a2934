"""Horizontal bar charts drawn on the server as inline SVG.

They need no JavaScript, use no inline style (the CSP forbids it: bar lengths are SVG attributes), and every bar
carries its value as text beside it, so a screen reader or a text browser gets the same numbers the eye does.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .formats import format_number


@dataclass(frozen=True)
class Bar:
    series: int  # position in the chart's legend; picks the colour
    name: str  # the legend entry, "" when the chart has a single series
    value: float
    text: str  # the value as people read it: "1.204", "2 hari 3 jam"
    percent: float  # length against the largest value of the whole chart, 0–100


@dataclass(frozen=True)
class Row:
    label: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class BarChart:
    title: str
    legend: tuple[str, ...]
    rows: tuple[Row, ...]

    def __bool__(self) -> bool:
        return bool(self.rows)


def bar_chart(
    title: str,
    rows: Iterable[tuple[str, float | Sequence[float]]],
    legend: Sequence[str] = (),
    text: Callable[[float], str] = format_number,
) -> BarChart:
    """Rows of (label, value) or (label, (value per legend entry)); all bars share one scale."""
    rows = [(label, tuple(values) if isinstance(values, Sequence) else (values,)) for label, values in rows]
    if any(value < 0 for _label, values in rows for value in values):
        raise ValueError("bar charts draw quantities: no negative values")
    if legend and any(len(values) != len(legend) for _label, values in rows):
        raise ValueError("each row needs one value per legend entry")
    names = tuple(str(name) for name in legend)
    largest = max((value for _label, values in rows for value in values), default=0) or 1
    return BarChart(
        title=str(title),
        legend=names,
        rows=tuple(
            Row(str(label), tuple(
                Bar(series=index, name=names[index] if names else "", value=value, text=text(value),
                    percent=round(100 * value / largest, 1))
                for index, value in enumerate(values)
            ))
            for label, values in rows
        ),
    )
