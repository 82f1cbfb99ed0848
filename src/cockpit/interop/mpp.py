""".mpp files (MS Project's own binary format), read through MPXJ, an optional extra.

MPXJ is a Java library; its PyPI package `mpxj` bundles the jars and drives them with
JPype. It needs a Java runtime (17 or later). MPXJ reads the .mpp file and writes it as
MSPDI, which `cockpit.interop.mspdi` then reads like any MS Project XML file: one reader,
one mapping, the same reports of what cannot be represented.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path
from typing import Any

from cockpit.interop import InteropError

HOW_TO_ENABLE = (
    "Lire un fichier .mpp demande Java (version 17 ou plus) et l'extension MPXJ de cockpit : "
    "installez Java (par exemple « sudo apt install default-jre »), puis "
    "« pip install 'cockpit[mpp]' ». Sans cela, enregistrez le projet au format XML depuis "
    "MS Project (Fichier > Enregistrer sous > Format XML) ou ProjectLibre, et importez ce "
    "fichier .xml.")


def java_available() -> bool:
    home = os.environ.get("JAVA_HOME")
    return shutil.which("java") is not None or bool(home and Path(home, "bin", "java").exists())


def mpxj_installed() -> bool:
    return all(importlib.util.find_spec(name) is not None for name in ("jpype", "mpxj"))


def why_unavailable() -> str | None:
    """None when .mpp files can be read; otherwise what is missing, in French."""
    if not mpxj_installed():
        return "l'extension MPXJ n'est pas installée. " + HOW_TO_ENABLE
    if not java_available():
        return "Java est introuvable. " + HOW_TO_ENABLE
    return None


def start_jvm() -> Any:
    """Start the JVM once per process with MPXJ's jars on the class path; the jpype module."""
    missing = why_unavailable()
    if missing is not None:
        raise InteropError(missing)
    import jpype
    import mpxj  # noqa: F401  (adds MPXJ's jars to the class path)

    if not jpype.isJVMStarted():
        try:
            jpype.startJVM()
        except (OSError, RuntimeError) as error:
            raise InteropError(f"Java n'a pas pu démarrer ({error}). " + HOW_TO_ENABLE) from error
    return jpype


def mpp_to_mspdi(path: Path) -> bytes:
    """The project of a .mpp (or any file MPXJ reads) as MSPDI bytes."""
    jpype = start_jvm()
    from java.io import ByteArrayOutputStream
    from org.mpxj.mspdi import MSPDIWriter
    from org.mpxj.reader import UniversalProjectReader

    try:
        project = UniversalProjectReader().read(str(path))
    except jpype.JException as error:
        raise InteropError(f"MPXJ ne sait pas lire « {path} » : {error.message()}. "
                           "Rien n'a été écrit.") from error
    if project is None:
        raise InteropError(f"« {path} » n'est pas un fichier de projet que MPXJ reconnaît. "
                           "Rien n'a été écrit.")
    stream = ByteArrayOutputStream()
    MSPDIWriter().write(project, stream)
    return bytes(stream.toByteArray())
