"""`cockpit init DIR [--referential ID]`: a new project folder, commented in French."""

from __future__ import annotations

import argparse
import re
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "init", help="crée un dossier de projet à partir des modèles",
        description="Crée tous les fichiers d'un projet cockpit, commentés en français. "
        "N'écrase jamais un fichier existant.")
    parser.add_argument("dir", help="dossier du projet à créer (ou à compléter)")
    parser.add_argument("--referential", default="", metavar="ID",
                        help="référentiel visé (voir « cockpit referentials ») : ajoute les "
                        "documents qu'il attend")
    parser.add_argument("--title", default="", help="titre du projet")
    parser.set_defaults(run=run)


def _identifier(name: str) -> str:
    from cockpit.folder.fields import ascii_text

    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text(name)).strip("-").upper() or "PROJET"


def run(args: argparse.Namespace) -> int:
    from cockpit.folder.scaffold import available_overlays, scaffold

    target = Path(args.dir)
    if args.referential and args.referential not in available_overlays():
        known = ", ".join(available_overlays())
        print(f"cockpit : référentiel « {args.referential} » inconnu. Référentiels : {known}.")
        return 2
    if target.exists() and not target.is_dir():
        print(f"cockpit : « {target} » existe et n'est pas un dossier.")
        return 2
    target.mkdir(parents=True, exist_ok=True)
    name = target.resolve().name
    result = scaffold(target, {"id": _identifier(name), "title": args.title or name},
                      args.referential, args.today)
    for relative in result.created:
        print(f"  créé     {relative}")
    for relative in result.kept:
        print(f"  conservé {relative} (existe déjà, non modifié)")
    if args.referential and "cockpit.toml" in result.kept:
        print(f"\ncockpit.toml existait déjà et n'a pas été modifié : pour viser ce référentiel, "
              f"écrivez referential = \"{args.referential}\" dans sa table [project].")
    print(f"\nProjet prêt dans {target}. Étape suivante : « cockpit check {target} ».")
    return 0
