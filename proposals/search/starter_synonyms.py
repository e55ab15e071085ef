"""The synonym sets the bank starts with (migration 0013), from Swedish municipal and regional policy
language: abbreviations, everyday words beside official ones. Editors change them in the admin.

Each set: the terms (base forms; a term of several words finds ideas with all of them), and whether it is one
way (the first term finds the others, not the other way round).
"""

TWO_WAY = [
    # Abbreviations
    ("bvc", "barnavårdscentral"),
    ("mvc", "mödravårdscentral"),
    ("sfi", "svenska för invandrare"),
    ("umo", "ungdomsmottagning"),
    ("va", "vatten och avlopp"),
    ("kbt", "kognitiv beteendeterapi"),
    ("bup", "barnpsykiatri", "ungdomspsykiatri"),
    ("lss", "lagen om stöd och service"),
    ("sl", "storstockholms lokaltrafik"),
    ("komvux", "vuxenutbildning"),
    ("af", "arbetsförmedlingen"),
    ("fk", "försäkringskassan"),
    ("akassa", "arbetslöshetskassa"),
    ("ssk", "sjuksköterska"),
    ("usk", "undersköterska"),
    ("åvc", "återvinningscentral"),
    ("hbtq", "hbtqi", "hbt"),
    ("pplats", "parkeringsplats"),
    ("tbana", "tunnelbana"),
    ("1177", "vårdguiden", "sjukvårdsrådgivning"),
    ("soc", "socialtjänst", "socialförvaltning"),
    ("öp", "översiktsplan"),
    # School and childcare
    ("fritids", "fritidshem"),
    ("dagis", "förskola"),
    ("nattis", "nattöppen förskola", "kvällsöppen förskola"),
    ("gymnasium", "gymnasieskola"),
    ("läxhjälp", "läxläsning"),
    ("lärare", "pedagog"),
    ("rektor", "skolledare"),
    ("skolmat", "skollunch"),
    ("matsal", "skolrestaurang"),
    ("mobbning", "kränkning"),
    ("elevhälsa", "skolhälsovård"),
    ("vårdnadshavare", "förälder"),
    ("prao", "praktik"),
    ("kulturskola", "musikskola"),
    # Leisure and sport
    ("ungdomsgård", "fritidsgård"),
    ("simhall", "badhus"),
    ("idrottshall", "sporthall", "gymnastiksal"),
    ("konstgräsplan", "konstgräs"),
    ("fotbollsplan", "bollplan"),
    ("utegym", "utomhusgym"),
    ("lekplats", "lekpark"),
    ("grönområde", "grönyta"),
    ("fältassistent", "fältare"),
    ("sommarjobb", "feriearbete", "feriejobb"),
    ("ungdom", "tonåring"),
    ("pensionär", "senior"),
    # Streets, traffic and transport
    ("cykelbana", "cykelväg"),
    ("snabbcykelväg", "snabbcykelbana"),
    ("gatubelysning", "gatlykta", "gatljus"),
    ("trottoar", "gångbana"),
    ("övergångsställe", "zebralinje"),
    ("farthinder", "fartgupp", "gupp"),
    ("laddstolpe", "laddplats", "laddstation"),
    ("kollektivtrafik", "lokaltrafik"),
    ("spårvagn", "spårväg"),
    ("busskörfält", "bussfil"),
    ("pendelparkering", "infartsparkering"),
    ("trängselskatt", "biltull"),
    ("parkeringsböter", "felparkeringsavgift"),
    ("hastighetsgräns", "fartgräns"),
    ("färdtjänst", "riksfärdtjänst"),
    # Environment and climate
    ("solcell", "solpanel"),
    ("återvinning", "källsortering"),
    ("sopor", "avfall", "hushållsavfall"),
    ("nedskräpning", "skräp"),
    ("dagvatten", "regnvatten"),
    ("skyfall", "översvämning"),
    ("värmebölja", "hetta"),
    # Housing and planning
    ("allmännyttan", "kommunalt bostadsbolag"),
    ("hyresrätt", "hyreslägenhet"),
    ("renovering", "upprustning"),
    ("stambyte", "stamrenovering"),
    ("bygglov", "byggtillstånd"),
    ("trygghetsboende", "seniorboende"),
    ("äldreboende", "särskilt boende", "vårdboende"),
    ("hemlös", "bostadslös"),
    # Care, health and social services
    ("vårdcentral", "hälsocentral"),
    ("primärvård", "närsjukvård"),
    ("akuten", "akutmottagning"),
    ("sjukhus", "lasarett"),
    ("hemsjukvård", "sjukvård i hemmet"),
    ("tandvård", "tandläkare"),
    ("vaccination", "vaccinering", "vaccin"),
    ("äldreomsorg", "äldrevård"),
    ("demens", "demenssjukdom"),
    ("psykiatri", "psykvård"),
    ("missbruk", "beroende"),
    ("beroendevård", "missbruksvård"),
    ("funktionsnedsättning", "funktionshinder", "handikapp"),
    ("försörjningsstöd", "socialbidrag", "ekonomiskt bistånd"),
    ("ehälsa", "digital vård"),
    # Safety
    ("ordningsvakt", "väktare"),
    ("närpolis", "kommunpolis"),
    ("kameraövervakning", "övervakningskamera"),
    ("brottsförebyggande", "brottsprevention"),
    # Democracy and digital services
    ("medborgardialog", "samråd"),
    ("medborgarbudget", "deltagande budgetering"),
    ("bredband", "fiber"),
    ("wifi", "trådlöst nätverk"),
    ("etjänst", "digital tjänst"),
]

ONE_WAY = [
    ("snöskottning", "snöröjning"),
    ("skottning", "snöröjning"),
    ("plogning", "snöröjning"),
    ("sandning", "halkbekämpning"),
    ("alzheimer", "demens"),
    ("tippen", "återvinningscentral"),
    ("tvärbanan", "spårväg"),
    ("gympa", "idrott"),
    ("sommarlov", "lovaktiviteter"),
    ("gatlampa", "gatubelysning"),
]

STARTER_SYNONYMS = [(terms, False) for terms in TWO_WAY] + [(terms, True) for terms in ONE_WAY]


def starter_synonyms_load(synonym_model) -> int:
    """Store the starter sets that are not stored yet (by their terms); returns how many were added."""
    stored = {tuple(terms) for terms in synonym_model.objects.values_list("terms", flat=True)}
    added = [
        synonym_model(terms=list(terms), one_way=one_way)
        for terms, one_way in STARTER_SYNONYMS
        if tuple(terms) not in stored
    ]
    synonym_model.objects.bulk_create(added)
    return len(added)
