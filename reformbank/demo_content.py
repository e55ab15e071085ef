"""The demo district: believable members, reform ideas, answers, comments and an agenda, written record by record.

Every idea is one `Idea`: its title, summary, problem, body, tags, answer and comments are about one topic
(`Topic`), and tests/reformbank/test_demo.py checks that mechanically. The benchmark's many ideas are these
records again, moved to other municipalities (`bench_idea`), so even 100,000 ideas read as real proposals.
"""

import random
import re
from dataclasses import dataclass

REGION = "01"


@dataclass(frozen=True)
class Topic:
    """What an idea is about: its policy area, the words any text about it uses, the tags it may carry."""

    area: str
    words: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Comment:
    """A top-level comment on an idea (`author` is a demo member's name) and its replies (author, text)."""

    author: str
    text: str
    replies: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, kw_only=True)
class Idea:
    """One reform idea of the demo, written as a whole. `places` are place codes (REGION for the region);
    `author` a demo member's name; `derived_from` and `duplicate_of` the key of another idea."""

    key: str
    topic: str
    places: tuple[str, ...]
    author: str
    title: str
    summary: str
    problem: str
    body: str
    tags: tuple[str, ...]
    status: str = "new"
    answer: str = ""
    comments: tuple[Comment, ...] = ()
    derived_from: str = ""
    duplicate_of: str = ""
    days_ago: int = 30

    @property
    def area(self) -> str:
        return TOPICS[self.topic].area


TOPICS = {
    # Skola och utbildning
    "laxhjalp": Topic(
        "skola-och-utbildning",
        ("läxhjälp", "läxor", "läxläsning", "plugga"),
        ("läxhjälp", "grundskola", "jämlik skola"),
    ),
    "elevhalsa": Topic(
        "skola-och-utbildning",
        ("elevhälsa", "kurator", "skolskötersk", "speciallärare", "psykolog"),
        ("elevhälsa", "speciallärare", "grundskola", "psykisk hälsa"),
    ),
    "skolbibliotek": Topic(
        "skola-och-utbildning",
        ("skolbibliotek", "bibliotekarie", "läsning", "läsa", "böcker"),
        ("skolbibliotek", "läsning", "grundskola"),
    ),
    "lovskola": Topic(
        "skola-och-utbildning",
        ("lovskola", "sommarskola", "lovet", "loven"),
        ("lovskola", "grundskola", "betyg"),
    ),
    "skolval": Topic(
        "skola-och-utbildning",
        ("skolval", "skolkö", "skolplacering", "segregation", "friskol", "vinst"),
        ("skolval", "skolsegregation", "friskolor", "jämlik skola"),
    ),
    "klasstorlek": Topic(
        "skola-och-utbildning",
        ("klass", "lärare", "lärar", "lågstadi"),
        ("lärare", "grundskola", "klasstorlek"),
    ),
    "vuxenutbildning": Topic(
        "skola-och-utbildning",
        ("komvux", "vuxenutbildning", "yrkesutbildning", "yrkesvux"),
        ("komvux", "vuxenutbildning", "yrkesutbildning"),
    ),
    # Förskola och barnomsorg
    "nattis": Topic(
        "forskola-och-barnomsorg",
        ("obekväm", "kvälls", "kvällar", "helg", "nattis", "nattöppen"),
        ("barnomsorg", "nattis", "obekväma arbetstider"),
    ),
    "barngrupper": Topic(
        "forskola-och-barnomsorg",
        ("barngrupp", "förskollärare", "barnskötare"),
        ("förskola", "barngrupper", "förskollärare"),
    ),
    "forskola_sprak": Topic(
        "forskola-och-barnomsorg",
        ("förskola", "förskolan", "språk"),
        ("förskola", "språkutveckling", "jämlikhet"),
    ),
    # Bostäder och stadsbyggnad
    "hyresratter": Topic(
        "bostader-och-stadsbyggnad",
        ("hyresrätt", "hyror", "hyran", "bostadsbolag", "bygga", "bostäder"),
        ("hyresrätter", "bostadsbyggande", "allmännyttan"),
    ),
    "allmannyttan": Topic(
        "bostader-och-stadsbyggnad",
        ("allmännytt", "utförsälj", "ombildning", "bostadsbolag"),
        ("allmännyttan", "hyresrätter", "utförsäljning"),
    ),
    "renovering": Topic(
        "bostader-och-stadsbyggnad",
        ("renover", "upprustning", "hyreshöjning", "stambyte"),
        ("renovering", "hyresgäster", "miljonprogrammet"),
    ),
    "ungdomsbostader": Topic(
        "bostader-och-stadsbyggnad",
        ("ungdomsbostäder", "studentbostäder", "unga vuxna", "första bostad", "unga"),
        ("ungdomsbostäder", "studentbostäder", "hyresrätter"),
    ),
    "bostadsformedling": Topic(
        "bostader-och-stadsbyggnad",
        ("bostadsförmedling", "bostadskö", "bostadskön", "kötid"),
        ("bostadskö", "bostadsförmedling", "hyresrätter"),
    ),
    # Kollektivtrafik och infrastruktur
    "busstrafik": Topic(
        "kollektivtrafik-och-infrastruktur",
        ("buss", "linje", "hållplats", "avgång", "turtäthet"),
        ("busstrafik", "kollektivtrafik", "SL", "turtäthet"),
    ),
    "cykel": Topic(
        "kollektivtrafik-och-infrastruktur",
        ("cykel", "cykla", "cyklist"),
        ("cykelbanor", "cykel", "snöröjning"),
    ),
    "sl_pris": Topic(
        "kollektivtrafik-och-infrastruktur",
        ("sl-kort", "biljett", "periodkort", "taxa", "pris", "avgiftsfri", "gratis"),
        ("SL", "kollektivtrafik", "biljettpris"),
    ),
    "spartrafik": Topic(
        "kollektivtrafik-och-infrastruktur",
        ("pendeltåg", "tunnelbana", "tvärbana", "spårväg", "roslagsban", "tåg", "spår", "station"),
        ("pendeltåg", "tunnelbana", "kollektivtrafik", "spårtrafik"),
    ),
    "batar": Topic(
        "kollektivtrafik-och-infrastruktur",
        ("båt", "pendelbåt", "skärgård", "brygg"),
        ("pendelbåtar", "skärgården", "kollektivtrafik"),
    ),
    # Vård och hälsa
    "vardcentral": Topic(
        "vard-och-halsa",
        ("vårdcentral", "läkar", "primärvård", "distriktssköterska"),
        ("vårdcentral", "primärvård", "fast läkarkontakt"),
    ),
    "ungdomsmottagning": Topic(
        "vard-och-halsa",
        ("ungdomsmottagning",),
        ("ungdomsmottagning", "unga", "sexuell hälsa"),
    ),
    "psykiatri": Topic(
        "vard-och-halsa",
        ("psykisk", "psykiatri", "bup", "ångest", "depression"),
        ("psykisk hälsa", "BUP", "psykiatri"),
    ),
    "forlossning": Topic(
        "vard-och-halsa",
        ("förlossning", "barnmorsk", "gravid", "eftervård"),
        ("förlossningsvård", "barnmorskor", "kvinnors hälsa"),
    ),
    "akuten": Topic(
        "vard-och-halsa",
        ("akut", "väntetid", "närakut"),
        ("akuten", "väntetider", "närakut"),
    ),
    "tandvard": Topic(
        "vard-och-halsa",
        ("tandvård", "tänder", "tandläkar"),
        ("tandvård", "folkhälsa"),
    ),
    # Äldreomsorg
    "hemtjanst": Topic(
        "aldreomsorg",
        ("hemtjänst",),
        ("hemtjänst", "kontinuitet", "undersköterskor"),
    ),
    "aldreboende": Topic(
        "aldreomsorg",
        ("äldreboende", "trygghetsboende", "boende"),
        ("äldreboende", "trygghetsboende", "äldre"),
    ),
    "ensamhet": Topic(
        "aldreomsorg",
        ("ensam", "träffpunkt", "mötesplats", "social samvaro"),
        ("ensamhet", "träffpunkter", "äldre"),
    ),
    # Socialtjänst och funktionsstöd
    "hemloshet": Topic(
        "socialtjanst-och-funktionsstod",
        ("hemlös", "bostad först", "härbärge"),
        ("hemlöshet", "bostad först", "socialtjänst"),
    ),
    "lss": Topic(
        "socialtjanst-och-funktionsstod",
        ("lss", "daglig verksamhet", "funktionsnedsättning", "assistans", "gruppbostad"),
        ("LSS", "daglig verksamhet", "funktionsstöd"),
    ),
    "vald": Topic(
        "socialtjanst-och-funktionsstod",
        ("våld", "kvinnojour", "skyddat boende"),
        ("mäns våld mot kvinnor", "kvinnojour", "socialtjänst"),
    ),
    # Klimat och miljö
    "solceller": Topic(
        "klimat-och-miljo",
        ("solcell", "solenergi", "solpanel"),
        ("solceller", "energi", "klimat"),
    ),
    "laddstolpar": Topic(
        "klimat-och-miljo",
        ("ladd", "elbil"),
        ("laddstolpar", "elbilar", "klimat"),
    ),
    "trad": Topic(
        "klimat-och-miljo",
        ("träd", "grönska", "park", "grönyt"),
        ("träd", "grönområden", "klimatanpassning"),
    ),
    "skolmat": Topic(
        "klimat-och-miljo",
        ("mat", "måltid", "kök"),
        ("skolmat", "klimat", "livsmedel"),
    ),
    "natur": Topic(
        "klimat-och-miljo",
        ("naturreservat", "skog", "strand", "stränder", "natur"),
        ("naturreservat", "friluftsliv", "biologisk mångfald"),
    ),
    # Arbete och näringsliv
    "sommarjobb": Topic(
        "arbete-och-naringsliv",
        ("sommarjobb", "feriejobb"),
        ("sommarjobb", "unga", "arbete"),
    ),
    "heltid": Topic(
        "arbete-och-naringsliv",
        ("heltid", "deltid", "delade turer", "schema"),
        ("heltid", "arbetsvillkor", "välfärdens personal"),
    ),
    "upphandling": Topic(
        "arbete-och-naringsliv",
        ("upphandl", "kollektivavtal", "avtalsvillkor"),
        ("upphandling", "kollektivavtal", "schyssta villkor"),
    ),
    "bemanning": Topic(
        "arbete-och-naringsliv",
        ("timanställ", "visstid", "bemanning", "fast anställ", "fasta tjänster"),
        ("trygga anställningar", "bemanning", "arbetsvillkor"),
    ),
    # Trygghet
    "faltassistenter": Topic(
        "trygghet",
        ("fältassistent", "fältarbet", "fältare", "nattvandr"),
        ("fältassistenter", "trygghet", "ungdomar"),
    ),
    "belysning": Topic(
        "trygghet",
        ("belysning", "belyst", "mörk", "trygghetsvandring", "lampor"),
        ("belysning", "trygghet", "trygghetsvandring"),
    ),
    "gang": Topic(
        "trygghet",
        ("gäng", "kriminell", "rekryter", "avhopp"),
        ("gängkriminalitet", "brottsförebyggande", "trygghet"),
    ),
    # Kultur och fritid
    "kulturskola": Topic(
        "kultur-och-fritid",
        ("kulturskola", "instrument", "dans", "teater"),
        ("kulturskola", "barn och unga", "kultur"),
    ),
    "bibliotek": Topic(
        "kultur-och-fritid",
        ("bibliotek", "bokbuss"),
        ("bibliotek", "läsning", "kultur"),
    ),
    "fritidsgard": Topic(
        "kultur-och-fritid",
        ("fritidsgård", "fritidsledare", "ungdomens hus"),
        ("fritidsgård", "fritid", "ungdomar"),
    ),
    # Idrott och folkhälsa
    "idrottshall": Topic(
        "idrott-och-folkhalsa",
        ("idrottshall", "hall", "träningstid", "spontanidrott", "idrottsplats", "konstgräs"),
        ("idrottshall", "föreningsliv", "spontanidrott"),
    ),
    "simning": Topic(
        "idrott-och-folkhalsa",
        ("sim", "badhus", "simhall"),
        ("simkunnighet", "badhus", "folkhälsa"),
    ),
    "rorelse": Topic(
        "idrott-och-folkhalsa",
        ("rörelse", "rör sig", "fysisk aktivitet", "motion", "idrott"),
        ("fysisk aktivitet", "folkhälsa", "idrott"),
    ),
    # Integration och jämlikhet
    "sfi": Topic(
        "integration-och-jamlikhet",
        ("sfi", "svenska", "nyanlända", "språk"),
        ("sfi", "integration", "svenskundervisning"),
    ),
    "jamstalldhet": Topic(
        "integration-och-jamlikhet",
        ("jämställd", "lön", "kvinnor"),
        ("jämställdhet", "lika lön", "jämlikhet"),
    ),
    "mentorskap": Topic(
        "integration-och-jamlikhet",
        ("mentor", "förebild", "nätverk"),
        ("mentorskap", "integration", "unga"),
    ),
    # Demokrati och delaktighet
    "medborgarbudget": Topic(
        "demokrati-och-delaktighet",
        ("medborgarbudget", "budget", "bestämma"),
        ("medborgarbudget", "delaktighet", "demokrati"),
    ),
    "ungdomsrad": Topic(
        "demokrati-och-delaktighet",
        ("ungdomsråd", "ungdomsfullmäktige", "unga"),
        ("ungdomsråd", "unga", "demokrati"),
    ),
    "medborgarkontor": Topic(
        "demokrati-och-delaktighet",
        ("medborgarkontor", "servicekontor", "samhällsservice", "myndighet"),
        ("medborgarkontor", "service", "delaktighet"),
    ),
}

# The demo's members: name and home municipality (place code). Ideas and comments name them as authors.
MEMBERS = [
    ("Anna Lindqvist", "0127"),
    ("Erik Johansson", "0136"),
    ("Fatima Hassan", "0180"),
    ("Johan Berglund", "0181"),
    ("Karin Nyström", "0126"),
    ("Mohammed Ali", "0180"),
    ("Sara Ekström", "0182"),
    ("Lars Holmberg", "0188"),
    ("Elin Sundqvist", "0123"),
    ("Ahmed Yusuf", "0183"),
    ("Ingrid Wallin", "0138"),
    ("Oskar Lundgren", "0163"),
    ("Leila Karimi", "0180"),
    ("Per Engström", "0114"),
    ("Emma Sjöberg", "0184"),
    ("Nils Åberg", "0191"),
    ("Amira Haddad", "0127"),
    ("Gustav Nordin", "0120"),
    ("Hanna Björk", "0180"),
    ("Yusuf Demir", "0181"),
    ("Birgitta Holm", "0192"),
    ("Tomas Fransson", "0139"),
    ("Marie Lund", "0117"),
    ("Daniel Öberg", "0115"),
    ("Sofia Rahimi", "0136"),
    ("Kjell Backman", "0140"),
    ("Linnea Strand", "0160"),
    ("Ali Mahmoud", "0180"),
    ("Eva Granath", "0186"),
    ("Jonas Falk", "0128"),
    ("Malin Axelsson", "0125"),
    ("Robert Lindahl", "0162"),
    ("Aisha Omar", "0126"),
    ("Stig Persson", "0187"),
    ("Helena Virtanen", "0180"),
    ("Rasmus Eklund", "0182"),
]
# The demo login `medlem@example.se` (Maria Medlem) lives in Huddinge and has a few ideas of her own.
MEMBER_LOGIN = "Maria Medlem"


