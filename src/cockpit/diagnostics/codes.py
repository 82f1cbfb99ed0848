"""The codes of file-format problems, found while the folder is read (F…)."""

from cockpit.diagnostics.diagnostic import Severity
from cockpit.diagnostics.registry import define

ERROR, WARNING = Severity.ERROR, Severity.WARNING

ENCODING = define(
    "F001", ERROR, "Fichier non encodé en UTF-8",
    "Tous les fichiers du dossier sont du texte UTF-8. Un fichier enregistré en Latin-1 ou "
    "Windows-1252 (souvent par Excel) ne peut pas être lu de façon sûre.",
    "costs.csv enregistré par Excel en « CSV (séparateur : point-virgule) » : les accents "
    "deviennent illisibles.",
    "Réenregistrez le fichier en UTF-8 (Excel : « CSV UTF-8 » ; éditeur : Encodage > UTF-8).",
)
TOML_SYNTAX = define(
    "F002", ERROR, "Syntaxe TOML invalide",
    "Le fichier ne respecte pas la syntaxe TOML : rien de ce qu'il contient ne peut être lu "
    "tant que l'erreur n'est pas corrigée.",
    'name = Cahier des charges      # texte sans guillemets\nname = "Cahier des charges"    # correct',
    "Corrigez la ligne indiquée : texte entre guillemets, dates AAAA-MM-JJ, listes entre [ ].",
)
CSV_STRUCTURE = define(
    "F003", ERROR, "Journal CSV mal formé",
    "Un journal CSV a une ligne d'en-tête (les noms de colonnes de FORMAT.md), des virgules "
    "comme séparateur, et le même nombre de champs sur chaque ligne.",
    "date;task;percent      # point-virgule au lieu de virgule\ndate,task,percent,comment",
    "Reprenez l'en-tête attendu et séparez les champs par des virgules.",
)
FRONT_MATTER = define(
    "F004", ERROR, "En-tête de document absent ou invalide",
    "Un compte rendu ou un document commence par un en-tête TOML entre deux lignes `+++`, "
    "qui donne au moins `title`, `date` et `kind`.",
    '+++\ntitle = "COPIL n°2"\ndate = 2026-03-12\nkind = "copil"\n+++',
    "Ajoutez en tête du fichier un bloc +++ … +++ avec title, date et kind.",
)
WRONG_TYPE = define(
    "F005", ERROR, "Type de valeur incorrect",
    "Chaque champ attend un type : texte entre guillemets, nombre, date AAAA-MM-JJ, "
    "booléen (true/false) ou liste entre crochets.",
    'rate = "520 €"     # texte\nrate = 520         # nombre',
    "Écrivez la valeur avec le type attendu (voir docs/format.md).",
)
BAD_DATE = define(
    "F006", ERROR, "Date impossible ou illisible",
    "Les dates s'écrivent AAAA-MM-JJ et doivent exister dans le calendrier.",
    "due = 2026-02-30   # il n'y a pas de 30 février\ndue = 2026-02-27",
    "Écrivez une date qui existe, au format AAAA-MM-JJ.",
)
OUT_OF_RANGE = define(
    "F007", ERROR, "Valeur hors des bornes",
    "Certaines valeurs ont des bornes : probabilité et impact de 1 à 5, intérêt et influence "
    "de 1 à 3, disponibilité entre 0 et 1, montants positifs, pourcentage de 0 à 100.",
    "probability = 7    # l'échelle va de 1 à 5",
    "Ramenez la valeur dans les bornes indiquées.",
)
MISSING_FIELD = define(
    "F008", ERROR, "Champ obligatoire absent",
    "Chaque enregistrement a un identifiant `id` et un libellé (`name`, `title`, `what`, "
    "`statement` ou `text` selon le registre) ; le projet a un `id`, un `title` et un `start`.",
    '[[action]]\nwhat = "Relancer le fournisseur"   # pas d\'id\n\n[[action]]\nid = "A3"\n'
    'what = "Relancer le fournisseur"',
    "Ajoutez le champ manquant.",
)
BAD_DURATION = define(
    "F009", ERROR, "Durée illisible",
    "Une durée ou un décalage est un nombre suivi d'une unité : j ou d (jours ouvrés), "
    "s ou w (semaines de 5 jours), h (heures, arrondies au jour supérieur).",
    'duration = "dix jours"\nduration = "10j"',
    "Écrivez par exemple « 8j », « 2s » ou « 4h ».",
)
BAD_DEPENDENCY = define(
    "F010", ERROR, "Dépendance ou affectation illisible",
    "Une dépendance s'écrit « tâche [TYPE][±décalage] » (types FD/FS, DD/SS, FF, DF/SF) ; "
    "une affectation « membre[:part%] ».",
    'after = ["cdc après 2 jours"]\nafter = ["cdc FD+2j"]\nresources = ["cmartin:50%"]',
    "Reprenez la syntaxe « cdc FD+2j » pour une dépendance, « cmartin:50% » pour une ressource.",
)
UNKNOWN_KEY = define(
    "F011", WARNING, "Clé inconnue",
    "La clé n'appartient pas au format : souvent une faute de frappe. Elle est conservée "
    "telle quelle quand cockpit enregistre le fichier, mais elle n'est pas lue.",
    'statut = "fait"    # la clé est status',
    "Corrigez le nom de la clé (voir la suggestion) ou supprimez-la.",
)
UNKNOWN_VALUE = define(
    "F012", WARNING, "Valeur inconnue dans une liste de codes",
    "Certains champs prennent leurs valeurs dans une liste fermée (type de réunion, "
    "catégorie de risque, statut d'action, fréquence...). Une autre valeur est gardée mais "
    "ne sera pas comprise par les analyses.",
    'kind = "comité"    # kind = "copil"',
    "Choisissez une valeur de la liste (voir la suggestion).",
)
FILE_NAME = define(
    "F013", WARNING, "Nom de compte rendu sans sa date",
    "Un compte rendu se nomme AAAA-MM-JJ-sujet.md, avec la date de son en-tête : "
    "les réunions se trient alors d'elles-mêmes.",
    "meetings/copil.md dont l'en-tête dit date = 2026-03-12 → meetings/2026-03-12-copil.md",
    "Renommez le fichier (git mv) pour qu'il commence par la date de la réunion.",
)
UNREADABLE = define(
    "F014", ERROR, "Fichier illisible",
    "Le fichier existe mais ne peut pas être ouvert (droits, dossier à la place d'un fichier).",
    "wbs.toml est un dossier",
    "Vérifiez les droits du fichier et qu'il s'agit bien d'un fichier texte.",
)
EXPECTED_FIELD = define(
    "F015", WARNING, "Champ attendu par le référentiel absent",
    "Le format n'exige pas ce champ, mais le référentiel s'appuie dessus : une action sans "
    "responsable ou sans échéance, un objectif sans indicateur, une tâche sans ressource, "
    "un canal de communication sans fréquence ne prouvent pas le critère correspondant.",
    '[[action]]\nid = "A3"\nwhat = "Relancer le fournisseur"\nwho = "bdupont"\ndue = 2026-04-10',
    "Complétez le champ : il est compté comme écart dans le rapport du référentiel.",
)
DUPLICATE_ID = define(
    "F016", ERROR, "Identifiant en double",
    "Les identifiants sont uniques dans leur registre ; équipe, parties prenantes et instances "
    "de gouvernance partagent un même espace de noms.",
    '[[task]]\nid = "essais"\n...\n[[task]]\nid = "essais"    # renommez-la "essais-2"',
    "Donnez un identifiant unique à l'un des deux enregistrements.",
)
LINK_REFUSED = define(
    "F017", ERROR, "Lien symbolique refusé",
    "Un lien symbolique du dossier qui mène hors du projet (vers un fichier personnel, "
    "/proc/self/environ, ...) n'est jamais suivi : un dossier partagé ne doit pas faire lire à "
    "cockpit des fichiers qui ne sont pas les siens. Un lien brisé ou qui boucle est signalé de "
    "même. Les liens qui restent dans le dossier sont lus normalement.",
    "docs/notes.md -> /home/tuteur/.ssh/id_rsa",
    "Remplacez le lien par une copie du fichier dans le dossier du projet, ou supprimez-le.",
)
NOT_A_FILE = define(
    "F018", ERROR, "Pas un fichier ordinaire",
    "À la place d'un fichier du projet se trouve un tube nommé (FIFO), un périphérique ou une "
    "socket, ou bien un fichier à la place d'un dossier (meetings, docs, rex, decisions) : "
    "cockpit ne le lit pas, et le registre correspondant est vide.",
    "meetings est un fichier au lieu du dossier des comptes rendus",
    "Remplacez-le par un fichier texte (ou par un dossier pour meetings/, docs/, rex/, "
    "decisions/).",
)
TOO_LARGE = define(
    "F019", ERROR, "Fichier trop gros",
    "Un fichier de projet s'écrit à la main : au-delà de 32 Mo, il n'est pas lu, pour que "
    "cockpit réponde en quelques secondes et en mémoire bornée.",
    "costs.csv de 200 Mo exporté d'un ERP",
    "Découpez le fichier, ou gardez hors du dossier du projet les exports volumineux.",
)
HAZARDOUS_MARKDOWN = define(
    "F020", WARNING, "Document Markdown lu ligne à ligne",
    "Une ligne de plus de 10 000 caractères, ou des citations et listes imbriquées sur plus de "
    "1 000 niveaux, ne sont pas confiées à l'analyseur Markdown : le document n'est lu que "
    "pour ses titres « # », hors blocs de code.",
    "une ligne de 50 000 « > » collée par erreur",
    "Coupez la ligne, ou retirez l'imbrication excessive.",
)
