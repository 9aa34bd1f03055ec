"""Writing DataFrames for people and for pipes: text, csv, json, markdown."""

from __future__ import annotations

import contextlib
import html
import json
import math
import os
import re
import sys
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .errors import printable
from .store import datapackage
from .vocabulary import STATUS_MARK, status_legend

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("text", "csv", "json", "markdown")

#: Marks appended to a value in text and markdown so that its status shows.

STATUS_LEGEND = status_legend()


#: Field types of ``datapackage.json`` whose numbers are names, not amounts: never grouped ("1990").
PLAIN_NUMBER_TYPES = frozenset({"year"})


def year_columns() -> frozenset[str]:
    """The names of the fields that ``datapackage.json`` types as years (written without separators).

    A column of any frame (``compare``, the report's tables) with such a name
    is a year: the number format comes from the schema, not from the value.

    Examples
    --------
    >>> "year" in year_columns(), "value" in year_columns()
    (True, False)
    """
    return frozenset(
        field["name"]
        for resource in datapackage()["resources"]
        for field in resource.get("schema", {}).get("fields", [])
        if field.get("type") in PLAIN_NUMBER_TYPES
    )


def cell_text(value: Any, year: bool = False) -> str:
    """A value as a person reads it: thousands separators, no trailing .0, blank for missing.

    ``year``: the value is a year (:func:`year_columns`), written without separators.

    Examples
    --------
    >>> cell_text(1317195.0), cell_text(34.5), cell_text(float("nan")), cell_text(True)
    ('1,317,195', '34.5', '', 'yes')
    >>> cell_text(1990.0, year=True), cell_text(1990)
    ('1990', '1,990')
    """
    # a pandas or numpy value can only be here once pandas is loaded: the text reports
    # (``gulagstats check``) format plain Python values without importing it
    pd, np = sys.modules.get("pandas"), sys.modules.get("numpy")
    if value is None or (pd is not None and value is pd.NA) or (isinstance(value, float) and math.isnan(value)):
        return ""
    if year and not isinstance(value, (str, bool)) and float(value).is_integer():
        return str(int(value))
    if pd is not None and isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, bool) or (np is not None and isinstance(value, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (int,)) or (hasattr(value, "is_integer") and float(value).is_integer() and abs(value) >= 1000):
        return f"{int(value):,}"
    if isinstance(value, float) or hasattr(value, "__float__"):
        try:
            return f"{float(value):,.10g}" if abs(float(value)) >= 1000 else f"{float(value):.10g}"
        except (TypeError, ValueError):
            return str(value)
    return str(value)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def markdown_text(text: object) -> str:
    """User text made inert in Markdown: HTML escaped, Markdown marks backslash-escaped, one line.

    Examples
    --------
    >>> print(markdown_text('<img src=x onerror="alert(1)">'))
    &lt;img src=x onerror="alert(1)"&gt;
    >>> print(markdown_text("a\\n# heading [x](javascript:y) *b*"))
    a # heading \\[x\\](javascript:y) \\*b\\*
    """
    one_line = " ".join(str(text).splitlines())
    return html.escape(_MARKDOWN_SPECIAL.sub(r"\\\1", printable(one_line)), quote=False)


#: First characters that make a spreadsheet read a CSV cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, prefixed with ``'``; anything else as it is.

    Only text is changed (numbers stay numbers, so ``-5`` as a number is kept).

    Examples
    --------
    >>> print(csv_safe('=HYPERLINK("http://x")'), csv_safe("@SUM(1)"), csv_safe("1937/1938"), csv_safe(-5))
    '=HYPERLINK("http://x") '@SUM(1) 1937/1938 -5
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _safe_column(column: pd.Series) -> pd.Series:
    """:func:`csv_safe` over a column of text, as one string operation (a claims file has millions of cells).

    Examples
    --------
    >>> import pandas as pd
    >>> _safe_column(pd.Series(["=1+1", "1937", None, 5], dtype=object)).tolist()
    ["'=1+1", '1937', None, 5]
    """
    try:
        starts = column.str.startswith(FORMULA_START, na=False).astype(bool)
    except AttributeError:  # no text in the column at all
        return column.map(csv_safe)
    if not starts.any():
        return column
    out = column.copy()
    out[starts] = "'" + column[starts].astype(str)
    return out


def csv_safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells, index and column names pass :func:`csv_safe` (for every CSV written).

    Examples
    --------
    >>> import pandas as pd
    >>> csv_safe_frame(pd.DataFrame({"note": ["= 790,665 + 554,258", "ok"], "n": [-1, 2]})).values.tolist()
    [["'= 790,665 + 554,258", -1], ['ok', 2]]
    """
    import pandas as pd  # pandas: only when a frame is rendered (the text of `gulagstats check` needs none)

    def texts(values: Any) -> bool:  # object columns, and pandas' own string dtype (pyarrow)
        return values.dtype == object or pd.api.types.is_string_dtype(values.dtype)

    safe = frame.apply(lambda column: _safe_column(column) if texts(column) else column)
    safe.index = safe.index.map(csv_safe) if texts(safe.index) else safe.index
    safe.columns = [csv_safe(c) for c in frame.columns]
    return safe


def text_columns(frame: pd.DataFrame) -> list[list[str]]:
    """The rows of a frame as text (:func:`cell_text`), years by the schema's field types.

    Examples
    --------
    >>> import pandas as pd
    >>> text_columns(pd.DataFrame({"year": [1990], "low": [7000000.0]}))
    [['1990', '7,000,000']]
    """
    years = year_columns()
    flags = [str(c) in years for c in frame.columns]
    return [
        [cell_text(v, year) for v, year in zip(row, flags)]
        for row in frame.itertuples(index=False, name=None)
    ]


def _as_text_grid(
    frame: pd.DataFrame, index: bool, escape: Callable[[object], str] = printable
) -> tuple[list[str], list[list[str]]]:
    if index:
        frame = frame.reset_index()
    header = [escape(c) for c in frame.columns]
    rows = [[escape(c) for c in row] for row in text_columns(frame)]
    return header, rows


def terminal_width() -> int | None:
    """The width text tables fit: ``$COLUMNS`` if set, else the terminal's; ``None`` for a pipe or a file.

    A pipe gets whole lines (for ``grep`` and ``awk``); set ``COLUMNS`` to fold them anyway.

    Examples
    --------
    >>> import os
    >>> os.environ["COLUMNS"] = "80"; terminal_width()
    80
    >>> del os.environ["COLUMNS"]
    """
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        if sys.stdout.isatty():
            return os.get_terminal_size(sys.stdout.fileno()).columns
    return None


def fitted(text: str, indent: int = 0) -> str:
    """Lines of prose folded to :func:`terminal_width` (unchanged for a pipe), later lines indented.

    Examples
    --------
    >>> import os
    >>> os.environ["COLUMNS"] = "24"
    >>> print(fitted("explanation  7,000,000 executions in 1937", indent=13))
    explanation  7,000,000
                 executions
                 in 1937
    >>> del os.environ["COLUMNS"]
    """
    room = terminal_width()
    if room is None:
        return text
    return "\n".join(
        textwrap.fill(line, room, subsequent_indent=" " * indent, break_on_hyphens=False) or line
        for line in text.splitlines()
    )


#: A text column is folded no narrower than this (or its header).
NARROWEST_FOLD = 12
#: Before the columns are split into panels, text columns are folded down to this width at most.
COMFORTABLE_FOLD = 24
#: Between two columns of a text table.
GAP = "  "


def text_table(frame: pd.DataFrame, index: bool = False, max_width: int = 60, width: int | None = -1) -> str:
    """Align a frame in columns (numbers right-aligned), cutting very long cells, fitting ``width``.

    ``width`` (default: :func:`terminal_width`; ``None``: no limit): the text
    columns are folded onto more lines, widest first; if the table is still too
    wide, its columns are laid out in panels one under the other, each
    repeating the first column.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"period": ["1939-01-01"], "inmates": [1317195]})
    >>> print(text_table(frame, width=None))
    period        inmates
    ----------  ---------
    1939-01-01  1,317,195
    >>> frame = pd.DataFrame({"id": ["a"], "note": ["the camps and the colonies"], "n": [5]})
    >>> print(text_table(frame, width=20))
    id  note           n
    --  -------------  -
    a   the camps and  5
        the colonies
    """
    header, rows = _as_text_grid(frame, index)
    rows = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    numeric = [all(_looks_numeric(r[i]) for r in rows if r[i]) for i in range(len(header))]
    room = terminal_width() if width == -1 else width
    floors = [max([1] + [len(r[i]) for r in rows]) if numeric[i] else 0 for i in range(len(header))]
    if room is not None:  # fold the text columns; if that cannot fit, fold a little and lay out panels
        headed = [max(f, len(h)) if f else 0 for f, h in zip(floors, header)]  # a number's header not folded
        tight = _folded(widths, headed, room)
        fits = sum(tight) + len(GAP) * (len(tight) - 1) <= room
        widths = tight if fits else _folded(widths, headed, room, COMFORTABLE_FOLD)
    parts = []
    for columns in _panels(widths, room):
        mine_header = [header[i] for i in columns]
        mine_widths = [widths[i] for i in columns]
        mine_numeric = [numeric[i] for i in columns]
        if room is not None:
            mine_widths = _folded(mine_widths, [floors[i] for i in columns], room)
        mine_rows = [[r[i] for i in columns] for r in rows]
        parts.append(_aligned(mine_header, mine_rows, mine_widths, mine_numeric))
    return "\n\n".join(parts)


def _folded(widths: list[int], floors: list[int], room: int, narrowest: int = NARROWEST_FOLD) -> list[int]:
    """Column widths narrowed, widest first, until they fit ``room`` (if they can).

    A column of numbers is never narrower than its longest number (``floors``; its header
    folds); a column of text not below ``narrowest``.
    """
    widths = list(widths)
    excess = sum(widths) + len(GAP) * (len(widths) - 1) - room
    while excess > 0:
        narrowable = [i for i, w in enumerate(widths) if w > max(floors[i] or narrowest, 1)]
        if not narrowable:
            break
        widest = max(narrowable, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1
    return widths


def _panels(widths: list[int], room: int | None) -> list[list[int]]:
    """The columns of each panel: as many as fit ``room``, each panel after the first repeating column 0."""
    if room is None or sum(widths) + len(GAP) * (len(widths) - 1) <= room or len(widths) < 3:
        return [list(range(len(widths)))]
    panels: list[list[int]] = [[0]]
    for i in range(1, len(widths)):
        used = sum(widths[j] + len(GAP) for j in panels[-1])
        if used + widths[i] > room and len(panels[-1]) > 1:
            panels.append([0])
        panels[-1].append(i)
    return panels


def _aligned(header: list[str], rows: list[list[str]], widths: list[int], numeric: list[bool]) -> str:
    """The lines of one panel: header, rule, rows; a text cell wider than its column is folded."""

    def lines(cells: list[str], head: bool = False) -> list[str]:
        folded = [[c] if (num and not head) or len(c) <= w else textwrap.wrap(c, w, break_on_hyphens=False) or [""]
                  for c, w, num in zip(cells, widths, numeric)]
        height = max(len(f) for f in folded)
        return [
            GAP.join((f[k] if k < len(f) else "").rjust(w) if num else (f[k] if k < len(f) else "").ljust(w)
                     for f, w, num in zip(folded, widths, numeric)).rstrip()
            for k in range(height)
        ]

    out = [*lines(header, head=True), GAP.join("-" * w for w in widths)]
    for row in rows:
        out += lines(row)
    return "\n".join(out)


def _looks_numeric(text: str) -> bool:
    stripped = text.rstrip("p*?u").replace(",", "").replace("-", "", 1)
    return stripped.replace(".", "", 1).isdigit()


def markdown_table(frame: pd.DataFrame, index: bool = False) -> str:
    """A GitHub-flavoured Markdown table.

    Examples
    --------
    >>> import pandas as pd
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"period": ["1939-01-01"], "inmates": [1317195]})
    >>> print(markdown_table(frame))
    | period | inmates |
    |---|---|
    | 1939-01-01 | 1,317,195 |
    """
    header, rows = _as_text_grid(frame, index, markdown_text)
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def json_records(frame: pd.DataFrame, index: bool = False) -> str:
    """JSON records with ISO dates and null for missing values.

    Examples
    --------
    >>> import pandas as pd
    >>> import pandas as pd
    >>> print(json_records(pd.DataFrame({"inmates": [1317195, None]})))
    [
      {
        "inmates": 1317195.0
      },
      {
        "inmates": null
      }
    ]
    """
    if index:
        frame = frame.reset_index()
    return json.dumps(
        json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False)),
        indent=2,
        ensure_ascii=False,
    )


def data_dialect(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame written as ``data/`` writes its CSV: ``TRUE``/``FALSE``, whole numbers without ``.0``.

    Dates are written ISO by :func:`render`; missing values stay empty.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"preferred": pd.array([True, None], dtype="boolean"),
    ...                       "low": pd.array([7e6, 1.5], dtype="Float64")})
    >>> print(data_dialect(frame).to_csv(index=False).strip())
    preferred,low
    TRUE,7000000
    ,1.5
    """
    import numpy as np
    import pandas as pd

    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if pd.api.types.is_bool_dtype(column.dtype):
            flags = column.to_numpy(dtype=object, na_value=None)
            out[name] = np.where(pd.isna(column).to_numpy(), "", np.where(flags == True, "TRUE", "FALSE"))  # noqa: E712
        elif pd.api.types.is_float_dtype(column.dtype):  # as one array operation: a claims file has millions
            values = column.to_numpy(dtype=float, na_value=np.nan)
            whole = np.isfinite(values) & (values == np.round(values)) & (np.abs(values) < 2.0**53)
            text = np.full(len(values), "", dtype=object)
            text[whole] = values[whole].astype(np.int64).astype(str)
            other = ~whole & ~np.isnan(values)
            text[other] = [repr(float(v)) for v in values[other]]
            out[name] = text
    return out


