"""Words of attribution: reporting verbs, report and organisation nouns, generic subjects."""

from __future__ import annotations

__all__ = ["GENERIC_SUBJECTS", "ORG_NOUNS", "REPORT_NOUNS", "ROLE_NOUNS", "VERBS"]

VERBS = (
    "said|says|say|reported|reports|revealed|reveals|found|finds|noted|notes|added|adds|wrote|"
    "estimate|"
    "writes|estimated|estimates|announced|announces|stated|states|told|argued|argues|claimed|"
    "claims|suggested|suggests|showed|shows|concluded|concludes|highlighted|highlights|"
    "acknowledged|acknowledges|confirmed|confirms|warned|warns|predicted|predicts|projected|"
    "projects|expects|expected|expect|analyzed|analysed|cited|cites|described|describes|called|"
    "explained|explains|observed|observes|documented|cautioned|cautions|insisted|insists|"
    "maintained|maintains|disclosed|discloses|published|publishes|paint|paints|painted|"
    "recommends|recommended|lists|listed|attributes|posted|testified|testifies|responded|"
    "replied|"
    # the same in Spanish, French and German: "…, asegura que…", "X a déclaré", "sagte X"
    "dijo|dice|afirmó|afirma|aseguró|asegura|explicó|explica|señaló|señala|indicó|añadió|añade|"
    "declaró|advirtió|advierte|informó|sostiene|sostuvo|apuntó|reconoció|reconoce|precisó|"
    "destacó|subrayó|remarca|remarcó|expone|expuso|denunció|denuncia|admitió|admite|"
    "déclaré|déclare|indiqué|expliqué|affirmé|affirme|précisé|précise|souligné|souligne|ajouté|"
    "ajoute|estimé|assuré|assure|rappelé|reconnu|raconte|raconté|"
    "sagte|erklärte|betonte|berichtete|berichtet|schreibt|schrieb|warnte|"
    # "put the subsidy at $3.10": an estimate, not "put the plan on hold"
    r"puts?(?=\s[^.;]{1,60}?\sat\s+(?:\w+\s+)?[$£€¥\d])"
)
REPORT_NOUNS = (
    "report|reports|reporting|post|piece|headline|article|story|analysis|analysts|economists|"
    "researchers|data|figures|numbers|index|survey|study|poll|forecast|statement|review|paper|"
    "note|estimates|research|guideline|guidelines|records|tally|database|investigation"
)
ORG_NOUNS = (
    "department|ministry|agency|office|bureau|co-op|cooperative|company|firm|group|authority|"
    "board|commission|council|committee|court|government|administration|institute|university|"
    "hospital|police|union|airline|carrier|bank|fund|organization|organisation|association|"
    "foundation|coalition|alliance|regulator|utility|county|city|state|service|center|centre|"
    "school|party|campaign|spokesperson|spokesman|spokeswoman|network|team|lab|laboratory|"
    "museum|agency|district|county’s|startup|retailer|chain|insurer|manufacturer|operator"
)
# Offices a person holds: "the city auditor" names its source even when no name precedes it.
ROLE_NOUNS = (
    "auditor|inspector|inspectorate|coroner|ombudsman|comptroller|treasurer|watchdog|"
    "prosecutor|minister|secretary|mayor|governor|judge|sheriff|spokesperson|spokesman|"
    "spokeswoman|commissioner|registrar|statistician|examiner"
)
GENERIC_SUBJECTS = frozenset(
    {"investigators", "researchers", "officials", "analysts", "experts", "scientists",
     "critics", "residents", "authorities", "studies", "data", "figures", "records", "reports",
     "sources", "documents", "people", "economists", "observers", "advocates", "lawyers",
     "doctors", "police", "prosecutors", "regulators", "lawmakers"}
)  # fmt: skip
