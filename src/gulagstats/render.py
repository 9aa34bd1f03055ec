"""Writing DataFrames for people and for pipes: text, csv, json, markdown."""

from __future__ import annotations

import html
import json
import math
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .errors import printable
from .vocabulary import STATUS_MARK, status_legend

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("text", "csv", "json", "markdown")

#: Marks appended to a value in text and markdown so that its status shows.

STATUS_LEGEND = status_legend()


def cell_text(value: Any) -> str:
    """A value as a person reads it: thousands separators, no trailing .0, blank for missing.

    Examples
    --------
    >>> cell_text(1317195.0), cell_text(34.5), cell_text(float("nan")), cell_text(True)
    ('1,317,195', '34.5', '', 'yes')
    """
    # a pandas or numpy value can only be here once pandas is loaded: the text reports
    # (``gulagstats check``) format plain Python values without importing it
    pd, np = sys.modules.get("pandas"), sys.modules.get("numpy")
    if value is None or (pd is not None and value is pd.NA) or (isinstance(value, float) and math.isnan(value)):
        return ""
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


def _as_text_grid(
    frame: pd.DataFrame, index: bool, escape: Callable[[object], str] = printable
) -> tuple[list[str], list[list[str]]]:
    if index:
        frame = frame.reset_index()
    header = [escape(c) for c in frame.columns]
    rows = [[escape(cell_text(v)) for v in row] for row in frame.itertuples(index=False, name=None)]
    return header, rows


def text_table(frame: pd.DataFrame, index: bool = False, max_width: int = 60) -> str:
    """Align a frame in columns (numbers right-aligned), cutting very long cells.

    Examples
    --------
    >>> import pandas as pd
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"period": ["1939-01-01"], "inmates": [1317195]})
    >>> print(text_table(frame))
    period        inmates
    ----------  ---------
    1939-01-01  1,317,195
    """
    header, rows = _as_text_grid(frame, index)
    rows = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    numeric = [all(_looks_numeric(r[i]) for r in rows if r[i]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric)).rstrip()

    out = [line(header), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
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
        return csv_safe_frame(frame).to_csv(index=index, date_format="%Y-%m-%d").rstrip("\n")
    if fmt == "json":
        return json_records(frame, index)
    if fmt == "markdown":
        return markdown_table(frame, index)
    return text_table(frame, index)


def marked_wide(values: pd.DataFrame) -> pd.DataFrame:
    """Wide values as text with a status mark after each (for text and markdown).

    Examples
    --------
    >>> import gulagstats
    >>> marked = marked_wide(gulagstats.load("appendix", wide=True))
    >>> marked.loc["1939", "gulag_camps inmates"]   # confirmed: no mark
    '1,317,195'
    """
    status = values.attrs["status"]
    out = values.astype(object).copy()
    for col in values.columns:
        out[col] = [
            cell_text(v) + (STATUS_MARK.get(str(s), "") if cell_text(v) else "")
            for v, s in zip(values[col], status[col])
        ]
    return out
