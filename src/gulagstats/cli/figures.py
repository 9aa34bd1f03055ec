"""Subcommand that draws the figures: figures."""

from __future__ import annotations

import argparse

from ..api import draw_figures
from .data import add_overlay

FIGURE_HELP = "A,B,C,D (GRZ Figures A-D), mortality, sentences, disagreement, estimates"


def register_figures(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "figures",
        help="draw GRZ Figures A-D and the figures the article lacked (PNG, SVG, PDF)",
        description="Draw GRZ Figures A-D from the data, and the figures the article lacked (camp mortality, "
        "secret-police sentences, where sources disagree, published estimates against the archives). "
        "Each value is drawn in the style of its status; the footer names the sources. Also writes "
        "figures.json, the data each figure plots.",
    )
    p.add_argument("--out", metavar="DIR", default="figures", help="directory to write to (default: ./figures)")
    p.add_argument(
        "--format", metavar="FORMATS", default="png,svg", help="comma-separated: png, svg, pdf (default: png,svg)"
    )
    p.add_argument("--only", metavar="NAMES", help=f"comma-separated figures to draw: {FIGURE_HELP}")
    add_overlay(p)
    p.set_defaults(func=cmd_figures)


def cmd_figures(args: argparse.Namespace) -> int:
    for path in draw_figures(args.out, args.format, args.only, args.overlay):
        print(path)
    return 0