IDEAS = [
    # ── Skola och utbildning ──────────────────────────────────────────────────────────────────────────────
    Idea(
        key="laxhjalp-botkyrka",
        topic="laxhjalp",
        places=("0127",),
        author="Anna Lindqvist",
        title="Läxhjälp varje eftermiddag på alla skolor i Botkyrka",
        summary="Alla grundskolor i Botkyrka ska erbjuda läxhjälp med behöriga lärare fyra eftermiddagar i veckan.",
        problem="Elever vars föräldrar inte kan hjälpa till med läxorna halkar efter. I Alby och Fittja "
        "lämnar var tredje elev nian utan behörighet till gymnasiet.",
        body="Läxhjälpen ska vara en del av skoldagen, inte något föräldrarna måste ordna själva.\n\n"
        "- Läxhjälp måndag till torsdag kl. 15–17 på varje grundskola\n"
        "- Behöriga lärare och lärarstudenter, inte bara volontärer\n"
        "- Mellanmål ingår, så att ingen går hungrig från läxläsningen\n\n"
        "Det kostar ungefär 12 miljoner kronor om året, mindre än en procent av skolans budget.",
        tags=("läxhjälp", "grundskola", "jämlik skola"),
        status="selected",
        comments=(
            Comment(
                author="Amira Haddad",
                text="Mina barn går på Fittjaskolan där läxhjälpen lades ner förra året. Det märks direkt.",
                replies=(
                    ("Anna Lindqvist", "Precis det jag hört från flera föräldrar. Tack för att du skriver!"),
                ),
            ),
            Comment(
                author="Jonas Falk",
                text="Bra att läxhjälpen ska ha behöriga lärare. Hur räknar ni med att rekrytera dem?",
                replies=(
                    (
                        "Anna Lindqvist",
                        "Lärarstudenter från Södertörn och lärare som vill gå upp i tid – flera har frågat.",
                    ),
                ),
            ),
        ),
        days_ago=160,
    ),
    Idea(
        key="laxhjalp-bibliotek",
        topic="laxhjalp",
        places=("0127",),
        author="Amira Haddad",
        title="Läxhjälp på biblioteken även under loven",
        summary="Läxhjälpen i Botkyrka ska fortsätta på biblioteken under sport-, påsk- och höstlovet.",
        problem="När skolan har lov står eleverna utan läxhjälp, just när många behöver plugga ikapp inför "
        "prov och nationella prov.",
        body="Idén bygger vidare på förslaget om läxhjälp på alla skolor. Under loven flyttar läxhjälpen till "
        "biblioteken i Alby, Fittja, Hallunda och Tumba, med samma lärare som under terminen.\n\n"
        "Biblioteken har redan lokalerna och öppettiderna. Det som behövs är lärartimmar.",
        tags=("läxhjälp", "grundskola"),
        derived_from="laxhjalp-botkyrka",
        days_ago=40,
    ),
    Idea(
        key="laxhjalp-jarfalla",
        topic="laxhjalp",
        places=("0123",),
        author="Elin Sundqvist",
        title="Digital läxhjälp på kvällstid för högstadieelever i Järfälla",
        summary="Järfälla kommun ska erbjuda läxhjälp via chatt och video på kvällar, med kommunens egna lärare.",
        problem="Många högstadieelever gör läxorna på kvällen, när ingen vuxen i skolan finns att fråga.",
        body="Kommunen anställer lärare som bemannar en digital läxhjälp söndag till torsdag kl. 18–21. "
        "Eleverna loggar in med sitt skolkonto.\n\n"
        "Läxhjälpen ska vara ett komplement till läxhjälpen i skolan, inte ersätta den.",
        tags=("läxhjälp", "grundskola"),
        status="under_review",
        days_ago=75,
    ),
    Idea(
        key="elevhalsa-haninge",
        topic="elevhalsa",
        places=("0136",),
        author="Sofia Rahimi",
        title="Kurator och skolsköterska på plats varje dag på alla skolor i Haninge",
        summary="Varje skola i Haninge ska ha kurator och skolsköterska på plats alla skoldagar, inte en dag i veckan.",
        problem="I dag delar flera skolor på samma kurator. Elever som mår dåligt får vänta veckor på ett samtal.",
        body="Elevhälsan ska finnas där eleverna är. Vi föreslår att Haninge kommun:\n\n"
        "1. anställer så många kuratorer och skolsköterskor att varje skola har dem på plats varje dag,\n"
        "2. fördelar elevhälsans resurser efter behov, så att skolorna i Jordbro och Brandbergen får mer.\n\n"
        "Tidiga samtal med en kurator är billigare än insatser när problemen har vuxit.",
        tags=("elevhälsa", "psykisk hälsa", "grundskola"),
        status="selected",
        comments=(
            Comment(
                author="Erik Johansson",
                text="Som lärare i Jordbro ser jag varje vecka elever som skulle behöva träffa kuratorn samma dag.",
            ),
        ),
        days_ago=140,
    ),
    Idea(
        key="specialpedagog-sodertalje",
        topic="elevhalsa",
        places=("0181",),
        author="Yusuf Demir",
        title="En speciallärare per 100 elever i Södertäljes grundskolor",
        summary="Södertälje ska ha minst en speciallärare per hundra elever, så att stödet kommer tidigt.",
        problem="Elever med läs- och skrivsvårigheter upptäcks för sent och får stöd av en speciallärare först i högstadiet.",
        body="Tidigt stöd av en speciallärare i lågstadiet gör att fler lär sig läsa i tid. Vi vill att "
        "kommunen sätter en miniminivå: en speciallärare per 100 elever, fördelad efter skolornas behov.\n\n"
        "Kommunen kan bekosta utbildningen för lärare som vill bli speciallärare.",
        tags=("speciallärare", "grundskola"),
        days_ago=22,
    ),
    Idea(
        key="skolbibliotek-stockholm",
        topic="skolbibliotek",
        places=("0180",),
        author="Hanna Björk",
        title="Bemannat skolbibliotek på varje skola i Stockholms stad",
        summary="Varje skola i Stockholm ska ha ett skolbibliotek med en utbildad bibliotekarie minst halvtid.",
        problem="Var fjärde elev i staden går i en skola utan bemannat skolbibliotek, oftast i ytterstaden.",
        body="Läsning är grunden för allt annat lärande. Ett skolbibliotek med bibliotekarie lockar elever att "
        "läsa mer och lär dem att söka och värdera källor.\n\n"
        "Staden ska finansiera bibliotekarietjänsterna centralt så att inga skolor behöver välja mellan "
        "böcker och lärare.",
        tags=("skolbibliotek", "läsning", "grundskola"),
        status="answered",
        answer="Tack, Hanna! Stadsdistriktets styrelse delar målet att alla elever ska ha ett bemannat "
        "skolbibliotek. Kravet finns redan i vårt budgetförslag för staden, och vi tar med din beskrivning av "
        "skolbibliotekens läge i ytterstaden till gruppen i stadshuset.",
        comments=(
            Comment(
                author="Leila Karimi",
                text="I Rinkeby är skolbiblioteket ofta det enda stället med lugn att läsa. Viktig idé.",
            ),
        ),
        days_ago=200,
    ),
    Idea(
        key="lovskola-norrtalje",
        topic="lovskola",
        places=("0188",),
        author="Lars Holmberg",
        title="Lovskola på sommaren för alla som riskerar att inte bli behöriga i Norrtälje",
        summary="Norrtälje kommun ska erbjuda två veckors lovskola i juni till alla elever i åk 8 och 9 som "
        "riskerar underkänt.",
        problem="Elever på landsbygden har långt till den enda lovskolan i centralorten och hoppar ofta av.",
        body="Lovskolan ska finnas i Rimbo, Hallstavik och Norrtälje stad, med skolskjuts. Eleverna får lunch "
        "och undervisning i små grupper av sina egna lärare när det går.\n\n"
        "En lovskola som når alla kan vara skillnaden mellan gymnasiet och ingenting.",
        tags=("lovskola", "betyg", "grundskola"),
        status="under_review",
        days_ago=60,
    ),
    Idea(
        key="skolval-stockholm",
        topic="skolval",
        places=("0180",),
        author="Fatima Hassan",
        title="En gemensam skolkö för alla skolor i Stockholm, även friskolorna",
        summary="Alla skolor i staden, kommunala som fristående, ska ta in elever genom en gemensam skolkö "
        "som staden sköter.",
        problem="Friskolornas egna köer gynnar familjer som ställer barnen i kö från födseln, och skolvalet "
        "ökar segregationen.",
        body="En gemensam skolkö med samma regler för alla skolor gör skolvalet rättvisare. Syskonförtur och "
        "närhet ska gälla, men inte kötid från födseln.\n\n"
        "Staden kan inte själv besluta om friskolornas köer; därför ska vi driva frågan i riksdagen och "
        "under tiden erbjuda friskolorna att frivilligt ansluta sig.",
        tags=("skolval", "skolsegregation", "friskolor"),
        status="selected",
        comments=(
            Comment(
                author="Mohammed Ali",
                text="Kötid från födseln är inte ett val, det är ett privilegium. Stöder skolkön fullt ut.",
            ),
            Comment(
                author="Helena Virtanen",
                text="Viktigt att skolkön också tar hänsyn till syskon – annars blir det omöjligt för barnfamiljer.",
                replies=(("Fatima Hassan", "Ja, syskonförtur finns med i förslaget."),),
            ),
        ),
        days_ago=190,
    ),
    Idea(
        key="skolval-vinster",
        topic="skolval",
        places=(REGION,),
        author="Mohammed Ali",
        title="Stoppa vinstuttaget ur skolan – ett krav från hela länet",
        summary="Länets distrikt ska gemensamt driva att skattepengar till skolan stannar i skolan och inte "
        "går till vinst i friskolekoncernerna.",
        problem="Skolkoncerner tar ut vinster samtidigt som kommunernas skolor får skära ned, och "
        "friskolornas etableringar följer lönsamhet i stället för behov.",
        body="Frågan beslutas i riksdagen, men länets kommuner märker följderna varje dag. Vi vill att "
        "distrikten ger stad- och länsbänken i uppdrag att lägga fram förslag om att\n\n"
        "- skolpengen ska gå till undervisning och inte till vinst,\n"
        "- kommunerna ska få säga nej till nya friskolor som ökar segregationen.",
        tags=("friskolor", "skolsegregation", "jämlik skola"),
        status="answered",
        answer="Tack för idén. Båda distriktsstyrelserna står bakom kravet att stoppa vinstuttaget ur skolan, "
        "och det finns redan i partiets program. Vi skickar ditt förslag om kommunernas veto mot nya friskolor "
        "vidare till stad- och länsbänken.",
        days_ago=250,
    ),
    Idea(
        key="klasser-solna",
        topic="klasstorlek",
        places=("0184",),
        author="Emma Sjöberg",
        title="Högst 20 elever per klass i lågstadiet i Solna",
        summary="Klasserna i lågstadiet i Solna ska ha högst 20 elever, så att läraren hinner se varje barn.",
        problem="Klasserna i Solnas lågstadium har vuxit till 28–30 elever när staden byggts ut utan att "
        "nya skolor kommit i samma takt.",
        body="Med mindre klasser i lågstadiet hinner lärarna upptäcka den som inte knäckt läskoden. "
        "Vi föreslår ett tak på 20 elever per klass i förskoleklass till årskurs 3 och att nya skolor "
        "planeras i takt med bostäderna.",
        tags=("klasstorlek", "lärare", "grundskola"),
        days_ago=12,
    ),
    Idea(
        key="larare-administration",
        topic="klasstorlek",
        places=("0126",),
        author="Karin Nyström",
        title="Lärarassistenter så att lärarna i Huddinge kan ägna sig åt undervisningen",
        summary="Huddinge ska anställa lärarassistenter som tar över administration och rastvakt från lärarna.",
        problem="Lärare lägger en femtedel av arbetstiden på administration i stället för undervisning.",
        body="Lärarassistenter kan sköta frånvarorapportering, kopiering, rastvakter och kontakt om "
        "praktiska frågor. Då får lärarna tid att planera och ge återkoppling.\n\n"
        "Försöket i Farsta i Stockholm visar att lärarna fick tillbaka ungefär fyra timmar i veckan.",
        tags=("lärare", "grundskola"),
        days_ago=35,
    ),
    Idea(
        key="komvux-vard",
        topic="vuxenutbildning",
        places=("0181",),
        author="Johan Berglund",
        title="Yrkesvux med lön för undersköterskor i Södertälje",
        summary="Södertälje ska erbjuda yrkesutbildning till undersköterska på komvux där eleverna får lön "
        "under utbildningen.",
        problem="Vården och omsorgen behöver undersköterskor, men vuxna med familj har inte råd att gå en "
        "yrkesutbildning utan inkomst.",
        body="Kommunen anställer eleverna som vårdbiträden på deltid och betalar lön under utbildningen på "
        "komvux. Efter examen erbjuds fast anställning.\n\n"
        "Modellen har prövats i Örebro och gav fler som fullföljde vuxenutbildningen.",
        tags=("komvux", "yrkesutbildning", "vuxenutbildning"),
        days_ago=120,
    ),
    Idea(
        key="komvux-distans",
        topic="vuxenutbildning",
        places=("0187",),
        author="Stig Persson",
        title="Komvux på distans för boende i Vaxholm",
        summary="Vaxholm ska köpa platser i en distansutbildning på komvux så att vuxna slipper pendla in "
        "till Stockholm.",
        problem="Vaxholm har ingen egen vuxenutbildning, och resan till kurserna tar över en timme.",
        body="Genom avtal med grannkommunerna kan Vaxholmsborna läsa komvux på distans, med en lokal "
        "studieverkstad på biblioteket där man kan få hjälp.",
        tags=("komvux", "vuxenutbildning"),
        days_ago=8,
    ),
    # ── Förskola och barnomsorg ───────────────────────────────────────────────────────────────────────────
    Idea(
        key="nattis-sodertalje",
        topic="nattis",
        places=("0181",),
        author="Johan Berglund",
        title="Nattöppen förskola i Södertälje för föräldrar som jobbar obekväma tider",
        summary="Minst en förskola i varje kommundel i Södertälje ska ha öppet kvällar, nätter och helger.",
        problem="Undersköterskor, bussförare och lagerarbetare med obekväma arbetstider har ingen "
        "barnomsorg när de jobbar kväll eller helg. Många ensamstående tackar nej till heltid.",
        body="Kommunen ska erbjuda omsorg på obekväm arbetstid (nattis) i Geneta, Ronna, Järna och "
        "centrum. Personalen ska ha samma utbildning som på dagtid.\n\n"
        "Den som jobbar på sjukhuset eller på Scania ska inte behöva välja bort heltid för att "
        "kvällsomsorgen saknas.",
        tags=("nattis", "barnomsorg", "obekväma arbetstider"),
        status="selected",
        comments=(
            Comment(
                author="Yusuf Demir",
                text="Min fru jobbar kvällar på Södertälje sjukhus. Utan nattis hade hon fått gå ner i tid.",
            ),
        ),
        days_ago=170,
    ),
    Idea(
        key="nattis-sodertalje-igen",
        topic="nattis",
        places=("0181",),
        author="Birgitta Holm",
        title="Nattöppen förskola i Södertälje för föräldrar som jobbar obekväma tider",
        summary="Södertälje behöver barnomsorg på kvällar och helger för alla som jobbar skift.",
        problem="Det finns i dag bara en förskola med kvällsöppet i hela kommunen.",
        body="Jag föreslår att kommunen öppnar fler förskolor med kvällsöppet och helgöppet, så att "
        "föräldrar som jobbar skift kan ta heltidsjobb.",
        tags=("nattis", "barnomsorg"),
        status="declined",
        answer="Tack Birgitta! Samma förslag om nattöppen förskola i Södertälje finns redan i banken och är "
        "utvalt till reformagendan. Vi går vidare med det och ber dig stödja och kommentera det i stället, "
        "så samlas stödet på ett ställe.",
        duplicate_of="nattis-sodertalje",
        days_ago=90,
    ),
    Idea(
        key="nattis-stockholm",
        topic="nattis",
        places=("0180",),
        author="Ali Mahmoud",
        title="Barnomsorg på kvällar och helger i alla stadsdelar i Stockholm",
        summary="Varje stadsdelsområde i Stockholm ska ha minst en förskola med omsorg på kvällar och helger.",
        problem="I dag finns kvällsomsorg bara i sex av stadens stadsdelsområden, och köerna är långa.",
        body="Stadens egen personal i vården, kollektivtrafiken och handeln jobbar kvällar och helger. "
        "Kvällsomsorgen ska finnas nära hemmet, inte på andra sidan staden.",
        tags=("barnomsorg", "nattis", "obekväma arbetstider"),
        status="under_review",
        days_ago=55,
    ),
    Idea(
        key="barngrupper-tyreso",
        topic="barngrupper",
        places=("0138",),
        author="Ingrid Wallin",
        title="Högst 15 barn i förskolans barngrupper i Tyresö",
        summary="Tyresö kommun ska följa Skolverkets riktmärke för barngruppernas storlek: högst 15 barn i grupperna med de äldre "
        "förskolebarnen och 12 med de yngre.",
        problem="Barngrupperna i Tyresös förskolor har i snitt 19 barn, och personalen hinner inte se varje barn.",
        body="Mindre barngrupper ger lugnare dagar och bättre lärande. Vi vill att kommunen:\n\n"
        "- inför ett tak för barngruppernas storlek,\n"
        "- anställer fler förskollärare och barnskötare,\n"
        "- bygger de förskolor som behövs i Trollbäcken och Bollmora.",
        tags=("barngrupper", "förskola", "förskollärare"),
        status="answered",
        answer="Tack, Ingrid. Länsdistriktets styrelse står bakom Skolverkets riktmärken för barngruppernas "
        "storlek, och partiet i Tyresö har redan lagt ett budgetförslag om fler förskollärare. Vi tar med "
        "idén om ett tak för barngrupperna i reformagendans skolavsnitt.",
        days_ago=210,
    ),
    Idea(
        key="barngrupper-nacka",
        topic="barngrupper",
        places=("0182",),
        author="Rasmus Eklund",
        title="Fler utbildade förskollärare i Nackas förskolor",
        summary="Nacka ska betala förskollärarutbildning för barnskötare som vill vidareutbilda sig.",
        problem="Bara en tredjedel av personalen i Nackas förskolor är förskollärare, och barngrupperna är stora.",
        body="Kommunen ska erbjuda barnskötare att läsa till förskollärare på arbetstid med bibehållen lön. "
        "Det ger fler förskollärare och gör att barngrupperna kan delas.",
        tags=("förskollärare", "förskola"),
        days_ago=28,
    ),
    Idea(
        key="forskola-sprak-sigtuna",
        topic="forskola_sprak",
        places=("0191",),
        author="Nils Åberg",
        title="Uppsökande verksamhet så att fler barn i Märsta börjar förskolan",
        summary="Sigtuna ska knacka dörr och informera familjer så att alla barn från tre år går i förskolan.",
        problem="Många barn med annat modersmål än svenska börjar skolan utan att ha gått i förskolan och "
        "har svårt med språket.",
        body="Förskolan är den bästa språkskolan. Kommunen ska anställa språkstödjare som besöker nyblivna "
        "föräldrar och berättar om förskolan på deras eget språk, i samarbete med BVC och öppna förskolan.",
        tags=("förskola", "språkutveckling"),
        status="under_review",
        days_ago=65,
    ),
    Idea(
        key="oppen-forskola-vallentuna",
        topic="forskola_sprak",
        places=("0115",),
        author="Daniel Öberg",
        title="Öppen förskola i Vallentuna även på lördagar",
        summary="Den öppna förskolan i Vallentuna ska ha öppet på lördagar så att båda föräldrarna kan komma.",
        problem="Den öppna förskolan har bara öppet vardagar och når nästan bara föräldralediga mammor.",
        body="Med lördagsöppet kan även pappor och föräldrar som jobbar komma till öppna förskolan, träffa "
        "andra familjer och få tips om barnens språk och lek.",
        tags=("förskola", "jämlikhet"),
        days_ago=5,
    ),
    # ── Bostäder och stadsbyggnad ─────────────────────────────────────────────────────────────────────────
    Idea(
        key="hyresratter-sundbyberg",
        topic="hyresratter",
        places=("0183",),
        author="Ahmed Yusuf",
        title="Sundbyberg ska bygga 300 hyresrätter med rimliga hyror om året",
        summary="Kommunens bostadsbolag Förvaltaren ska bygga minst 300 nya hyresrätter per år, med hyror som "
        "en undersköterska har råd med.",
        problem="Nyproduktionen i Sundbyberg är nästan bara bostadsrätter, och nybyggda hyresrätter kostar "
        "över 14 000 kronor i månaden för en trea.",
        body="Kommunen äger marken och bostadsbolaget. Det räcker för att bygga hyresrätter med rimliga hyror:\n\n"
        "- markanvisningar för hyresrätter till lägre tomträttsavgäld,\n"
        "- Förvaltaren bygger minst 300 lägenheter om året,\n"
        "- enklare standard där hyresgästerna vill det.",
        tags=("hyresrätter", "bostadsbyggande", "allmännyttan"),
        status="selected",
        comments=(
            Comment(
                author="Emma Sjöberg",
                text="Solna har samma problem. Kanske kan kommunerna bygga hyresrätter ihop?",
            ),
            Comment(
                author="Tomas Fransson",
                text="Bra. Men glöm inte hyresrätter för dem som jobbar i Sundbyberg och inte bara bor där.",
            ),
        ),
        days_ago=150,
    ),
    Idea(
        key="hyresratter-lan",
        topic="hyresratter",
        places=(REGION,),
        author="Tomas Fransson",
        title="Ett bostadsbyggande i hela länet där hyresrätten är norm",
        summary="Regionens planering ska styra mot att minst hälften av alla nya bostäder i länet blir hyresrätter.",
        problem="Länet bygger bostäder för dem som redan har ett kapital. Unga och låginkomsttagare står utanför.",
        body="Region Stockholm tar fram den regionala utvecklingsplanen. Där ska det stå att minst hälften "
        "av nya bostäder ska vara hyresrätter, och regionen ska samordna kommunernas bostadsbolag så att "
        "de kan bygga tillsammans.",
        tags=("hyresrätter", "bostadsbyggande"),
        status="under_review",
        days_ago=80,
    ),
    Idea(
        key="hyresratter-taby",
        topic="hyresratter",
        places=("0160",),
        author="Linnea Strand",
        title="Täby behöver hyresrätter, inte bara villor och bostadsrätter",
        summary="Täby kommun ska anvisa mark för minst 200 hyresrätter i Täby park och Roslags-Näsby.",
        problem="Bara en tiondel av bostäderna i Täby är hyresrätter. Unga som växt upp här kan inte bo kvar.",
        body="När Täby park byggs ut ska en stor del bli hyresrätter. Kommunen kan ställa krav vid "
        "markanvisning. Det behövs också hyresrätter för den personal som jobbar i Täbys skolor och omsorg.",
        tags=("hyresrätter", "bostadsbyggande"),
        days_ago=18,
    ),
    Idea(
        key="allmannyttan-vasby",
        topic="allmannyttan",
        places=("0114",),
        author="Per Engström",
        title="Stoppa utförsäljningen av allmännyttan i Upplands Väsby",
        summary="Upplands Väsby ska inte sälja fler lägenheter ur det kommunala bostadsbolaget Väsbyhem.",
        problem="Hundratals hyresrätter i allmännyttan har sålts ut eller ombildats. Kön till Väsbyhem har vuxit till åtta år.",
        body="Allmännyttan är kommunens viktigaste verktyg för att alla ska ha en bostad. Vi vill att "
        "fullmäktige beslutar att inga fler utförsäljningar sker, och att Väsbyhem i stället bygger nytt.",
        tags=("allmännyttan", "utförsäljning", "hyresrätter"),
        status="answered",
        answer="Tack Per! Länsdistriktets styrelse står helt bakom att allmännyttan inte ska säljas ut. "
        "Partiet i Upplands Väsby har drivit samma sak i fullmäktige, och vi lyfter kravet i reformagendans "
        "bostadsavsnitt.",
        comments=(
            Comment(
                author="Daniel Öberg",
                text="Samma sak hände i Vallentuna. När allmännyttan väl är såld kommer den aldrig tillbaka.",
            ),
        ),
        days_ago=230,
    ),
    Idea(
        key="allmannyttan-stockholm",
        topic="allmannyttan",
        places=("0180",),
        author="Helena Virtanen",
        title="Allmännyttan i Stockholm ska bygga 2 000 lägenheter om året",
        summary="Stadens tre bostadsbolag ska tillsammans påbörja minst 2 000 hyresrätter varje år.",
        problem="Stadens bostadsbolag bygger för lite, och bostadskön i Stockholm har över 800 000 personer.",
        body="Allmännyttans bolag Stockholmshem, Svenska Bostäder och Familjebostäder har starka balansräkningar. Staden som "
        "ägare ska ge dem ett tydligt byggmål: 2 000 nya hyresrätter om året, varav en del med lägre "
        "standard och hyra.",
        tags=("allmännyttan", "hyresrätter"),
        status="selected",
        days_ago=175,
    ),
    Idea(
        key="renovering-jarfalla",
        topic="renovering",
        places=("0123",),
        author="Elin Sundqvist",
        title="Renovera Jakobsberg utan hyreschocker",
        summary="Hyresgästerna i Järfällas miljonprogramsområden ska själva kunna välja renoveringsnivå och "
        "därmed hyreshöjning.",
        problem="Efter stambyten har hyrorna i delar av Jakobsberg höjts med 40 procent, och många har "
        "tvingats flytta.",
        body="Renoveringar ska göras i dialog med hyresgästerna:\n\n"
        "- alltid ett alternativ med bara nödvändig upprustning,\n"
        "- hyreshöjningen fasas in över fem år,\n"
        "- ingen ska behöva flytta från sitt område på grund av en renovering.",
        tags=("renovering", "hyresgäster", "miljonprogrammet"),
        status="selected",
        comments=(
            Comment(
                author="Malin Axelsson",
                text="Vi bodde i Jakobsberg under renoveringen. Att få välja standard hade gjort stor skillnad.",
            ),
        ),
        days_ago=130,
    ),
    Idea(
        key="renovering-stockholm",
        topic="renovering",
        places=("0180",),
        author="Leila Karimi",
        title="Renoveringar i Järvaområdet ska göras med hyresgästerna",
        summary="Stockholms stads bostadsbolag ska låta hyresgästerna i Rinkeby och Tensta vara med och bestämma om "
        "renoveringarna.",
        problem="Många hyresgäster i Järva får veta om renoveringen först när hyreshöjningen kommer.",
        body="Bostadsbolagen ska hålla möten på flera språk och låta varje hushåll välja mellan en enklare och "
        "en mer omfattande renovering. Hyresgästföreningen ska vara med från början.",
        tags=("renovering", "hyresgäster"),
        days_ago=25,
    ),
    Idea(
        key="ungdomsbostader-huddinge",
        topic="ungdomsbostader",
        places=("0126",),
        author=MEMBER_LOGIN,
        title="Ungdomsbostäder nära pendeltåget i Huddinge",
        summary="Huddinge ska bygga 500 ungdomsbostäder för unga vuxna 18–25 år nära pendeltågsstationerna "
        "i Flemingsberg och Stuvsta.",
        problem="Unga vuxna i Huddinge bor kvar hemma långt upp i 20-årsåldern, eftersom de inte har kötid.",
        body="Ungdomsbostäder med korta kontrakt ger unga en första bostad och frigör lägenheter. De ska "
        "ligga nära pendeltåg och buss så att man kan ta sig till jobb och studier.\n\n"
        "Kommunens bostadsbolag Huge kan bygga dem på egen mark.",
        tags=("ungdomsbostäder", "studentbostäder", "hyresrätter"),
        status="under_review",
        comments=(
            Comment(
                author="Aisha Omar",
                text="Min son är 24 och bor fortfarande hemma. Ungdomsbostäder i Flemingsberg vore perfekt.",
            ),
        ),
        days_ago=45,
    ),
    Idea(
        key="studentbostader-solna",
        topic="ungdomsbostader",
        places=("0184",),
        author="Emma Sjöberg",
        title="Studentbostäder vid Karolinska i Solna",
        summary="Solna ska ge mark för 800 studentbostäder nära Karolinska institutet och universitetssjukhuset.",
        problem="Studenter på Karolinska får pendla långt eller betala ockerhyror i andra hand, eftersom studentbostäder saknas.",
        body="Kommunen kan anvisa mark i Hagastaden och Frösunda till studentbostadsstiftelser. Unga som "
        "studerar till sjuksköterska eller läkare ska ha råd att bo nära.",
        tags=("studentbostäder", "ungdomsbostäder"),
        days_ago=14,
    ),
    Idea(
        key="bostadsformedling-lan",
        topic="bostadsformedling",
        places=(REGION,),
        author="Rasmus Eklund",
        title="En gemensam bostadsförmedling för alla kommuner i länet",
        summary="Alla länets kommuner ska gå med i Stockholms stads bostadsförmedling, så att det finns en "
        "bostadskö för hela länet.",
        problem="Varje kommun och bostadsbolag har sin egen kö. Den som flyttar inom länet får börja om i "
        "bostadskön.",
        body="Bostadsmarknaden är regional. En gemensam bostadsförmedling gör det lättare att flytta dit "
        "jobben finns, och kötiden följer med oavsett kommun.\n\n"
        "Region Stockholm kan samordna och kommunerna betala efter antal lägenheter de förmedlar.",
        tags=("bostadskö", "bostadsförmedling"),
        status="answered",
        answer="Tack Rasmus. Styrelsen ser fördelarna med en gemensam bostadsförmedling och kö för hela "
        "länet. Frågan ligger hos kommunerna; vi har skickat idén till arbetarekommunerna och ber dem "
        "återkomma med hur långt de kan gå.",
        days_ago=260,
    ),
    Idea(
        key="bostadsformedling-nacka",
        topic="bostadsformedling",
        places=("0182",),
        author="Sara Ekström",
        title="Nacka ska förmedla alla sina hyresrätter genom bostadskön",
        summary="Alla hyresrätter i Nacka, även privata värdars, ska förmedlas via en öppen bostadskö.",
        problem="Många lägenheter i Nacka förmedlas via kontakter eller interna köer, utan att gå via bostadskön.",
        body="Nacka kommun kan kräva att hyresrätter som byggs på kommunal mark förmedlas genom "
        "bostadsförmedlingen. Det gör bostadskön rättvis och öppen.",
        tags=("bostadskö", "bostadsförmedling"),
        status="declined",
        answer="Tack Sara. Vi delar målet om en öppen bostadskö, men kommunen kan inte tvinga privata värdar "
        "att förmedla befintliga lägenheter genom bostadsförmedlingen. Vi går i stället vidare med kravet "
        "på nya hyresrätter på kommunal mark, som finns i idén om en gemensam bostadsförmedling för länet.",
        days_ago=100,
    ),
    # ── Kollektivtrafik och infrastruktur ─────────────────────────────────────────────────────────────────
    Idea(
        key="buss-haninge",
        topic="busstrafik",
        places=("0136",),
        author="Erik Johansson",
        title="Tätare busstrafik på kvällar i Haninge",
        summary="Bussarna mellan Handen, Jordbro och Vendelsö ska gå minst var 15:e minut till midnatt.",
        problem="Efter klockan 20 går flera busslinjer i Haninge bara en gång i timmen. Den som jobbar kväll "
        "blir stående vid hållplatsen eller tar bilen.",
        body="Region Stockholm ska öka turtätheten på kvällstid på linjerna 807, 809 och 819, som binder ihop "
        "Handen, Jordbro och Vendelsö med pendeltåget.\n\n"
        "- en avgång minst var 15:e minut till kl. 24,\n"
        "- bussarna ska passa pendeltågen i Handen,\n"
        "- väntande resenärer ska se när nästa buss kommer.",
        tags=("busstrafik", "kollektivtrafik", "turtäthet"),
        status="selected",
        comments=(
            Comment(
                author="Sofia Rahimi",
                text="Jag jobbar kvällar på Haninge centrum och väntar ofta 40 minuter på bussen hem till Vendelsö.",
                replies=(
                    ("Erik Johansson", "Precis sådana exempel behövs när vi driver frågan i regionen."),
                ),
            ),
            Comment(
                author="Birgitta Holm",
                text="Bra! Samma sak behövs för bussarna till Nynäshamn på helgerna.",
            ),
        ),
        days_ago=180,
    ),
    Idea(
        key="nattbuss-haninge",
        topic="busstrafik",
        places=("0136", "0192"),
        author="Birgitta Holm",
        title="Nattbuss mellan Haninge och Nynäshamn alla nätter",
        summary="En nattbuss ska gå varje timme mellan Handen och Nynäshamn alla nätter, inte bara helger.",
        problem="Pendeltåget till Nynäshamn går inte på natten, och den som jobbar natt har ingen buss hem.",
        body="Idén bygger vidare på förslaget om tätare busstrafik på kvällar i Haninge. När kvällsbussarna "
        "slutar ska en nattbuss ta över och stanna vid de största hållplatserna längs väg 73.\n\n"
        "Nattbussen behövs för vårdpersonal, hamnarbetare och unga på väg hem.",
        tags=("busstrafik", "kollektivtrafik"),
        derived_from="buss-haninge",
        days_ago=50,
    ),
    Idea(
        key="buss-norrtalje",
        topic="busstrafik",
        places=("0188",),
        author="Lars Holmberg",
        title="Behåll busslinjerna på landsbygden i Norrtälje",
        summary="Region Stockholm ska inte dra in fler busslinjer i Norrtäljes landsbygd och skärgård.",
        problem="Flera busslinjer till byar runt Norrtälje har dragits in. Äldre utan bil blir isolerade.",
        body="En buss två gånger om dagen kan vara skillnaden mellan att bo kvar och att behöva flytta. "
        "Regionen ska behålla linjerna och pröva anropsstyrd buss där resenärerna är få.",
        tags=("busstrafik", "kollektivtrafik"),
        status="answered",
        answer="Tack Lars. Regiongruppen har drivit att busslinjerna på landsbygden ska finnas kvar och "
        "röstade emot indragningarna i trafiknämnden. Vi tar med förslaget om anropsstyrd buss till "
        "arbetet med regionens trafikplan.",
        days_ago=240,
    ),
    Idea(
        key="busshallplatser-botkyrka",
        topic="busstrafik",
        places=("0127",),
        author="Amira Haddad",
        title="Väderskydd och sittplatser vid alla busshållplatser i Botkyrka",
        summary="Alla busshållplatser med fler än 100 påstigande om dagen ska ha väderskydd, bänk och "
        "realtidsskylt.",
        problem="Vid många hållplatser i Botkyrka står äldre och barnfamiljer i regn och snö utan att veta "
        "när bussen kommer.",
        body="Kommunen och regionen delar ansvaret för hållplatserna. Vi föreslår ett gemensamt program "
        "där de mest använda busshållplatserna rustas upp inom tre år.",
        tags=("busstrafik", "kollektivtrafik"),
        days_ago=20,
    ),
    Idea(
        key="cykel-sodertorn",
        topic="cykel",
        places=("0126", "0136", "0138"),
        author="Ingrid Wallin",
        title="Sammanhängande cykelbanor mellan Huddinge, Haninge och Tyresö",
        summary="Kommunerna på Södertörn ska bygga färdigt ett sammanhängande nät av snabbcykelbanor som "
        "snöröjs först.",
        problem="Cykelbanorna tar slut vid kommungränserna, och på vintern plogas cykelvägarna sist.",
        body="Många pendlar kortare än tio kilometer och skulle kunna cykla. Vi föreslår att Huddinge, "
        "Haninge och Tyresö:\n\n"
        "- bygger ihop cykelbanorna vid kommungränserna,\n"
        "- snöröjer cykelbanorna före bilvägarna,\n"
        "- söker statliga pengar för regionala cykelstråk tillsammans.",
        tags=("cykelbanor", "cykel", "snöröjning"),
        status="selected",
        comments=(
            Comment(
                author="Karin Nyström",
                text="Jag cyklar Huddinge–Tyresö varje dag. Vid Gudö tar cykelbanan bara slut. Efterlängtat.",
            ),
        ),
        days_ago=155,
    ),
    Idea(
        key="cykel-stockholm",
        topic="cykel",
        places=("0180",),
        author="Hanna Björk",
        title="Säkra cykelbanor till alla skolor i Stockholms ytterstad",
        summary="Staden ska bygga separerade cykelbanor till alla skolor i ytterstaden så att barn kan cykla själva.",
        problem="Föräldrar skjutsar barnen med bil eftersom cykelvägen till skolan korsar stora vägar.",
        body="En trygg skolväg ger barnen frihet och rörelse. Staden ska kartlägga skolvägarna och bygga "
        "cykelbanor och säkra korsningar där barn cyklar, först i Skärholmen, Farsta och Hässelby.",
        tags=("cykelbanor", "cykel"),
        status="under_review",
        days_ago=70,
    ),
    Idea(
        key="cykel-lidingo",
        topic="cykel",
        places=("0186",),
        author="Eva Granath",
        title="Lånecyklar på Lidingö som hänger ihop med stadens system",
        summary="Lidingö ska ansluta till lånecykelsystemet i Stockholm så att man kan cykla över bron.",
        problem="Lånecyklarna i Stockholm får inte lämnas på Lidingö, så pendlare tar bussen eller bilen.",
        body="Ett gemensamt system för lånecyklar gör det enkelt att cykla till Ropsten och tunnelbanan. "
        "Kommunen kan teckna avtal med samma operatör som Stockholm.",
        tags=("cykel",),
        days_ago=11,
    ),
    Idea(
        key="sl-unga",
        topic="sl_pris",
        places=(REGION,),
        author="Leila Karimi",
        title="Avgiftsfri kollektivtrafik för alla under 20 år",
        summary="Barn och unga under 20 år ska åka gratis med SL, så att alla kan ta sig till skola, "
        "träning och sommarjobb.",
        problem="Ett SL-kort för ungdom kostar nästan 600 kronor i månaden. Barn i familjer med små "
        "marginaler stannar hemma.",
        body="Avgiftsfri kollektivtrafik för unga är en reform för jämlikhet och för klimatet: den som vänjer "
        "sig vid att åka kollektivt som ung fortsätter ofta.\n\n"
        "Kostnaden, omkring 900 miljoner kronor om året, motsvarar en procent av regionens budget.",
        tags=("SL", "biljettpris", "kollektivtrafik"),
        status="selected",
        comments=(
            Comment(
                author="Ali Mahmoud",
                text="Min dotter tackade nej till fotbollen i Kista för att biljetten kostade för mycket.",
            ),
            Comment(
                author="Robert Lindahl",
                text="Varför gratis SL för alla unga, även de vars föräldrar har råd? Räcker det inte med "
                "ett billigare periodkort för dem som behöver?",
                replies=(
                    (
                        "Leila Karimi",
                        "En avgiftsfri biljett utan prövning når alla utan byråkrati – som skolmaten.",
                    ),
                ),
            ),
        ),
        days_ago=185,
    ),
    Idea(
        key="sl-pensionarer",
        topic="sl_pris",
        places=(REGION,),
        author="Stig Persson",
        title="Billigare SL-kort för pensionärer även i rusningstid",
        summary="Pensionärsrabatten på SL:s periodkort ska gälla hela dagen, inte bara utanför rusningstid.",
        problem="Många pensionärer har vårdbesök och aktiviteter på morgonen och får betala fullt pris.",
        body="Rabatten för pensionärer infördes för att äldre ska kunna röra sig fritt. Regionen ska ta bort "
        "tidsgränsen, så att periodkortet med rabatt gäller dygnet runt.",
        tags=("SL", "biljettpris"),
        status="declined",
        answer="Tack Stig. Regiongruppen har valt att prioritera avgiftsfri kollektivtrafik för unga och "
        "sänkt pris på periodkortet för alla med låga inkomster framför en utvidgad pensionärsrabatt. "
        "Därför går förslaget inte vidare nu, men vi följer upp hur biljettpriset påverkar äldres resande.",
        days_ago=115,
    ),
    Idea(
        key="pendeltag-nynashamn",
        topic="spartrafik",
        places=("0192", "0136"),
        author="Birgitta Holm",
        title="Pendeltåg var 15:e minut hela vägen till Nynäshamn",
        summary="Region Stockholm ska driva att pendeltågen går var 15:e minut till Nynäshamn, inte bara till "
        "Västerhaninge.",
        problem="Söder om Västerhaninge går pendeltåget bara två gånger i timmen, och bara ett spår gör "
        "att förseningarna sprider sig.",
        body="Trafikverket behöver bygga dubbelspår till Nynäshamn. Regionen ska göra det till sitt främsta "
        "krav i förhandlingarna om spårinvesteringar och under tiden sätta in fler tåg i rusningstid.",
        tags=("pendeltåg", "spårtrafik"),
        status="under_review",
        days_ago=85,
    ),
    Idea(
        key="tunnelbana-jarva",
        topic="spartrafik",
        places=(REGION, "0180"),
        author="Mohammed Ali",
        title="Tvärbana från Kista till Tensta och Barkarby",
        summary="Spårvägen Kistagrenen ska förlängas till Tensta, Hjulsta och Barkarby station.",
        problem="Att resa mellan stadsdelarna i Järva kräver byte i city med tunnelbanan, fast det är två kilometer fågelvägen.",
        body="En tvärbana binder ihop Järva i Stockholm och ger resenärerna direkta resor till jobben i Kista och till "
        "pendeltåget i Barkarby. Regionen ska ta med sträckan i nästa trafikplan.",
        tags=("spårtrafik", "kollektivtrafik"),
        days_ago=33,
    ),
    Idea(
        key="roslagsbanan-vallentuna",
        topic="spartrafik",
        places=("0115", "0117"),
        author="Marie Lund",
        title="Roslagsbanan direkt till city via en tunnel",
        summary="Roslagsbanan ska förlängas från Universitetet till T-Centralen så att resenärerna från "
        "Vallentuna och Österåker slipper byta.",
        problem="Resenärer från Roslagen byter vid Tekniska högskolan, som är en av länets mest "
        "överbelastade stationer.",
        body="En förlängning av Roslagsbanan i tunnel till city har utretts i flera omgångar. Vi vill att "
        "regionen gör den till en prioriterad spårinvestering.",
        tags=("spårtrafik", "kollektivtrafik"),
        days_ago=9,
    ),
    Idea(
        key="batar-varmdo",
        topic="batar",
        places=("0120",),
        author="Gustav Nordin",
        title="Pendelbåt året runt mellan Värmdö och Slussen",
        summary="Pendelbåtslinjen från Värmdö ska gå året runt, inte bara april till oktober.",
        problem="På vintern är Värmdöleden den enda vägen in till stan och den står still varje morgon. Det finns ingen båt som alternativ.",
        body="Pendelbåtar som klarar is finns redan i skärgårdstrafiken. Regionen ska låta pendelbåten gå "
        "hela året med täta avgångar i rusningstid och anpassa bryggorna.",
        tags=("pendelbåtar", "skärgården", "kollektivtrafik"),
        status="under_review",
        days_ago=145,
    ),
    Idea(
        key="batar-ekero",
        topic="batar",
        places=("0125",),
        author="Malin Axelsson",
        title="Pendelbåt från Ekerö till Stockholm i rusningstid",
        summary="Region Stockholm ska starta en pendelbåt från Ekerö centrum till Klara strand.",
        problem="Ekerövägen är en av länets mest köade vägar, och bussen från Ekerö tar en timme till city. Någon pendelbåt finns inte.",
        body="En pendelbåt över Mälaren tar 35 minuter till city. Försöket sommaren 2023 visade att båten "
        "fylldes, men linjen lades ner på hösten. Nu ska den gå året om.",
        tags=("pendelbåtar", "kollektivtrafik"),
        status="under_review",
        days_ago=58,
    ),
    # ── Vård och hälsa ────────────────────────────────────────────────────────────────────────────────────
    Idea(
        key="vardcentral-fast-lakare",
        topic="vardcentral",
        places=(REGION,),
        author="Karin Nyström",
        title="Fast läkarkontakt på vårdcentralen för alla som behöver det",
        summary="Alla med kroniska sjukdomar och alla över 75 år ska ha en fast läkare på sin vårdcentral.",
        problem="Patienter med flera sjukdomar träffar en ny läkare varje gång och får berätta allt från början.",
        body="En fast läkarkontakt ger bättre vård och färre besök på akuten. Region Stockholm ska:\n\n"
        "- ändra ersättningen så att vårdcentraler får betalt för kontinuitet, inte för antal besök,\n"
        "- utbilda fler specialister i allmänmedicin,\n"
        "- börja med dem som behöver det mest: äldre och kroniskt sjuka.",
        tags=("fast läkarkontakt", "vårdcentral", "primärvård"),
        status="selected",
        comments=(
            Comment(
                author="Eva Granath",
                text="Min mamma har haft sju olika läkare på vårdcentralen på två år. En fast läkare skulle "
                "göra hela skillnaden.",
            ),
            Comment(
                author="Rasmus Eklund",
                text="Viktigt att ersättningen ändras – annars lönar det sig fortsatt med korta läkarbesök.",
            ),
        ),
        days_ago=200,
    ),
    Idea(
        key="vardcentral-rinkeby",
        topic="vardcentral",
        places=(REGION, "0180"),
        author="Ali Mahmoud",
        title="Vårdcentralerna ska finnas där behoven är störst",
        summary="Regionen ska styra nya vårdcentraler till Järva och Skärholmen i Stockholm och andra "
        "områden med stora vårdbehov.",
        problem="Vårdvalet har gjort att vårdcentraler öppnar i innerstaden där patienterna är friska och "
        "lönsamma, medan ytterstaden får vänta.",
        body="Ersättningen till vårdcentralerna ska vägas efter vårdbehov, och regionen ska själv öppna "
        "vårdcentraler där inga privata vill etablera sig. Tolk och längre läkarbesök ska ingå.",
        tags=("vårdcentral", "primärvård"),
        status="answered",
        answer="Tack Ali. Regiongruppen har drivit behovsstyrd etablering av vårdcentraler sedan förra valet, "
        "och förslaget om att väga ersättningen efter vårdbehov är en del av vårt budgetförslag. Vi lyfter "
        "Järva och Skärholmen som exempel i reformagendan.",
        days_ago=220,
    ),
    Idea(
        key="vardcentral-nykvarn",
        topic="vardcentral",
        places=("0140", REGION),
        author="Kjell Backman",
        title="Behåll vårdcentralen i Nykvarn",
        summary="Nykvarn ska ha kvar sin vårdcentral med läkare på plats minst fyra dagar i veckan.",
        problem="Vårdcentralen i Nykvarn har bara läkare två dagar i veckan, och nästa ligger i Södertälje.",
        body="Nykvarn växer och befolkningen blir äldre. Regionen ska garantera att vårdcentralen har "
        "läkare och distriktssköterska på plats, och komplettera med digitala läkarbesök.",
        tags=("vårdcentral", "primärvård"),
        days_ago=16,
    ),
    Idea(
        key="ungdomsmottagning-varmdo",
        topic="ungdomsmottagning",
        places=("0120", REGION),
        author="Gustav Nordin",
        title="Ungdomsmottagning med kvällsöppet i Gustavsberg",
        summary="Ungdomsmottagningen i Värmdö ska ha öppet två kvällar i veckan och drop-in efter skolan.",
        problem="Ungdomsmottagningen har bara öppet dagtid, när de unga är i skolan.",
        body="Unga ska kunna söka ungdomsmottagningen utan att behöva förklara frånvaro för skolan. "
        "Kvällsöppet och drop-in gör det lättare att söka hjälp tidigt om psykisk och sexuell hälsa.",
        tags=("ungdomsmottagning", "unga", "sexuell hälsa"),
        status="under_review",
        days_ago=48,
    ),
    Idea(
        key="ungdomsmottagning-digital",
        topic="ungdomsmottagning",
        places=(REGION,),
        author="Linnea Strand",
        title="Chatt med ungdomsmottagningen på kvällar och helger",
        summary="Regionen ska ha en chatt där unga kan prata med en kurator eller barnmorska från "
        "ungdomsmottagningen på kvällar och helger.",
        problem="Många unga vill kontakta ungdomsmottagningen anonymt och när de har tid, på kvällar och helger.",
        body="En regional chatt kompletterar de fysiska ungdomsmottagningarna. Personalen kan boka tid på "
        "närmaste ungdomsmottagning när det behövs.",
        tags=("ungdomsmottagning", "unga"),
        days_ago=6,
    ),
    Idea(
        key="bup-vantetider",
        topic="psykiatri",
        places=(REGION,),
        author="Sara Ekström",
        title="Ingen ska vänta mer än 30 dagar på BUP",
        summary="Barn- och ungdomspsykiatrin ska klara vårdgarantin: första bedömning inom 30 dagar.",
        problem="Barn med ångest och depression väntar i månader på BUP, och vissa blir sämre under tiden.",
        body="Regionen ska anställa fler psykologer och psykiatrer på BUP och bygga ut första linjens "
        "psykiatri på vårdcentralerna, så att lindrigare psykisk ohälsa får hjälp direkt.\n\n"
        "Skolornas elevhälsa och BUP ska ha en gemensam väg in.",
        tags=("BUP", "psykisk hälsa", "psykiatri"),
        status="selected",
        comments=(
            Comment(
                author="Aisha Omar",
                text="Vi väntade fem månader på BUP för vår son. Viktigaste idén i banken för mig.",
            ),
        ),
        days_ago=165,
    ),
    Idea(
        key="psykiatri-akut",
        topic="psykiatri",
        places=(REGION, "0181"),
        author="Yusuf Demir",
        title="Psykiatrisk akutmottagning dygnet runt i Södertälje",
        summary="Södertälje sjukhus ska ha en psykiatrisk akutmottagning öppen dygnet runt.",
        problem="Den som mår psykiskt dåligt på natten måste åka till Huddinge eller Stockholm.",
        body="En psykiatrisk akut nära hemmet gör att fler söker hjälp i tid. Regionen ska flytta resurser "
        "så att Södertälje sjukhus kan ha psykiatrisk jour på natten.",
        tags=("psykiatri", "psykisk hälsa"),
        days_ago=27,
    ),
    Idea(
        key="forlossning-lan",
        topic="forlossning",
        places=(REGION,),
        author="Helena Virtanen",
        title="En barnmorska per födande kvinna under förlossningen",
        summary="Alla som föder i länet ska ha en egen barnmorska närvarande under den aktiva förlossningen.",
        problem="Barnmorskorna på länets förlossningar har ofta tre eller fyra födande samtidigt.",
        body="En barnmorska per födande minskar förlossningsskador och gör förlossningen tryggare. "
        "Regionen ska anställa fler barnmorskor, förbättra deras arbetsvillkor och öppna en ny "
        "förlossningsklinik i norra länet.",
        tags=("förlossningsvård", "barnmorskor", "kvinnors hälsa"),
        status="under_review",
        days_ago=150,
    ),
    Idea(
        key="forlossning-eftervard",
        topic="forlossning",
        places=(REGION,),
        author="Sofia Rahimi",
        title="Bättre eftervård efter förlossningen",
        summary="Alla som fött barn ska erbjudas ett hembesök av en barnmorska och en kontroll av "
        "förlossningsskador.",
        problem="Många kvinnor lever med förlossningsskador som aldrig upptäcktes.",
        body="Eftervården ska inte sluta när man lämnar BB. Regionen ska erbjuda hembesök av barnmorska inom "
        "en vecka och en kontroll efter tre månader.",
        tags=("förlossningsvård", "kvinnors hälsa"),
        status="under_review",
        days_ago=62,
    ),
    Idea(
        key="akuten-narakut",
        topic="akuten",
        places=(REGION, "0191"),
        author="Nils Åberg",
        title="Närakut i Märsta med öppet på kvällar och helger",
        summary="Regionen ska öppna en närakut i Sigtuna kommun så att man slipper åka till Danderyd för "
        "enklare akuta besvär.",
        problem="Väntetiderna på Danderyds akut är långa, och många som kommer dit hade kunnat få hjälp "
        "på en närakut.",
        body="En närakut i Märsta skulle ta hand om frakturer, infektioner och sår på kvällar och helger. "
        "Det kortar väntetiden för alla på akuten.",
        tags=("närakut", "akuten", "väntetider"),
        days_ago=38,
    ),
    Idea(
        key="akuten-aldre",
        topic="akuten",
        places=(REGION,),
        author="Birgitta Holm",
        title="Äldre ska inte vänta på båren på akuten",
        summary="Akutmottagningarna ska ha ett eget spår för sköra äldre, med väntetid under en timme.",
        problem="Äldre patienter ligger ofta sju–åtta timmar på akuten, vilket ökar risken för förvirring "
        "och fall.",
        body="Akuter med geriatriskt team har visat kortare väntetid och färre inläggningar. Regionen ska "
        "införa äldrespår på alla akutsjukhus i länet.",
        tags=("akuten", "väntetider"),
        status="answered",
        answer="Tack Birgitta. Regiongruppen har tagit med kravet på äldrespår på alla akutmottagningar i "
        "sitt förslag till budget. Vi följer hur väntetiderna på akuten för äldre utvecklas och redovisar "
        "det på distriktets vårdkonferens.",
        days_ago=205,
    ),
    Idea(
        key="tandvard-unga",
        topic="tandvard",
        places=(REGION,),
        author="Jonas Falk",
        title="Avgiftsfri tandvård upp till 25 år i hela länet",
        summary="Den avgiftsfria tandvården ska gälla till och med det år man fyller 25.",
        problem="Unga vuxna slutar gå till tandläkaren när tandvården börjar kosta, och tänderna försämras.",
        body="Regionen kan själv förlänga den avgiftsfria tandvården. Det är en reform som tidigt når "
        "unga med låga inkomster och förebygger dyra skador.",
        tags=("tandvård", "folkhälsa"),
        status="declined",
        answer="Tack Jonas. Regionen har redan avgiftsfri tandvård till och med 23 år, och regiongruppen "
        "prioriterar nu tandvården för äldre på boenden. Därför går förslaget om avgiftsfri tandvård till "
        "25 år inte vidare nu.",
        days_ago=110,
    ),
    # ── Äldreomsorg ───────────────────────────────────────────────────────────────────────────────────────
    Idea(
        key="hemtjanst-team",
        topic="hemtjanst",
        places=("0126",),
        author="Karin Nyström",
        title="Hemtjänst i små fasta team i Huddinge",
        summary="Hemtjänsten i Huddinge ska organiseras i team om högst åtta personer per äldre, så att man "
        "känner igen den som kommer.",
        problem="En äldre med hemtjänst i Huddinge träffar i snitt 16 olika personal på två veckor.",
        body="Små fasta team ger trygghet för den äldre och bättre arbetsmiljö för personalen. Kommunen ska:\n\n"
        "- dela in hemtjänsten i små geografiska team,\n"
        "- ge undersköterskorna heltid och schemalagd tid för dokumentation,\n"
        "- mäta kontinuiteten och redovisa den varje år.",
        tags=("hemtjänst", "kontinuitet", "undersköterskor"),
        status="selected",
        comments=(
            Comment(
                author="Aisha Omar",
                text="Jag jobbar i hemtjänsten i Flemingsberg. Fasta team är det bästa för både oss och de äldre.",
            ),
        ),
        days_ago=135,
    ),
    Idea(
        key="hemtjanst-stockholm",
        topic="hemtjanst",
        places=("0180",),
        author="Helena Virtanen",
        title="Stockholms stad ska driva hemtjänst i egen regi i varje stadsdel",
        summary="Staden ska ha en kommunal hemtjänst i alla stadsdelsområden, så att alla kan välja den.",
        problem="I flera stadsdelar finns bara privata hemtjänstföretag, och personalen byts ofta.",
        body="En stark kommunal hemtjänst med fast anställd personal är en garanti för kvalitet. Staden "
        "ska bygga upp egen hemtjänst där den har lagts ner.",
        tags=("hemtjänst", "undersköterskor"),
        status="under_review",
        days_ago=72,
    ),
    Idea(
        key="aldreboende-lidingo",
        topic="aldreboende",
        places=("0186",),
        author="Eva Granath",
        title="Fler platser på äldreboenden på Lidingö",
        summary="Lidingö ska bygga ett nytt äldreboende med 80 platser och garantera plats inom tre månader.",
        problem="Äldre på Lidingö väntar i snitt fem månader på plats på äldreboende, trots beslut.",
        body="Lidingö har en av länets äldsta befolkningar. Kommunen ska bygga ett nytt äldreboende med "
        "egen kommunal drift och samtidigt öppna trygghetsboenden för dem som inte behöver heldygnsvård.",
        tags=("äldreboende", "äldre"),
        days_ago=30,
    ),
    Idea(
        key="trygghetsboende-osteraker",
        topic="aldreboende",
        places=("0117",),
        author="Marie Lund",
        title="Trygghetsboende med hyresrätt i Åkersberga",
        summary="Österåker ska bygga trygghetsboende med hyresrätter för äldre som vill flytta från villan.",
        problem="Äldre i villa vill flytta till något mindre och tryggare, men det finns inget trygghetsboende "
        "med rimlig hyra i Åkersberga.",
        body="Trygghetsboende med gemensam matsal och värd ger gemenskap och trygghet. Kommunens bostadsbolag "
        "ska bygga det nära centrum och kollektivtrafiken.",
        tags=("trygghetsboende", "äldre"),
        status="answered",
        answer="Tack Marie. Partiet i Österåker har tagit med trygghetsboende i hyresrätt i sitt "
        "valprogram. Länsdistriktet stödjer idén och tar med behovet av trygghetsboenden i "
        "reformagendans avsnitt om äldreomsorgen.",
        days_ago=195,
    ),
    Idea(
        key="ensamhet-traffpunkter",
        topic="ensamhet",
        places=("0188",),
        author="Lars Holmberg",
        title="Träffpunkter mot ensamhet i varje kommundel i Norrtälje",
        summary="Norrtälje ska öppna träffpunkter med lunch och aktiviteter för äldre i Rimbo, Hallstavik, "
        "Älmsta och Norrtälje stad.",
        problem="Var tredje äldre i kommunen säger att de ofta känner sig ensamma.",
        body="En träffpunkt där man kan äta lunch, spela kort och träffa andra bryter ensamheten. Kommunen "
        "driver dem tillsammans med pensionärsföreningarna och kyrkan.",
        tags=("ensamhet", "träffpunkter", "äldre"),
        status="under_review",
        days_ago=125,
    ),
    Idea(
        key="ensamhet-samtal",
        topic="ensamhet",
        places=("0180",),
        author="Fatima Hassan",
        title="Uppsökande samtal till ensamma äldre i Stockholm",
        summary="Staden ska ringa eller besöka alla över 80 som bor ensamma och inte har hemtjänst.",
        problem="Många äldre är ensamma utan att någon vet om det, eftersom de inte har kontakt med kommunen.",
        body="Ett uppsökande samtal en gång om året ger chansen att fånga upp ensamhet och erbjuda "
        "träffpunkter och stöd. Malmö har gjort så sedan 2020 med gott resultat.",
        tags=("ensamhet", "äldre"),
        days_ago=19,
    ),
    # ── Socialtjänst och funktionsstöd ────────────────────────────────────────────────────────────────────
    Idea(
        key="bostad-forst-sodertalje",
        topic="hemloshet",
        places=("0181",),
        author="Johan Berglund",
        title="Bostad först för hemlösa i Södertälje",
        summary="Södertälje ska erbjuda hemlösa en egen lägenhet med stöd, utan krav på att först vara drogfri.",
        problem="Hemlösheten i Södertälje har ökat. Människor fastnar i dyra och otrygga härbärgen i åratal.",
        body="Bostad först har prövats i Helsingborg och Stockholm: fyra av fem bor kvar efter två år. "
        "Kommunen ska avsätta 40 lägenheter om året hos Telgebostäder till bostad först, med stöd av "
        "socialtjänsten.",
        tags=("bostad först", "hemlöshet", "socialtjänst"),
        status="selected",
        days_ago=160,
    ),
    Idea(
        key="bostad-forst-unga",
        topic="hemloshet",
        places=("0181",),
        author="Yusuf Demir",
        title="Bostad först även för unga hemlösa",
        summary="Bostad först i Södertälje ska även omfatta unga mellan 18 och 25 år som är hemlösa.",
        problem="Unga hemlösa bor hos kompisar eller på härbärgen och faller mellan socialtjänstens stolar.",
        body="Idén bygger vidare på förslaget om bostad först i Södertälje. Unga hemlösa behöver en egen "
        "bostad med stöd för att kunna plugga och jobba, och en vuxen att ringa.",
        tags=("bostad först", "hemlöshet"),
        derived_from="bostad-forst-sodertalje",
        days_ago=34,
    ),
    Idea(
        key="hemloshet-stockholm",
        topic="hemloshet",
        places=("0180",),
        author="Leila Karimi",
        title="Inga hemlösa barnfamiljer ska bo på hotell i Stockholm",
        summary="Staden ska sluta placera hemlösa barnfamiljer på hotell och vandrarhem och i stället ge "
        "dem en egen bostad.",
        problem="Hundratals hemlösa barn i Stockholm bor med sina föräldrar i hotellrum, ibland i flera år.",
        body="Hemlösa barnfamiljer ska få en egen lägenhet genom en kvot hos stadens bostadsbolag. "
        "Det är billigare än hotell och ger barnen lugn att gå i skolan.",
        tags=("hemlöshet", "socialtjänst"),
        status="under_review",
        days_ago=52,
    ),
    Idea(
        key="daglig-verksamhet",
        topic="lss",
        places=("0163",),
        author="Oskar Lundgren",
        title="Daglig verksamhet som leder till riktiga jobb i Sollentuna",
        summary="Sollentuna ska erbjuda daglig verksamhet på vanliga arbetsplatser med handledare.",
        problem="Personer med funktionsnedsättning i daglig verksamhet får sällan pröva ett riktigt jobb.",
        body="Daglig verksamhet enligt LSS ska vara meningsfull. Kommunen ska ordna platser i kommunens egna "
        "verksamheter och hos företag, med handledare, och erbjuda anställning med lönebidrag när det "
        "fungerar.",
        tags=("LSS", "daglig verksamhet", "funktionsstöd"),
        status="answered",
        answer="Tack Oskar. Styrelsen står bakom idén om daglig verksamhet på riktiga arbetsplatser. Partiet "
        "i Sollentuna har lyft den i socialnämnden, och vi tar med förslaget i reformagendans arbete om "
        "funktionsstöd och LSS.",
        days_ago=215,
    ),
    Idea(
        key="lss-assistans",
        topic="lss",
        places=(REGION,),
        author="Malin Axelsson",
        title="Personlig assistans ska gälla även för andning och sondmatning",
        summary="Länets distrikt ska driva att personlig assistans enligt LSS åter ska beviljas för andning "
        "och sondmatning.",
        problem="Barn med svåra funktionsnedsättningar har förlorat sin assistans när reglerna tolkades snävare.",
        body="Frågan avgörs i riksdagen, men familjerna i länet bär följderna. Distrikten ska ge "
        "stad- och länsbänken i uppdrag att stödja en lagändring i LSS.",
        tags=("LSS", "funktionsstöd"),
        days_ago=42,
    ),
    Idea(
        key="kvinnojour-vald",
        topic="vald",
        places=("0191", "0114"),
        author="Per Engström",
        title="Skyddat boende och kvinnojour i norra länet",
        summary="Sigtuna och Upplands Väsby ska tillsammans öppna ett skyddat boende och stödja kvinnojouren.",
        problem="Kvinnor som utsätts för våld i norra länet måste ofta placeras långt bort, eftersom skyddade "
        "boenden saknas.",
        body="Ett gemensamt skyddat boende med plats för barn och en kvinnojour med fast kommunalt bidrag. "
        "Socialtjänsten ska arbeta med både den som utsätts för våld och den som utövar det.",
        tags=("mäns våld mot kvinnor", "kvinnojour", "socialtjänst"),
        status="under_review",
        days_ago=140,
    ),
    # ── Klimat och miljö ──────────────────────────────────────────────────────────────────────────────────
    Idea(
        key="solceller-haninge",
        topic="solceller",
        places=("0136",),
        author="Erik Johansson",
        title="Solceller på alla kommunala tak i Haninge",
        summary="Haninge ska sätta solceller på alla skolor, förskolor och äldreboenden där taket tål det.",
        problem="Kommunens egna fastigheter köper el för 60 miljoner kronor om året, medan taken står tomma utan solceller.",
        body="Solcellerna betalar sig på tolv år och ger el till verksamheterna i femtio. Kommunen ska:\n\n"
        "- inventera alla tak under ett år,\n"
        "- installera solceller i takt med att taken byts,\n"
        "- anställa unga som lärlingar i arbetet med solenergi.",
        tags=("solceller", "energi", "klimat"),
        status="selected",
        comments=(
            Comment(
                author="Sofia Rahimi",
                text="Bra att koppla solcellerna till lärlingsjobb för unga. Det ger två vinster.",
            ),
        ),
        days_ago=145,
    ),
    Idea(
        key="solceller-batterier",
        topic="solceller",
        places=("0136",),
        author="Sofia Rahimi",
        title="Batterier till solcellerna på Haninges skolor och förskolor",
        summary="När solcellerna sätts upp på kommunens tak ska batterier installeras, så att solenergin "
        "räcker även morgon och kväll.",
        problem="Solceller utan batterier ger mest el mitt på dagen på sommaren, när skolorna har lov.",
        body="Idén bygger vidare på förslaget om solceller på alla kommunala tak i Haninge. Med batterier "
        "kan solcellernas el användas när verksamheten behöver den, och kommunen kan sälja flexibilitet "
        "till elnätet när det är ont om el.",
        tags=("solceller", "energi"),
        derived_from="solceller-haninge",
        days_ago=24,
    ),
    Idea(
        key="solceller-bostader",
        topic="solceller",
        places=("0180",),
        author="Hanna Björk",
        title="Solceller på allmännyttans hus i Stockholm",
        summary="Stadens bostadsbolag ska sätta solceller på sina hus och låta hyresgästerna dela på elen.",
        problem="Hyresgäster kan inte sätta upp egna solceller och går miste om billig solel.",
        body="Med gemensam solel i huset sänks hyresgästernas elkostnader. Staden ska ge bostadsbolagen "
        "i uppdrag att sätta solceller på alla lämpliga tak inom fem år.",
        tags=("solceller", "energi"),
        status="under_review",
        days_ago=64,
    ),
    Idea(
        key="laddstolpar-hyresratt",
        topic="laddstolpar",
        places=("0123", "0114"),
        author="Elin Sundqvist",
        title="Laddstolpar vid alla hyreshus i Järfälla och Upplands Väsby",
        summary="Kommunernas bostadsbolag ska sätta upp laddstolpar på parkeringarna vid alla hyreshus.",
        problem="Villaägare laddar elbilen hemma, men den som bor i hyresrätt har ingenstans att ladda.",
        body="Kommunerna kan ge sina bostadsbolag i uppdrag att bygga laddplatser vid alla flerbostadshus "
        "och erbjuda dem till självkostnadspris. Då blir elbil ett alternativ även för hyresgäster.",
        tags=("laddstolpar", "elbilar", "klimat"),
        status="declined",
        answer="Tack Elin. Styrelsen prioriterar i första hand pengar till kollektivtrafik och cykel i "
        "klimatarbetet. Laddstolpar vid hyreshusen byggs redan ut av bostadsbolagen med statligt stöd, "
        "och därför går idén inte vidare till reformagendan.",
        days_ago=105,
    ),
    Idea(
        key="laddstolpar-taxi",
        topic="laddstolpar",
        places=("0184", "0183"),
        author="Ahmed Yusuf",
        title="Snabbladdare för taxi och budbilar i Solna och Sundbyberg",
        summary="Kommunerna ska upplåta mark för snabbladdare till yrkestrafikens elbilar.",
        problem="Taxichaufförer som vill köra elbil förlorar inkomst när de måste leta efter en laddare.",
        body="Yrkestrafiken kör många mil per dag. Med snabbladdare vid Arenastaden och Sundbybergs centrum "
        "kan fler taxi och budbilar gå över till el.",
        tags=("laddstolpar", "elbilar"),
        days_ago=13,
    ),
    Idea(
        key="trad-skarholmen",
        topic="trad",
        places=("0180",),
        author="Fatima Hassan",
        title="Plantera fler träd i Skärholmen och Järva",
        summary="Stockholms stad ska plantera tusen nya träd längs gator och gårdar i Skärholmen och Järva.",
        problem="Ytterstadens stora asfaltsytor blir heta under sommarens värmeböljor, och grönskan är ojämnt "
        "fördelad i staden.",
        body="Träd ger skugga, svalka och renare luft. Staden ska plantera träd där människor rör sig och "
        "bor, särskilt nära förskolor och äldreboenden. De boende ska få vara med och välja platser.",
        tags=("träd", "grönområden", "klimatanpassning"),
        status="answered",
        answer="Tack Fatima. Stadsdistriktets styrelse står bakom fler träd i ytterstaden. Gruppen i stadshuset "
        "har fått med tusen nya träd i Järva och Skärholmen i budgetförslaget, och vi följer upp att "
        "planteringen sker där de boende vill.",
        days_ago=235,
    ),
    Idea(
        key="parker-sollentuna",
        topic="trad",
        places=("0163",),
        author="Oskar Lundgren",
        title="Bevara parkerna när Sollentuna förtätas",
        summary="Sollentuna ska inte bygga på parker och grönytor när centrum förtätas.",
        problem="Nya bostadskvarter i Sollentuna centrum tar parker och grönytor som barn och äldre använder.",
        body="Förtätning ska ske på parkeringsytor och längs vägar, inte i parkerna. Kommunen ska ta fram "
        "en grönplan där varje invånare har högst 300 meter till en park.",
        tags=("grönområden", "träd"),
        days_ago=21,
    ),
    Idea(
        key="skolmat-klimat",
        topic="skolmat",
        places=("0126",),
        author=MEMBER_LOGIN,
        title="Klimatsmart skolmat lagad från grunden i Huddinge",
        summary="Maten i Huddinges skolor ska lagas från grunden i skolans eget kök, med mer vegetariskt "
        "och närproducerat.",
        problem="Många skolor i Huddinge får maten levererad från ett centralkök, och en stor del slängs.",
        body="Skolmat som lagas på plats smakar bättre och slängs mindre. Kommunen ska:\n\n"
        "- bygga om mottagningskök till tillagningskök,\n"
        "- servera vegetariskt två dagar i veckan,\n"
        "- köpa mer mat från gårdar i länet.",
        tags=("skolmat", "klimat", "livsmedel"),
        status="under_review",
        comments=(
            Comment(
                author="Karin Nyström",
                text="Maten på min dotters skola kommer i plastlådor från andra sidan kommunen. "
                "Ett eget kök vore fantastiskt.",
            ),
        ),
        days_ago=44,
    ),
    Idea(
        key="natur-hanveden",
        topic="natur",
        places=("0136", "0126", "0127"),
        author="Anna Lindqvist",
        title="Gör Hanvedens skogar till naturreservat",
        summary="Haninge, Huddinge och Botkyrka ska gemensamt skydda Hanvedenkilen som naturreservat.",
        problem="Skogarna i Hanveden är södra länets största sammanhängande natur, men bara delar är skyddade.",
        body="Hanveden används av tusentals för friluftsliv, och skogen är viktig för djur och växter. "
        "Med ett gemensamt naturreservat kan kommunerna stoppa exploatering och rusta leder och "
        "rastplatser.",
        tags=("naturreservat", "friluftsliv", "biologisk mångfald"),
        days_ago=57,
    ),
    Idea(
        key="natur-strander",
        topic="natur",
        places=("0120", "0138"),
        author="Gustav Nordin",
        title="Allmänna stränder och bryggor i Värmdö och Tyresö",
        summary="Kommunerna ska köpa in och öppna fler stränder och bryggor för allmänheten.",
        problem="Allt fler stränder i skärgårdskommunerna stängs av privata ägare.",
        body="Alla ska kunna bada och njuta av naturen, inte bara den som har sommarstuga. Kommunerna ska "
        "köpa strandtomter när de säljs och bygga badplatser med kollektivtrafik.",
        tags=("friluftsliv", "naturreservat"),
        days_ago=4,
    ),
    # ── Arbete och näringsliv ─────────────────────────────────────────────────────────────────────────────
    Idea(
        key="sommarjobb-botkyrka",
        topic="sommarjobb",
        places=("0127",),
        author="Amira Haddad",
        title="Sommarjobb till alla 16–19-åringar i Botkyrka",
        summary="Botkyrka ska garantera alla ungdomar i gymnasieåldern ett sommarjobb på minst tre veckor med lön.",
        problem="Unga utan kontakter får inga sommarjobb. I Fittja och Alby fick bara var femte sökande "
        "ett sommarjobb förra året.",
        body="Ett första jobb ger erfarenhet, egna pengar och kontakter. Kommunen ska ordna sommarjobb i "
        "egna verksamheter och hos föreningar och företag, med handledare och avtalsenlig lön.",
        tags=("sommarjobb", "unga", "arbete"),
        status="selected",
        comments=(
            Comment(
                author="Anna Lindqvist",
                text="Mitt första sommarjobb var på fritidsgården i Tumba. Det är därför jag blev lärare.",
            ),
        ),
        days_ago=175,
    ),
    Idea(
        key="sommarjobb-stockholm",
        topic="sommarjobb",
        places=("0180",),
        author="Mohammed Ali",
        title="Dubbelt så många feriejobb i Stockholms ytterstad",
        summary="Staden ska fördubbla antalet feriejobb i Rinkeby-Kista, Spånga-Tensta och Skärholmen.",
        problem="Feriejobben lottas ut och räcker bara till hälften av de sökande i ytterstaden.",
        body="Staden ska avsätta pengar så att alla som söker feriejobb i de mest utsatta stadsdelarna får "
        "ett, och fråga de stora företagen i staden om fler sommarjobb.",
        tags=("sommarjobb", "unga"),
        status="under_review",
        days_ago=66,
    ),
    Idea(
        key="heltid-norm",
        topic="heltid",
        places=("0182",),
        author="Rasmus Eklund",
        title="Heltid som norm i Nackas äldreomsorg",
        summary="Alla som börjar jobba i Nackas äldreomsorg ska erbjudas heltid, och delade turer ska bort.",
        problem="Sju av tio undersköterskor i Nacka jobbar deltid, ofta ofrivilligt och med delade turer.",
        body="Heltid ger en lön att leva på och en pension att leva på. Kommunen ska:\n\n"
        "- erbjuda alla nyanställda heltid,\n"
        "- ta bort delade turer senast 2027,\n"
        "- göra schemat tillsammans med Kommunal.",
        tags=("heltid", "arbetsvillkor", "välfärdens personal"),
        status="selected",
        days_ago=120,
    ),
    Idea(
        key="heltid-region",
        topic="heltid",
        places=(REGION,),
        author="Emma Sjöberg",
        title="Heltid för alla i Region Stockholms vård",
        summary="Regionen ska erbjuda alla anställda i vården heltid och scheman som går att leva med.",
        problem="Sjuksköterskor och undersköterskor går ner i tid för att orka med schemat, och vården "
        "hyr i stället in bemanning.",
        body="Med heltid som norm och bättre scheman kan fler orka arbeta heltid. Det är billigare än att "
        "hyra in personal och ger bättre kontinuitet för patienterna.",
        tags=("heltid", "arbetsvillkor"),
        days_ago=29,
    ),
    Idea(
        key="upphandling-kollektivavtal",
        topic="upphandling",
        places=(REGION,),
        author="Tomas Fransson",
        title="Krav på kollektivavtalsvillkor i regionens upphandlingar",
        summary="Region Stockholm ska ställa krav på lön och villkor enligt kollektivavtal när den upphandlar "
        "busstrafik, städning och vård.",
        problem="Företag som pressar villkoren vinner upphandlingarna, och de anställda får betala.",
        body="Lagen tillåter krav på arbetsvillkor i upphandlingar. Regionen ska ställa dem i alla "
        "upphandlingar och följa upp att de hålls, med avtalsvite när de bryts.",
        tags=("upphandling", "kollektivavtal", "schyssta villkor"),
        status="answered",
        answer="Tack Tomas. Regiongruppen drev igenom krav på kollektivavtalsvillkor i upphandlingarna av "
        "busstrafik förra året. Vi tar nu med förslaget om att utvidga kraven till städning och vård i "
        "regionens upphandlingspolicy, och följer upp hur kraven kontrolleras.",
        days_ago=245,
    ),
    Idea(
        key="upphandling-sodertalje",
        topic="upphandling",
        places=("0181",),
        author="Johan Berglund",
        title="Lokala företag ska kunna vinna Södertäljes upphandlingar",
        summary="Södertälje ska dela upp sina upphandlingar i mindre delar så att lokala företag kan lämna anbud.",
        problem="Stora upphandlingar gör att bara de största företagen kan vara med.",
        body="Med mindre delar i upphandlingen och enklare krav på dokumentation kan lokala företag med "
        "kollektivavtal konkurrera. Det ger jobb i kommunen.",
        tags=("upphandling",),
        days_ago=17,
    ),
    Idea(
        key="bemanning-visstid",
        topic="bemanning",
        places=("0180",),
        author="Hanna Björk",
        title="Fasta tjänster i stället för timanställningar i Stockholms förskolor",
        summary="Staden ska ersätta timanställda vikarier i förskolan med fast anställda vikarier i en "
        "vikariepool.",
        problem="Var femte som jobbar i stadens förskolor är timanställd, utan trygghet eller kollektivavtalets "
        "fulla skydd.",
        body="En vikariepool med fast anställda ger trygga jobb och samma vuxna för barnen. Det har "
        "prövats i Skarpnäck och minskade både sjukfrånvaron och kostnaden för timanställda.",
        tags=("trygga anställningar", "bemanning"),
        status="declined",
        answer="Tack Hanna. Vi delar målet om färre timanställningar, men Stadsdistriktets styrelse bedömer "
        "att frågan redan drivs av gruppen i stadshuset genom kravet på heltid som norm i hela stadens "
        "verksamhet. Därför går idén om en vikariepool inte vidare som egen punkt.",
        days_ago=95,
    ),
    Idea(
        key="bemanning-vard",
        topic="bemanning",
        places=(REGION,),
        author="Sara Ekström",
        title="Avveckla de inhyrda bemanningssjuksköterskorna",
        summary="Regionen ska halvera kostnaden för inhyrd bemanning inom tre år och anställa i egen regi.",
        problem="Regionen betalar dubbelt för inhyrda sjuksköterskor, medan de fast anställda slits ut.",
        body="Pengarna till bemanningsföretag ska gå till högre löner och bättre villkor för fast anställda. "
        "Regionen ska samarbeta med andra regioner om ett tak för vad bemanning får kosta.",
        tags=("bemanning", "trygga anställningar"),
        days_ago=37,
    ),
    # ── Trygghet ──────────────────────────────────────────────────────────────────────────────────────────
    Idea(
        key="faltassistenter-jarfalla",
        topic="faltassistenter",
        places=("0123",),
        author="Malin Axelsson",
        title="Fältassistenter ute på kvällar och helger i Järfälla",
        summary="Järfälla ska anställa fler fältassistenter som finns där ungdomarna är på fredags- och "
        "lördagskvällar.",
        problem="Fältassistenterna jobbar mest dagtid, medan bråk och rekrytering till kriminalitet sker "
        "på kvällarna.",
        body="Fältassistenter som känner ungdomarna kan fånga upp dem tidigt. Kommunen ska ha fältarbete "
        "varje kväll i Jakobsberg, Kallhäll och Barkarby och samarbeta med nattvandrarna.",
        tags=("fältassistenter", "trygghet", "ungdomar"),
        status="selected",
        days_ago=130,
    ),
    Idea(
        key="faltassistenter-vaxholm",
        topic="faltassistenter",
        places=("0187",),
        author="Stig Persson",
        title="En fältassistent även i Vaxholm",
        summary="Vaxholm ska anställa en egen fältassistent i stället för att dela med grannkommunen.",
        problem="Vaxholm delar fältassistent med Österåker, och ungdomarna på öarna träffar henne sällan.",
        body="En fältassistent som finns på plats vid båtarna, skolan och idrottsplatsen kan bygga "
        "förtroende med ungdomarna i Vaxholm.",
        tags=("fältassistenter", "ungdomar"),
        days_ago=10,
    ),
    Idea(
        key="belysning-tyreso",
        topic="belysning",
        places=("0138",),
        author="Ingrid Wallin",
        title="Bättre belysning i parker och gångtunnlar i Tyresö",
        summary="Tyresö ska gå trygghetsvandringar i varje kommundel och åtgärda dålig belysning inom ett år.",
        problem="Många kvinnor och äldre undviker gångvägar och tunnlar i Tyresö efter mörkrets inbrott.",
        body="Bra belysning är en billig trygghetsåtgärd. Kommunen ska bjuda in boende till "
        "trygghetsvandringar och sedan byta lampor, klippa buskage och måla om mörka gångtunnlar.",
        tags=("belysning", "trygghet", "trygghetsvandring"),
        status="answered",
        answer="Tack Ingrid! Partiet i Tyresö har fått igenom trygghetsvandringar i alla kommundelar, och "
        "pengar till ny belysning i gångtunnlarna finns i årets budget. Länsdistriktet sprider ert "
        "arbetssätt med belysning till andra arbetarekommuner.",
        days_ago=225,
    ),
    Idea(
        key="belysning-motionsspar",
        topic="belysning",
        places=("0139",),
        author="Tomas Fransson",
        title="Belysta motionsspår och gångvägar i Upplands-Bro",
        summary="Upplands-Bro ska sätta belysning längs motionsspåren och gångvägarna mellan Kungsängen och Bro.",
        problem="Under vinterhalvåret är det mörkt redan när folk kommer hem från jobbet.",
        body="Belysta motionsspår gör att fler vågar springa och gå ute på kvällen. LED-lampor med "
        "närvarostyrning ger ljus där det behövs utan stora elkostnader.",
        tags=("belysning", "trygghet"),
        days_ago=26,
    ),
    Idea(
        key="gang-forebygg",
        topic="gang",
        places=("0181",),
        author="Yusuf Demir",
        title="Förebygg gängkriminalitet med socialtjänst i skolan",
        summary="Södertälje ska ha socialsekreterare på plats i skolorna för att fånga upp unga som riskerar "
        "att rekryteras till gäng.",
        problem="Gängen rekryterar allt yngre barn, och socialtjänsten får reda på det först när brott begåtts.",
        body="Socialtjänsten ska finnas där barnen är. Med socialsekreterare i skolan kan oron hos lärare "
        "och föräldrar tas om hand direkt, innan barnet hamnar i kriminella miljöer.\n\n"
        "Kommunen ska också erbjuda ett avhopparprogram för unga som vill lämna gängen.",
        tags=("gängkriminalitet", "brottsförebyggande", "trygghet"),
        status="selected",
        comments=(
            Comment(
                author="Johan Berglund",
                text="Socialtjänst i skolan har prövats i Ronna. Lärarna säger att de äntligen vet vem de ska "
                "ringa när de ser att ett barn dras in i gängen.",
            ),
        ),
        days_ago=115,
    ),
    Idea(
        key="gang-avhopp",
        topic="gang",
        places=(REGION,),
        author="Leila Karimi",
        title="Ett gemensamt avhopparprogram för hela länet",
        summary="Länets kommuner ska ha ett gemensamt program för unga som vill lämna kriminella gäng.",
        problem="Den som vill lämna ett gäng måste ofta flytta till en annan kommun, och då tar stödet slut.",
        body="Ett avhopparprogram som gäller i hela länet ger skyddat boende, jobb och stöd oavsett vilken "
        "kommun man flyttar till. Länsstyrelsen och kommunerna kan driva det tillsammans.",
        tags=("gängkriminalitet", "brottsförebyggande"),
        status="under_review",
        days_ago=49,
    ),
    Idea(
        key="gang-stockholm",
        topic="gang",
        places=("0180",),
        author="Ali Mahmoud",
        title="Fler vuxna i Järva på kvällarna för att stoppa gängens rekrytering",
        summary="Stockholms stad ska finansiera fler fältare, föreningar och nattvandrare i Järva så att barn möter "
        "vuxna i stället för gängen.",
        problem="Barn som är ute sent möter äldre kriminella som erbjuder pengar och status.",
        body="Föreningarna i Järva vet vilka barn som behöver en vuxen. Med stabil finansiering kan de "
        "hålla öppet på kvällar och helger och göra det svårare för gängen att rekrytera.",
        tags=("gängkriminalitet", "trygghet"),
        days_ago=15,
    ),
    # ── Kultur och fritid ─────────────────────────────────────────────────────────────────────────────────
    Idea(
        key="kulturskola-haninge",
        topic="kulturskola",
        places=("0136",),
        author="Erik Johansson",
        title="Avgiftsfri kulturskola i Haninge",
        summary="Kulturskolan i Haninge ska vara avgiftsfri och ha undervisning på skoltid i Jordbro och Brandbergen.",
        problem="Avgiften på 1 200 kronor per termin gör att barn i familjer med små marginaler inte kan "
        "spela ett instrument eller dansa.",
        body="Kulturskolan ska vara för alla. Kommunen tar bort avgiften och låter kulturskolans lärare "
        "undervisa på fritids i de områden där få deltar i dag.",
        tags=("kulturskola", "barn och unga", "kultur"),
        status="under_review",
        days_ago=61,
    ),
    Idea(
        key="kulturskola-salem",
        topic="kulturskola",
        places=("0128",),
        author="Jonas Falk",
        title="Kulturskola med dans och teater i Salem",
        summary="Kulturskolan i Salem ska erbjuda dans och teater, inte bara instrument.",
        problem="Salems kulturskola har bara instrumentundervisning, och de som vill dansa får åka till Södertälje.",
        body="Med dans och teater i kulturskolan når vi fler barn, särskilt de som inte lockas av ett "
        "instrument. Kommunen kan samarbeta med Botkyrkas kulturskola om lärare.",
        tags=("kulturskola", "kultur"),
        days_ago=7,
    ),
    Idea(
        key="bibliotek-kvall",
        topic="bibliotek",
        places=("0127",),
        author="Anna Lindqvist",
        title="Bibliotek med kvällsöppet i Botkyrka",
        summary="Biblioteken i Alby, Fittja och Hallunda ska ha öppet till kl. 21 alla vardagar.",
        problem="Biblioteken stänger kl. 18, när många som trångbor behöver en lugn plats att plugga.",
        body="Biblioteket är ofta den enda offentliga platsen där unga kan sitta i lugn och ro. Med "
        "kvällsöppet och bibliotekarier på plats blir biblioteket en trygg plats på kvällen.",
        tags=("bibliotek", "läsning"),
        status="answered",
        answer="Tack Anna. Botkyrka har fått pengar för längre öppettider på biblioteken i Alby och Fittja "
        "från och med hösten. Länsdistriktet tar med erfarenheterna av kvällsöppna bibliotek när vi skriver "
        "reformagendans avsnitt om kultur.",
        days_ago=190,
    ),
    Idea(
        key="bibliotek-bokbuss",
        topic="bibliotek",
        places=("0188",),
        author="Lars Holmberg",
        title="Bokbussen i Norrtälje ska köra varje vecka",
        summary="Norrtälje ska behålla bokbussen och låta den besöka alla byar på landsbygden varje vecka.",
        problem="Bokbussen kör bara varannan vecka och har hotats av nedläggning. Flera filialbibliotek "
        "har redan stängt.",
        body="Bokbussen är landsbygdens bibliotek. För äldre och barn utan bil är den det enda sättet att "
        "låna böcker. Kommunen ska köpa en ny bokbuss och utöka turerna.",
        tags=("bibliotek", "kultur"),
        days_ago=32,
    ),
    Idea(
        key="fritidsgard-sigtuna",
        topic="fritidsgard",
        places=("0191",),
        author="Nils Åberg",
        title="Öppna fritidsgårdar alla dagar i veckan i Sigtuna",
        summary="Fritidsgårdarna i Märsta och Valsta ska ha öppet varje kväll, även fredag och lördag.",
        problem="Fritidsgårdarna är stängda på helgerna, när ungdomarna behöver dem mest.",
        body="En öppen fritidsgård med fritidsledare ger ungdomar en trygg plats och vuxna att prata med. "
        "Kommunen ska anställa fler fritidsledare och hålla öppet alla dagar.",
        tags=("fritidsgård", "fritid", "ungdomar"),
        days_ago=110,
    ),
    Idea(
        key="fritidsgard-danderyd",
        topic="fritidsgard",
        places=("0162",),
        author="Robert Lindahl",
        title="En fritidsgård för unga i Danderyd",
        summary="Danderyd ska öppna en kommunal fritidsgård i Mörby centrum.",
        problem="Danderyd har ingen öppen fritidsgård. Unga utan idrottsintresse har ingenstans att ta vägen.",
        body="En fritidsgård med fritidsledare, musikrum och kafé ger alla unga en mötesplats. Ungdomarna "
        "ska vara med och bestämma hur den ska se ut.",
        tags=("fritidsgård", "ungdomar"),
        days_ago=3,
    ),
    # ── Idrott och folkhälsa ──────────────────────────────────────────────────────────────────────────────
    Idea(
        key="idrottshall-varmdo",
        topic="idrottshall",
        places=("0120",),
        author="Gustav Nordin",
        title="Ny idrottshall i Gustavsberg",
        summary="Värmdö ska bygga en fullstor idrottshall i Gustavsberg med tider för barn och unga först.",
        problem="Föreningarna får inte träningstider, och barn står i kö för att få börja i handbollen.",
        body="En ny idrottshall med två planer ger plats för skolidrotten på dagen och föreningarna på "
        "kvällen. Tiderna ska fördelas så att barn och unga, och flickor, går först.",
        tags=("idrottshall", "föreningsliv"),
        status="under_review",
        days_ago=68,
    ),
    Idea(
        key="spontanidrott-botkyrka",
        topic="idrottshall",
        places=("0127",),
        author="Amira Haddad",
        title="Spontanidrottsplatser nära alla skolor i Botkyrka",
        summary="Botkyrka ska bygga en spontanidrottsplats med konstgräs och belysning vid varje grundskola.",
        problem="Barn som inte är med i en förening har få platser för spontanidrott, där de kan spela fotboll och basket.",
        body="Spontanidrott är öppen för alla, utan avgift och anmälan. En plan med konstgräs och belysning "
        "vid skolan används på rasterna och på kvällen.",
        tags=("spontanidrott", "idrottshall"),
        days_ago=23,
    ),
    Idea(
        key="simning-nynashamn",
        topic="simning",
        places=("0192",),
        author="Birgitta Holm",
        title="Simskola för alla barn i Nynäshamn innan de fyller tio",
        summary="Alla barn i Nynäshamn ska få simundervisning i skolan så att de kan simma innan årskurs 4.",
        problem="Var femte elev i årskurs 6 kan inte simma, trots att Nynäshamn ligger vid havet.",
        body="Kommunen ska erbjuda simskola på skoltid i badhuset, med buss från skolorna. Barn som inte "
        "klarar simkunnighetskravet får extra lektioner på sommaren.",
        tags=("simkunnighet", "badhus", "folkhälsa"),
        days_ago=118,
    ),
    Idea(
        key="badhus-upplands-bro",
        topic="simning",
        places=("0139",),
        author="Tomas Fransson",
        title="Nytt badhus i Upplands-Bro",
        summary="Upplands-Bro ska bygga ett nytt badhus med simhall för skolsim och motion.",
        problem="Det gamla badhuset i Bro är stängt, och skolorna får åka till grannkommunen för simundervisningen.",
        body="Ett nytt badhus behövs för att barn ska lära sig simma och för äldres motion. Kommunen kan bygga "
        "badhuset tillsammans med Upplands Väsby för att dela kostnaderna.",
        tags=("badhus", "simkunnighet"),
        status="declined",
        answer="Tack Tomas. Ett nytt badhus är ett beslut för fullmäktige i Upplands-Bro och inte en fråga för "
        "distriktets reformagenda. Vi har skickat idén till arbetarekommunen, som arbetar med frågan om "
        "simundervisningen i sin budget.",
        days_ago=98,
    ),
    Idea(
        key="rorelse-skolan",
        topic="rorelse",
        places=("0163", "0160"),
        author="Linnea Strand",
        title="Daglig rörelse i skolan i Sollentuna och Täby",
        summary="Alla elever ska ha minst 30 minuters fysisk aktivitet varje skoldag.",
        problem="Barn rör sig allt mindre, och skillnaden i hälsa mellan barn med olika bakgrund ökar.",
        body="Daglig rörelse förbättrar både hälsa och koncentration. Skolorna kan lägga in rörelsepass och "
        "idrott på schemat varje dag, i samarbete med idrottsföreningarna.",
        tags=("fysisk aktivitet", "folkhälsa", "idrott"),
        days_ago=36,
    ),
    # ── Integration och jämlikhet ─────────────────────────────────────────────────────────────────────────
    Idea(
        key="sfi-praktik",
        topic="sfi",
        places=("0183",),
        author="Ahmed Yusuf",
        title="Sfi kombinerad med praktik från första dagen i Sundbyberg",
        summary="Sundbyberg ska erbjuda svenska för invandrare tillsammans med praktik och yrkesutbildning.",
        problem="Nyanlända läser sfi i flera år utan att komma närmare ett jobb.",
        body="Svenska lär man sig snabbast på en arbetsplats. Kommunen ska kombinera sfi med praktik i "
        "kommunens verksamheter och yrkesutbildning inom vård, bygg och transport.",
        tags=("sfi", "integration", "svenskundervisning"),
        status="under_review",
        days_ago=74,
    ),
    Idea(
        key="sfi-foraldrar",
        topic="sfi",
        places=("0184",),
        author="Emma Sjöberg",
        title="Sfi med barnpassning för föräldralediga i Solna",
        summary="Solna ska erbjuda sfi med barnpassning så att föräldralediga kan lära sig svenska.",
        problem="Många nyanlända mammor börjar sfi först när barnen börjat förskolan, flera år efter ankomsten.",
        body="Med barnpassning i samma hus kan föräldralediga läsa svenska under föräldraledigheten. "
        "Öppna förskolan och sfi kan dela lokaler.",
        tags=("sfi", "integration"),
        status="under_review",
        days_ago=108,
    ),
    Idea(
        key="jamstalldhet-lon",
        topic="jamstalldhet",
        places=(REGION,),
        author="Marie Lund",
        title="Lika lön för lika arbete i Region Stockholm",
        summary="Regionen ska göra lönekartläggning varje år och rätta till osakliga löneskillnader mellan "
        "kvinnor och män.",
        problem="I regionens vård har kvinnodominerade yrken lägre lön än mansdominerade med samma krav.",
        body="Regionen är länets största arbetsgivare och ska gå före. En årlig lönekartläggning ska "
        "följas av en plan för att stänga löneskillnaderna, med pengar avsatta i budgeten.",
        tags=("jämställdhet", "lika lön", "jämlikhet"),
        status="answered",
        answer="Tack Marie. Regiongruppen har fått igenom en årlig lönekartläggning, och vi driver nu att "
        "regionen avsätter pengar för att stänga löneskillnaderna mellan kvinnor och män. Idén följer med i "
        "arbetet med regionens budget.",
        days_ago=255,
    ),
    Idea(
        key="mentorskap-unga",
        topic="mentorskap",
        places=("0126",),
        author="Aisha Omar",
        title="Mentorer från arbetslivet för unga i Flemingsberg",
        summary="Huddinge ska ordna mentorskap där unga i Flemingsberg träffar en mentor från arbetslivet "
        "en gång i månaden.",
        problem="Unga i Flemingsberg saknar kontakter i arbetslivet och förebilder med utbildning.",
        body="En mentor kan öppna dörrar till praktik och jobb och visa vägar som unga inte vet finns. "
        "Kommunen samarbetar med företag, högskolan och fackförbunden.",
        tags=("mentorskap", "integration", "unga"),
        days_ago=53,
    ),
    Idea(
        key="mentorskap-tjejer",
        topic="mentorskap",
        places=("0180",),
        author="Leila Karimi",
        title="Nätverk och mentorer för tjejer i Tensta",
        summary="Stockholms stad ska stödja ett nätverk där tjejer i Tensta möter mentorer och förebilder.",
        problem="Tjejer i Tensta har få förebilder i yrken som ingenjör, läkare eller jurist.",
        body="Ett nätverk med mentorer ger stöd i skolan och i valet av utbildning. Staden ska stödja "
        "föreningen som redan driver mentorskap i Tensta träff.",
        tags=("mentorskap", "unga"),
        days_ago=2,
    ),
    # ── Demokrati och delaktighet ─────────────────────────────────────────────────────────────────────────
    Idea(
        key="medborgarbudget-jarva",
        topic="medborgarbudget",
        places=("0180",),
        author="Fatima Hassan",
        title="Medborgarbudget i varje stadsdelsområde i Stockholm",
        summary="De boende i varje stadsdelsområde ska själva bestämma över en del av budgeten för närmiljön.",
        problem="Många i ytterstaden känner att de inte får bestämma något om sin närmiljö.",
        body="I en medborgarbudget föreslår de boende vad pengarna ska gå till och röstar sedan. Det har "
        "prövats i Paris och i Göteborg. Staden ska avsätta fem miljoner kronor per stadsdelsområde.",
        tags=("medborgarbudget", "delaktighet", "demokrati"),
        status="under_review",
        days_ago=78,
    ),
    Idea(
        key="medborgarbudget-orebro",
        topic="medborgarbudget",
        places=("0192",),
        author="Birgitta Holm",
        title="Medborgarbudget för Nynäshamns skärgård",
        summary="Boende i Nynäshamns skärgård ska få bestämma hur en del av kommunens budget för bryggor "
        "och vägar används.",
        problem="Öarna i Nynäshamns skärgård känner sig bortglömda i kommunens budget.",
        body="En medborgarbudget för skärgården låter de boende bestämma vilka bryggor, vägar och "
        "mötesplatser som ska rustas först.",
        tags=("medborgarbudget", "delaktighet"),
        days_ago=1,
    ),
    Idea(
        key="ungdomsrad-huddinge",
        topic="ungdomsrad",
        places=("0126",),
        author=MEMBER_LOGIN,
        title="Ungdomsråd med egen budget i Huddinge",
        summary="Huddinge ska ha ett ungdomsråd som väljs av eleverna och bestämmer över en egen budget.",
        problem="Unga i Huddinge har ingen väg att påverka kommunens beslut, och få röstar i kommunvalet.",
        body="Ett ungdomsråd med egen budget ger unga verklig makt och lär dem hur demokratin fungerar. "
        "Rådet ska ha rätt att lägga förslag i kommunfullmäktige.",
        tags=("ungdomsråd", "unga", "demokrati"),
        status="declined",
        answer="Tack Maria. Huddinge har redan ett ungdomsråd sedan 2024, men utan egen budget. Frågan om "
        "budget för ungdomsrådet är ett beslut för kommunfullmäktige, så vi har skickat idén till "
        "arbetarekommunen i stället för att ta den till reformagendan.",
        days_ago=92,
    ),
    Idea(
        key="ungdomsrad-osteraker",
        topic="ungdomsrad",
        places=("0117",),
        author="Marie Lund",
        title="Ungdomsfullmäktige i Österåker",
        summary="Österåker ska inrätta ett ungdomsfullmäktige där unga kan ställa frågor till politikerna.",
        problem="Unga i Österåker får sällan säga sitt innan kommunen fattar beslut om skolor och fritid.",
        body="Ett ungdomsfullmäktige två gånger om året, där unga själva väljer frågor och politikerna "
        "svarar, gör demokratin synlig för unga.",
        tags=("ungdomsråd", "demokrati"),
        days_ago=31,
    ),
    Idea(
        key="medborgarkontor-botkyrka",
        topic="medborgarkontor",
        places=("0127",),
        author="Amira Haddad",
        title="Medborgarkontor med hjälp på flera språk i Fittja",
        summary="Botkyrka ska öppna ett medborgarkontor i Fittja där man får hjälp med myndigheter på flera språk.",
        problem="Många vet inte hur man söker bostadsbidrag, förskola eller vård, och myndigheterna har "
        "flyttat sina kontor.",
        body="Ett medborgarkontor samlar kommunens service och hjälp med Försäkringskassan och "
        "Skatteverket på ett ställe, med personal som talar arabiska, somaliska och turkiska.",
        tags=("medborgarkontor", "service"),
        status="under_review",
        days_ago=112,
    ),
    Idea(
        key="medborgarkontor-norrtalje",
        topic="medborgarkontor",
        places=("0188",),
        author="Lars Holmberg",
        title="Servicekontor på landsbygden i Norrtälje",
        summary="Norrtälje ska öppna servicekontor i Hallstavik och Rimbo med kommunens och statens service.",
        problem="När Skatteverket och Försäkringskassan stängt sina kontor på landsbygden finns ingen "
        "samhällsservice kvar, och man måste åka till stan för enkla ärenden.",
        body="Ett servicekontor i Hallstavik och ett i Rimbo, i samarbete med statens servicekontor, "
        "gör samhällsservice tillgänglig för alla.",
        tags=("medborgarkontor", "service"),
        days_ago=47,
    ),
]


