"""`cockpit rule [CODE]`: what a diagnostic code means, with an example."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("rule", help="explique un code de diagnostic",
                                   description="Sans code : la liste des codes. Avec un code : "
                                   "son explication et un exemple.")
    parser.add_argument("code", nargs="?", help="code, par exemple F009")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cockpit.check.table import RULES

    if not args.code:
        for code in sorted(RULES):
            rule = RULES[code]
            print(f"{code}  {rule.severity.french:<14} {rule.title}")
        return 0
    rule = RULES.get(args.code.upper())
    if rule is None:
        print(f"cockpit : code « {args.code} » inconnu ; « cockpit rule » les liste tous.")
        return 2
    print(f"{rule.code} ({rule.severity.french}) — {rule.title}\n")
    print(rule.explanation)
    if rule.example:
        print("\nExemple :\n")
        print("\n".join(f"    {line}" for line in rule.example.splitlines()))
    if rule.hint:
        print(f"\nÀ faire : {rule.hint}")
    return 0
