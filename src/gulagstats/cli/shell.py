"""Subcommand ``completion``: tab completion of gulagstats for bash, zsh, tcsh, fish or PowerShell.

The script is generated from the parser by shtab, so it completes every
subcommand and option that exists, and nothing else::

    gulagstats completion bash > ~/.local/share/bash-completion/completions/gulagstats
    gulagstats completion zsh > "${fpath[1]}/_gulagstats"
"""

from __future__ import annotations

import argparse

#: The shells shtab writes a completion script for.
SHELLS = ("bash", "zsh", "tcsh", "fish", "powershell")


def register_shell(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "completion",
        help="print a tab-completion script for your shell (bash, zsh, tcsh, fish, powershell)",
        description="Print a script that completes gulagstats' subcommands and options in your shell. "
        "bash: gulagstats completion bash > ~/.local/share/bash-completion/completions/gulagstats; "
        'zsh: gulagstats completion zsh > "${fpath[1]}/_gulagstats".',
    )
    p.add_argument("shell", choices=SHELLS, help="the shell")
    p.set_defaults(func=cmd_completion)


def cmd_completion(args: argparse.Namespace) -> int:
    import shtab  # only this command needs it

    print(shtab.complete(args.root_parser, shell=args.shell).rstrip("\n"))
    return 0