@dataclass(frozen=True, kw_only=True)
class AgendaSection:
    """A reform direction of a demo agenda: the policy areas it covers and its points, each citing the
    selected ideas (keys) it came from."""

    title: str
    intro: str
    areas: tuple[str, ...]
    points: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True, kw_only=True)
class AgendaRevision:
    """A later edit of a demo agenda, saved as a version with `message`: the intro of reform direction
    `section` (an index) rewritten, or the point citing idea `point` (a key) reworded, or merged with the point
    citing idea `merge_with`."""

    message: str
    text: str
    section: int | None = None
    point: str = ""
    merge_with: str = ""


@dataclass(frozen=True, kw_only=True)
class AgendaAmendment:
    """A member's amendment while the agenda is on consultation: replace the text of the point citing idea
    `point` (a key), or add a point to reform direction `section` (an index)."""

    author: str
    motivation: str
    text: str
    point: str = ""
    section: int | None = None


@dataclass(frozen=True, kw_only=True)
class DemoAgenda:
    title: str
    district: str
    editor: str
    narrative: str
    sections: tuple[AgendaSection, ...]
    revisions: tuple[AgendaRevision, ...] = ()
    # Sent on consultation to the members for this many days (None: stays a draft, seen by its editors only).
    consultation_days: int | None = None
    amendments: tuple[AgendaAmendment, ...] = ()


