"""The views of the cockpit: mode name, key, French title, and the screen class that shows it.

Screens are imported only when a view is first shown, so the first paint stays fast.
"""

from __future__ import annotations

import importlib

from textual.screen import Screen

from cockpit.model.immutable import immutable


@immutable
class View:
    mode: str
    key: str
    title: str
    help: str
    target: str  # "module:Class" under cockpit.tui.screens

    def screen(self) -> Screen[None]:
        module, name = self.target.split(":")
        cls = getattr(importlib.import_module(f"cockpit.tui.screens.{module}"), name)
        return cls()  # type: ignore[no-any-return]


VIEWS = (
    View("dashboard", "t", "Tableau de bord",
         "Avancement, jalons, budget, risques majeurs, actions en retard, écarts",
         "dashboard:DashboardScreen"),
    View("wbs", "w", "WBS", "Organigramme des tâches : codes, durées, ressources ; édition",
         "wbs:WbsScreen"),
    View("gantt", "g", "Gantt", "Barres, jalons, chemin critique, référence, date d'état",
         "gantt:GanttScreen"),
    View("load", "c", "Charges", "Charge hebdomadaire par personne et surcharges", "load:LoadScreen"),
    View("budget", "b", "Budget", "Courbe en S (VP, VA, CR) et tableau de valeur acquise",
         "budget:BudgetScreen"),
    View("risks", "r", "Risques", "Matrice 5×5 et registre ; modifier un risque", "risks:RisksScreen"),
    View("actions", "a", "Actions", "Plan d'actions : filtres, actions en retard, solder",
         "actions:ActionsScreen"),
    View("meetings", "m", "Réunions", "Comptes rendus ; nouvelle réunion depuis le modèle",
         "meetings:MeetingsScreen"),
    View("indicators", "i", "Indicateurs", "Tendances face à la cible ; ajouter une mesure",
         "indicators:IndicatorsScreen"),
    View("registers", "k", "Registres",
         "Équipe, parties prenantes, instances, objectifs, indicateurs, communication, exigences",
         "registers:RegistersScreen"),
    View("documents", "x", "REX et documents", "Bilans, retours d'expérience et documents",
         "documents:DocumentsScreen"),
    View("gaps", "e", "Écarts", "Écarts au référentiel par capacité : preuves et manques",
         "gaps:GapsScreen"),
    View("diagnostics", "d", "Diagnostics", "Problèmes trouvés dans les fichiers du dossier",
         "diagnostics:DiagnosticsScreen"),
)
BY_MODE = {v.mode: v for v in VIEWS}
