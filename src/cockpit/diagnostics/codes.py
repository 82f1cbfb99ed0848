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