AGENDAS = (
    DemoAgenda(
        title="Reformagenda för Stockholms län 2026",
        district="lan",
        consultation_days=30,
        amendments=(
            AgendaAmendment(
                author="Birgitta Holm",
                point="buss-haninge",
                text="Bussar minst var 15:e minut till midnatt på linjerna som binder ihop länets kommundelar med "
                "pendeltåget, och nattbuss alla nätter där pendeltåget inte går.",
                motivation="Pendeltåget till Nynäshamn går inte på natten. Utan nattbuss står den som jobbar natt "
                "utan resa hem – se idén om nattbuss mellan Haninge och Nynäshamn.",
            ),
            AgendaAmendment(
                author="Aisha Omar",
                point="hemtjanst-team",
                text="Hemtjänst i små fasta team, med heltid och betald utbildning till undersköterska för alla "
                "som arbetar i hemtjänsten.",
                motivation="Fasta team räcker inte om personalen inte får utbildning. Många i hemtjänsten saknar "
                "undersköterskeexamen och vill läsa på arbetstid.",
            ),
            AgendaAmendment(
                author="Lars Holmberg",
                section=3,
                text="Träffpunkter med lunch och aktiviteter mot ensamhet bland äldre i varje kommundel.",
                motivation="Ensamheten bland äldre är störst på landsbygden. Idén om träffpunkter i Norrtälje "
                "visar hur kommunen och pensionärsföreningarna kan göra det tillsammans.",
            ),
        ),
        editor="redaktor.lan@example.se",
        narrative="Stockholms län ska vara en region där alla kan leva ett gott liv – oavsett om man bor i "
        "Jordbro, Jakobsberg eller Hallstavik. Den här agendan bygger på medlemmarnas idéer från hela länet.\n\n"
        "Vi prioriterar **en jämlik skola**, **bostäder som folk har råd med**, **en kollektivtrafik som går "
        "när folk behöver den** och **en vård och omsorg som finns nära**.",
        sections=(
            AgendaSection(
                title="Jämlik skola och förskola",
                intro="Varje barn ska få samma chans, oavsett bostadsområde och föräldrarnas inkomst.",
                areas=("skola-och-utbildning", "forskola-och-barnomsorg"),
                points=(
                    (
                        "Läxhjälp med behöriga lärare varje eftermiddag på alla grundskolor, först där "
                        "behörigheten till gymnasiet är lägst.",
                        ("laxhjalp-botkyrka",),
                    ),
                    (
                        "Kurator och skolsköterska på plats varje skoldag, med elevhälsans resurser fördelade "
                        "efter behov.",
                        ("elevhalsa-haninge",),
                    ),
                    (
                        "Barnomsorg på kvällar, nätter och helger i varje kommundel för föräldrar som jobbar "
                        "obekväma tider.",
                        ("nattis-sodertalje",),
                    ),
                ),
            ),
            AgendaSection(
                title="Bostäder för alla",
                intro="Fler hyresrätter med rimliga hyror, renoveringar utan hyreschocker och ett slut på "
                "hemlösheten.",
                areas=("bostader-och-stadsbyggnad", "socialtjanst-och-funktionsstod"),
                points=(
                    (
                        "Kommunernas bostadsbolag bygger hyresrätter som en undersköterska har råd med, på "
                        "kommunens egen mark.",
                        ("hyresratter-sundbyberg",),
                    ),
                    (
                        "Hyresgästerna väljer själva renoveringsnivå, och hyreshöjningar fasas in över fem år.",
                        ("renovering-jarfalla",),
                    ),
                    (
                        "Bostad först för alla hemlösa, med lägenheter i allmännyttan och stöd av socialtjänsten.",
                        ("bostad-forst-sodertalje",),
                    ),
                ),
            ),
            AgendaSection(
                title="Kollektivtrafik och klimat",
                intro="Billigare, tätare och grönare resor – och en klimatomställning som ger jobb.",
                areas=("kollektivtrafik-och-infrastruktur", "klimat-och-miljo"),
                points=(
                    (
                        "Avgiftsfri kollektivtrafik för alla under 20 år.",
                        ("sl-unga",),
                    ),
                    (
                        "Bussar minst var 15:e minut till midnatt på linjerna som binder ihop länets "
                        "kommundelar med pendeltåget.",
                        ("buss-haninge",),
                    ),
                    (
                        "Sammanhängande snabbcykelbanor över kommungränserna, snöröjda först.",
                        ("cykel-sodertorn",),
                    ),
                    (
                        "Solceller på kommunernas skolor, förskolor och äldreboenden, med lärlingsjobb för unga.",
                        ("solceller-haninge",),
                    ),
                ),
            ),
            AgendaSection(
                title="Vård och omsorg nära dig",
                intro="En fast läkare, kortare väntan för barn som mår dåligt och en äldreomsorg där man "
                "känner igen personalen.",
                areas=("vard-och-halsa", "aldreomsorg"),
                points=(
                    (
                        "Fast läkarkontakt på vårdcentralen för alla äldre och kroniskt sjuka, med en "
                        "ersättning som belönar kontinuitet.",
                        ("vardcentral-fast-lakare",),
                    ),
                    (
                        "Första bedömning på BUP inom 30 dagar, och en gemensam väg in med elevhälsan.",
                        ("bup-vantetider",),
                    ),
                    (
                        "Hemtjänst i små fasta team, med heltid för undersköterskorna.",
                        ("hemtjanst-team",),
                    ),
                ),
            ),
            AgendaSection(
                title="Trygga uppväxtvillkor och schyssta jobb",
                intro="Fler vuxna där ungdomarna finns, ett första jobb för alla unga och heltid som norm.",
                areas=("trygghet", "arbete-och-naringsliv", "kultur-och-fritid", "idrott-och-folkhalsa"),
                points=(
                    (
                        "Sommarjobb med lön och handledare för alla 16–19-åringar.",
                        ("sommarjobb-botkyrka",),
                    ),
                    (
                        "Heltid som norm och inga delade turer i välfärden.",
                        ("heltid-norm",),
                    ),
                    (
                        "Fältassistenter ute på kvällar och helger.",
                        ("faltassistenter-jarfalla",),
                    ),
                    (
                        "Socialsekreterare i skolan och ett avhopparprogram, så att färre barn rekryteras "
                        "till gängen.",
                        ("gang-forebygg",),
                    ),
                ),
            ),
        ),
        revisions=(
            AgendaRevision(
                message="Tydligare inledning om skolan efter remissmötet med arbetarekommunerna",
                section=0,
                text="Varje barn ska få samma chans, oavsett bostadsområde och föräldrarnas inkomst. "
                "Reformerna ska gälla i alla länets kommuner, inte bara som försök.",
            ),
            AgendaRevision(
                message="Pris och åldersgräns för avgiftsfri kollektivtrafik enligt regiongruppens beräkning",
                point="sl-unga",
                text="Avgiftsfri kollektivtrafik för alla under 20 år, finansierad inom regionens budget "
                "(omkring 900 miljoner kronor om året).",
            ),
            AgendaRevision(
                message="Slog ihop punkterna om fältassistenter och gängprevention: samma insats, samma budget",
                point="faltassistenter-jarfalla",
                merge_with="gang-forebygg",
                text="Fler vuxna där ungdomarna finns: fältassistenter på kvällar och helger, socialsekreterare "
                "i skolan och ett avhopparprogram, så att färre barn rekryteras till gängen.",
            ),
        ),
    ),
    DemoAgenda(
        title="Reformagenda för Stockholms stad 2026",
        district="stad",
        editor="redaktor.stad@example.se",
        narrative="Stockholm ska hålla ihop. Skillnaderna mellan innerstad och ytterstad ska minska, och "
        "det börjar med skolan och bostäderna.",
        sections=(
            AgendaSection(
                title="En skola som håller ihop staden",
                intro="Skolvalet ska inte sortera barnen efter föräldrarnas bakgrund.",
                areas=("skola-och-utbildning",),
                points=(
                    (
                        "En gemensam skolkö för alla skolor i staden, med syskonförtur och utan kötid från "
                        "födseln.",
                        ("skolval-stockholm",),
                    ),
                ),
            ),
            AgendaSection(
                title="Bostäder som stockholmare har råd med",
                intro="Allmännyttan ska bygga igen.",
                areas=("bostader-och-stadsbyggnad",),
                points=(
                    (
                        "Stadens bostadsbolag påbörjar minst 2 000 hyresrätter om året.",
                        ("allmannyttan-stockholm",),
                    ),
                ),
            ),
        ),
        revisions=(
            AgendaRevision(
                message="Byggmålet gäller påbörjade hyresrätter, inte färdiga",
                point="allmannyttan-stockholm",
                text="Stadens bostadsbolag påbörjar minst 2 000 hyresrätter om året, varav en del med lägre "
                "standard och hyra.",
            ),
        ),
    ),
)