def render(frame: pd.DataFrame, fmt: str, index: bool = False) -> str:
    """Render a frame in one of :data:`FORMATS`.

    Examples
    --------
    >>> import pandas as pd
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"period": ["1939-01-01"], "inmates": [1317195]})
    >>> print(render(frame, "csv"))
    period,inmates
    1939-01-01,1317195
    """

    if fmt == "csv":  # text that a spreadsheet would run as a formula is prefixed with '
        return csv_safe_frame(data_dialect(frame)).to_csv(index=index, date_format="%Y-%m-%d").rstrip("\n")
    if fmt == "json":
        return json_records(frame, index)
    if fmt == "markdown":
        return markdown_table(frame, index)
    return text_table(frame, index)


def marked_wide(wide: pd.DataFrame) -> pd.DataFrame:
    """A wide table with its provenance (``load(..., wide=True, provenance=True)``) as text with status marks.

    Each value is followed by the mark of its status (for text and markdown).

    Examples
    --------
    >>> import gulagstats
    >>> marked = marked_wide(gulagstats.load("appendix", wide=True, provenance=True))
    >>> marked.loc["1939", "gulag_camps inmates"], marked.loc["1934", "gulag_camps escapes"]   # confirmed: no mark
    ('1,317,195', '83,490?')
    """
    values, status = wide["value"], wide["status"]
    out = values.astype(object).copy()
    for col in values.columns:
        out[col] = [
            cell_text(v) + (STATUS_MARK.get(str(s), "") if cell_text(v) else "")
            for v, s in zip(values[col], status[col])
        ]
    return out