# The benchmark's ideas are the demo's records moved to another municipality and given one of these endings,
# so that titles stay varied without numbers in them.
# ── Idea rounds (rounds app) ──────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True, kw_only=True)
class DemoRound:
    """An idea round of the demo: its dates in days from today (negative: in the past), the district's code (""
    for a joint round), the editor who opened it, and the keys of the demo ideas submitted to it."""

    title: str
    district: str
    editor: str
    description: str
    opens_days: int
    closes_days: int
    areas: tuple[str, ...] = ()
    ideas: tuple[str, ...] = ()


ROUNDS = (
    DemoRound(
        title="Trygghet i förorten",
        district="lan",
        editor="redaktor.lan@example.se",
        description=(
            "Inför distriktskongressen vill länets styrelse samla medlemmarnas idéer om **trygghet** i förorter "
            "och kommundelscentrum: fler vuxna ute på kvällarna, ljusare gångstråk, fritidsgårdar som har "
            "öppet när de behövs och vägar ut ur gängen.\n\n"
            "Skriv konkret: vad ska göras, var, och vem ska göra det? Styrelsen går igenom alla idéer när "
            "insamlingen har stängt och svarar på varje idé."
        ),
        opens_days=-140,
        closes_days=20,
        ideas=(
            "faltassistenter-jarfalla",
            "gang-forebygg",
            "fritidsgard-sigtuna",
            "gang-avhopp",
            "belysning-motionsspar",
            "faltassistenter-vaxholm",
            "fritidsgard-danderyd",
        ),
    ),
    DemoRound(
        title="Klimatsmarta kommuner",
        district="",
        editor="redaktor.stad@example.se",
        description=(
            "Båda distriktens styrelser bad våren 2026 om idéer för att kommunerna och regionen ska minska "
            "sina utsläpp: solenergi på kommunens tak, laddning för den som bor i hyresrätt och mer grönska "
            "i staden. Insamlingen är avslutad; idéerna bereds nu inför reformagendan."
        ),
        opens_days=-250,
        closes_days=-100,
        areas=("klimat-och-miljo",),
        ideas=("trad-skarholmen", "solceller-haninge", "laddstolpar-hyresratt"),
    ),
)


BENCH_VARIATIONS = (
    "",
    " – ett första steg",
    " – med uppföljning varje år",
    " – tillsammans med facket",
    " – redan nästa budgetår",
    " – förslag från medlemsmötet",
    " – med föreningslivet",
    " – efter samtal med de boende",
)


def bench_idea(
    rng: random.Random, idea: Idea, place_names: dict[str, str], municipalities: list[str]
) -> dict:
    """One benchmark idea from a demo record: an idea about municipalities is moved to others, as many (their
    names replaced in every text, in one pass), and the title gets a variation. A region idea stays."""
    codes = list(idea.places)
    texts = {
        "title": idea.title,
        "summary": idea.summary,
        "problem": idea.problem,
        "body": idea.body,
        "answer": idea.answer,
    }
    if REGION not in codes:
        moved = []  # as many different municipalities, drawn by weight (the list repeats the big ones)
        while len(moved) < len(codes):
            code = rng.choice(municipalities)
            if code not in moved:
                moved.append(code)
        names = {place_names[old]: place_names[new] for old, new in zip(codes, moved)}
        pattern = re.compile("|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)))
        texts = {name: pattern.sub(lambda m: names[m.group(0)], text) for name, text in texts.items()}
        codes = moved
    texts["title"] = (texts["title"] + rng.choice(BENCH_VARIATIONS))[:160]
    return {**texts, "places": codes, "tags": list(idea.tags), "area": idea.area}


# ── In practice: governing municipalities, elected representatives, implementations ─────────────────────────
# Where the party governs (place code, first year, note); the region too.
GOVERNING = (
    ("0127", 2014, "Tillsammans med Vänsterpartiet och Miljöpartiet"),
    ("0181", 2018, "Minoritetsstyre med stöd av Centerpartiet"),
    ("0136", 2022, "Tillsammans med Centerpartiet"),
    ("0192", 2022, "Tillsammans med Vänsterpartiet"),
    ("0183", 2022, ""),
    ("0139", 2018, "Tillsammans med Centerpartiet och Miljöpartiet"),
    (REGION, 2022, "Tillsammans med Vänsterpartiet och Miljöpartiet"),
)


@dataclass(frozen=True)
class Representative:
    name: str
    kind: str
    place: str | None
    title: str
    carries: tuple[str, ...] = ()
    confirmed: bool = True


REPRESENTATIVES = (
    Representative(
        "Anna Lindqvist",
        "municipal_council",
        "0127",
        "Ordförande i utbildningsnämnden",
        carries=("laxhjalp-botkyrka", "sommarjobb-botkyrka"),
    ),
    Representative(
        "Johan Berglund",
        "board",
        "0181",
        "Ledamot i socialnämnden",
        carries=("nattis-sodertalje", "bostad-forst-sodertalje"),
    ),
    Representative(
        "Erik Johansson",
        "municipal_council",
        "0136",
        "Gruppledare",
        carries=("solceller-haninge", "buss-haninge"),
    ),
    Representative(
        "Helena Virtanen",
        "regional_council",
        REGION,
        "Ledamot i hälso- och sjukvårdsnämnden",
        carries=("bup-vantetider", "vardcentral-fast-lakare"),
    ),
    Representative(
        "Birgitta Holm", "parliament", None, "Riksdagsledamot för Stockholms län", carries=("heltid-norm",)
    ),
    Representative(
        "Rasmus Eklund", "municipal_council", "0182", "Ersättare i kommunfullmäktige", confirmed=False
    ),
)


@dataclass(frozen=True)
class Step:
    state: str
    days_ago: int
    outcome: str = ""
    link: str = ""


# Each idea's implementation in a place: its recordings, oldest first, by whom (a representative's name, or
# an editor's email).
IMPLEMENTATIONS = (
    (
        "laxhjalp-botkyrka",
        "0127",
        "Anna Lindqvist",
        (
            Step("proposed", 150, "Motion i kommunfullmäktige om läxhjälp fyra eftermiddagar i veckan."),
            Step(
                "decided",
                120,
                "Beslut i utbildningsnämnden: försök på sex skolor i Alby, Fittja och Hallunda.",
            ),
            Step(
                "trial",
                60,
                "Läxhjälpen är igång på sex skolor. Omkring 240 elever kommer varje vecka, flest i årskurs 8 och 9.",
                "https://www.botkyrka.se/",
            ),
        ),
    ),
    (
        "nattis-sodertalje",
        "0181",
        "Johan Berglund",
        (
            Step(
                "decided", 400, "Kommunfullmäktige beslutade om en nattöppen förskola i Södertälje centrum."
            ),
            Step(
                "carried_out",
                200,
                "Förskolan Nattugglan har öppet till kl. 23 och på helger. 38 barn har plats, de flesta till "
                "föräldrar inom vården och handeln.",
            ),
            Step(
                "evaluated",
                30,
                "Utvärderingen visar att föräldrarna kunnat gå upp i arbetstid och att kön är kort. Nämnden "
                "föreslår en andra förskola i Hovsjö.",
                "https://www.sodertalje.se/",
            ),
        ),
    ),
    (
        "solceller-haninge",
        "0136",
        "Erik Johansson",
        (
            Step("decided", 300, "Budgetbeslut: solceller på alla kommunala tak som lämpar sig, i fem år."),
            Step(
                "carried_out",
                45,
                "Solceller på 31 skolor och förskolor. De ger ungefär 12 procent av el-behovet.",
            ),
        ),
    ),
    (
        "buss-haninge",
        "0136",
        "redaktor.lan@example.se",
        (
            Step("proposed", 220, "Motion om tätare kvällstrafik på linjerna till Jordbro och Brandbergen."),
            Step(
                "dropped",
                90,
                "Regionen sköter trafiken: frågan drivs nu i regionfullmäktige i stället för i kommunen.",
            ),
        ),
    ),
    (
        "bup-vantetider",
        REGION,
        "Helena Virtanen",
        (
            Step(
                "decided", 75, "Hälso- och sjukvårdsnämnden beslutade om en vårdgaranti på 30 dagar till BUP."
            ),
        ),
    ),
    (
        "bostad-forst-sodertalje",
        "0181",
        "Johan Berglund",
        (
            Step(
                "trial",
                250,
                "Tjugo lägenheter från allmännyttan med stöd från socialtjänsten.",
            ),
            Step(
                "evaluated",
                20,
                "17 av 20 hyresgäster bor kvar efter ett år. Socialnämnden vill göra Bostad först till ordinarie "
                "arbetssätt.",
            ),
        ),
    ),
    (
        "sommarjobb-botkyrka",
        "0127",
        "redaktor.lan@example.se",
        (Step("carried_out", 180, "1 450 ungdomar fick sommarjobb i kommunen i somras, fler än någonsin."),),
    ),
    (
        "heltid-norm",
        "0180",
        "Birgitta Holm",
        (Step("proposed", 35, "Motion i kommunfullmäktige om heltid som norm i stadens äldreomsorg."),),
    ),
)


# ── Meetings (the meetings app): held ones over the last months, one with notes citing the ideas raised, and
# one coming, digital ──────


@dataclass(frozen=True, kw_only=True)
class DemoMeeting:
    """A meeting of the demo. `district` a district code (None: joint); `days` from today (negative: held),
    starting at `hour` Swedish time; `attendees` demo members' names; `ideas` keys of ideas raised."""

    title: str
    district: str | None
    kind: str
    days: int
    hour: int
    minutes: int
    capacity: int
    description: str
    address: str = ""
    join_url: str = ""
    notes: str = ""
    ideas: tuple[str, ...] = ()
    attendees: tuple[str, ...] = ()
    editor: str = "redaktor.lan@example.se"


MEETINGS = (
    DemoMeeting(
        title="Trygghet i Järva – medlemsmöte i Rinkeby",
        district="stad",
        kind="on_site",
        days=-131,
        hour=18,
        minutes=120,
        capacity=50,
        address="Rinkeby folkets hus, Rinkebytorget 1, Stockholm",
        description="Vad gör Järva tryggare på riktigt: fler fältassistenter, öppna fritidsgårdar på "
        "helgerna eller bättre belysning? Vi går igenom idéerna i Reformbanken tillsammans.",
        attendees=("Mohammed Ali", "Leila Karimi", "Hanna Björk", "Ali Mahmoud", "Helena Virtanen"),
        editor="redaktor.stad@example.se",
    ),
    DemoMeeting(
        title="Pendeltåg och bussar i norra länet – digitalt medlemsmöte",
        district="lan",
        kind="digital",
        days=-96,
        hour=19,
        minutes=90,
        capacity=80,
        join_url="https://mote.example.se/reformbanken/kollektivtrafik-norr",
        description="Medlemmar i Sigtuna, Upplands Väsby, Vallentuna och Norrtälje samtalar om tätare "
        "pendeltåg, nattbussar och pendlarparkeringar.",
        attendees=("Lars Holmberg", "Stig Persson", "Eva Granath", "Birgitta Holm", "Linnea Strand"),
    ),
    DemoMeeting(
        title="Äldreomsorg med tid för människan – gemensamt medlemsmöte",
        district=None,
        kind="on_site",
        days=-61,
        hour=17,
        minutes=150,
        capacity=60,
        address="ABF-huset, Sveavägen 41, Stockholm",
        description="Båda distrikten bjuder in till ett samtal om heltider i hemtjänsten, färre olika "
        "personal per brukare och trygghetsboenden i hela länet.",
        attendees=(
            "Karin Nyström",
            "Erik Johansson",
            "Fatima Hassan",
            "Ingrid Wallin",
            "Aisha Omar",
            "Sofia Rahimi",
        ),
    ),
    DemoMeeting(
        title="Läxhjälp för alla – medlemsmöte i Botkyrka",
        district="lan",
        kind="on_site",
        days=-18,
        hour=18,
        minutes=120,
        capacity=40,
        address="Folkets hus Fittja, Fittja centrum, Botkyrka",
        description="Hur får alla elever i Botkyrka hjälp med läxorna, även under loven? Vi samtalar med "
        "lärare och föräldrar om idéerna i Reformbanken.\n\nFika från kl. 17.30.",
        notes="Ett tjugotal medlemmar, två lärare från Fittjaskolan och en bibliotekarie från Alby bibliotek "
        "var med.\n\n"
        "- Läxhjälpen behöver behöriga lärare; lärarstudenter från Södertörn kan fylla på.\n"
        "- Biblioteken kan ha läxhjälp under loven om kommunen betalar lärartimmarna.\n"
        "- Mötet ställde sig bakom båda idéerna och vill att styrelsen tar med dem i reformagendan.\n\n"
        "Nästa steg: Anna Lindqvist och Amira Haddad räknar på kostnaden för lovläxhjälpen.",
        ideas=("laxhjalp-botkyrka", "laxhjalp-bibliotek"),
        attendees=("Anna Lindqvist", "Amira Haddad", "Jonas Falk", "Karin Nyström", "Maria Medlem"),
    ),
    DemoMeeting(
        title="Fler hyresrätter i hela länet – digitalt samtal",
        district=None,
        kind="digital",
        days=9,
        hour=18,
        minutes=90,
        capacity=60,
        join_url="https://mote.example.se/reformbanken/hyresratter",
        description="Båda distrikten bjuder in till ett digitalt samtal om bostadspolitiken inför valet: hur "
        "bygger allmännyttan fler hyresrätter som vanliga löner räcker till?\n\n"
        "Länken till mötet visas här för dig som är anmäld, en timme före start.",
        attendees=("Fatima Hassan", "Erik Johansson", "Leila Karimi", "Johan Berglund"),
    ),
)


# ── Moderation ────────────────────────────────────────────────────────────────────────────────────────────
@dataclass(frozen=True, kw_only=True)
class DemoReport:
    """A member's report, still open for the editors: of an idea (`idea` is its key), or of its top-level
    comment number `comment` (0 for the first)."""

    idea: str
    reporter: str
    reason: str
    comment: int | None = None


REPORTS = (
    DemoReport(
        idea="skolval-stockholm",
        comment=0,
        reporter="Stig Persson",
        reason="Tonen mot familjer som har valt friskola är onödigt hård. Kan redaktionen se över kommentaren?",
    ),
    DemoReport(
        idea="laxhjalp-botkyrka",
        comment=0,
        reporter="Daniel Öberg",
        reason="Kommentaren pekar ut en namngiven skola. Är det okej att det står kvar så?",
    ),
    DemoReport(
        idea="nattis-sodertalje-igen",
        reporter="Yusuf Demir",
        reason="Det här är samma förslag som idén om nattis i Södertälje som redan finns. Kan de slås ihop?",
    ),
)
