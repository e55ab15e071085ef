"""Realistic Swedish reform ideas for the demo and the benchmark, generated from parts."""

import random

# Per policy area (slug): title patterns, problems, proposals and tags. "{place}" is filled in.
AREAS = {
    "skola-och-utbildning": {
        "titles": [
            "Gratis läxhjälp på alla skolor i {place}",
            "Fler speciallärare i grundskolan",
            "Lovskola för elever som riskerar att inte nå målen",
            "Mindre klasser i lågstadiet",
            "Skolbibliotek med utbildade bibliotekarier på varje skola",
            "Avgiftsfria skolresor och studiebesök",
        ],
        "problems": [
            "Alltför många elever lämnar grundskolan utan fullständiga betyg, och skillnaderna mellan skolorna ökar.",
            "Lärarna hinner inte ge det stöd eleverna behöver, och föräldrarnas utbildning avgör för mycket.",
        ],
        "bodies": [
            "Kommunen ska erbjuda läxhjälp varje eftermiddag med behöriga lärare och studenter. Skolorna samarbetar med bibliotek och föreningar så att alla elever får en lugn plats att plugga.",
            "Varje skola ska ha tillgång till speciallärare och elevhälsa. Resurserna fördelas efter behov så att skolor med tuffare förutsättningar får mer.",
        ],
        "tags": ["läxhjälp", "grundskola", "lärare", "elevhälsa", "skolbibliotek", "jämlik skola"],
    },
    "forskola-och-barnomsorg": {
        "titles": [
            "Barnomsorg på kvällar och helger i {place}",
            "Mindre barngrupper i förskolan",
            "Öppen förskola i varje stadsdel",
        ],
        "problems": [
            "Föräldrar som jobbar obekväma tider saknar barnomsorg, vilket stänger dem ute från många jobb.",
            "Barngrupperna i förskolan är för stora och personalen hinner inte se varje barn.",
        ],
        "bodies": [
            "Inför nattis och helgomsorg i minst en förskola per kommundel, med personal som har rätt utbildning.",
            "Sätt ett tak för barngruppernas storlek och anställ fler förskollärare och barnskötare.",
        ],
        "tags": ["förskola", "barnomsorg", "nattis", "barngrupper"],
    },
    "bostader-och-stadsbyggnad": {
        "titles": [
            "Bygg fler hyresrätter med rimliga hyror i {place}",
            "Kommunal bostadsförmedling för hela länet",
            "Stoppa utförsäljningen av allmännyttan",
            "Bostäder för unga och studenter nära kollektivtrafiken",
            "Renovera miljonprogrammet utan hyreschocker",
        ],
        "problems": [
            "Unga och barnfamiljer hittar inga bostäder de har råd med, och bostadsköerna blir allt längre.",
            "Renoveringar leder till så höga hyror att de boende tvingas flytta.",
        ],
        "bodies": [
            "Det kommunala bostadsbolaget ska bygga minst 500 nya hyresrätter per år. Markanvisningar prioriterar hyresrätter med rimliga hyror.",
            "Upprustningar ska göras i dialog med hyresgästerna, med möjlighet att välja en lägre standard och en lägre hyra.",
        ],
        "tags": ["hyresrätter", "allmännyttan", "bostadskö", "renovering", "ungdomsbostäder"],
    },
    "kollektivtrafik-och-infrastruktur": {
        "titles": [
            "Sänkt pris på SL-kortet för unga och pensionärer",
            "Tätare busstrafik på kvällar i {place}",
            "Sammanhängande cykelbanor mellan kommunerna",
            "Fler pendeltågsavgångar i rusningstrafik",
            "Trygga och upplysta busshållplatser",
        ],
        "problems": [
            "Kollektivtrafiken är för dyr och går för sällan utanför innerstaden, vilket gör bilen till enda alternativet.",
            "Cykelvägarna tar slut vid kommungränsen och är farliga att cykla på vintern.",
        ],
        "bodies": [
            "Regionen ska sänka priset på periodbiljetten och öka turtätheten på de stombusslinjer som har flest resenärer.",
            "Bygg ett regionalt nät av snabbcykelbanor som snöröjs först av allt och binder ihop kommunerna.",
        ],
        "tags": ["kollektivtrafik", "SL", "cykelbanor", "pendeltåg", "busstrafik"],
    },
    "vard-och-halsa": {
        "titles": [
            "Fast läkarkontakt för alla i {place}",
            "Fler vårdcentraler i ytterområdena",
            "Ungdomsmottagning med kvällsöppet",
            "Kortare väntetider på akuten",
        ],
        "problems": [
            "Många patienter träffar en ny läkare varje gång och får berätta sin historia om och om igen.",
            "Vårdcentralerna har flyttat från ytterområdena dit det finns flest lönsamma patienter.",
        ],
        "bodies": [
            "Alla invånare ska ha en fast läkarkontakt på sin vårdcentral. Regionen styr etableringen efter behov, inte efter lönsamhet.",
            "Öppna fler vårdcentraler där behoven är störst och förläng öppettiderna på kvällar och helger.",
        ],
        "tags": ["vårdcentral", "fast läkarkontakt", "akuten", "ungdomsmottagning", "primärvård"],
    },
    "aldreomsorg": {
        "titles": [
            "Färre personer i varje äldres hemtjänst",
            "Fler platser på äldreboenden i {place}",
            "Mötesplatser mot ensamhet bland äldre",
        ],
        "problems": [
            "En äldre person med hemtjänst kan träffa över tjugo olika personal på två veckor.",
            "Många äldre är ensamma och saknar en plats att träffa andra.",
        ],
        "bodies": [
            "Organisera hemtjänsten i små fasta team så att den äldre känner igen sin personal. Ge undersköterskorna heltid och tid att prata.",
            "Öppna träffpunkter med lunch och aktiviteter i varje kommundel, i samarbete med pensionärsföreningarna.",
        ],
        "tags": ["hemtjänst", "äldreboende", "ensamhet", "undersköterskor"],
    },
    "socialtjanst-och-funktionsstod": {
        "titles": ["Bostad först för hemlösa i {place}", "Fler platser i daglig verksamhet"],
        "problems": ["Hemlösheten ökar och människor fastnar i dyra och otrygga tillfälliga boenden."],
        "bodies": ["Erbjud hemlösa en egen lägenhet med stöd, utan krav på att först bli helt drogfri."],
        "tags": ["hemlöshet", "bostad först", "LSS", "daglig verksamhet"],
    },
    "klimat-och-miljo": {
        "titles": [
            "Solceller på alla kommunala tak i {place}",
            "Laddstolpar vid varje flerbostadshus",
            "Plantera fler träd i stadsmiljön",
            "Gröna jobb i klimatomställningen",
        ],
        "problems": [
            "Kommunens egna fastigheter använder mycket energi och släpper ut onödigt mycket koldioxid.",
            "Det saknas laddplatser för den som bor i hyresrätt och vill köra elbil.",
        ],
        "bodies": [
            "Kommunen installerar solceller på alla skolor, förskolor och äldreboenden där det är tekniskt möjligt, och anställer unga för arbetet.",
            "Ställ krav i bygglov och hjälp bostadsbolagen att sätta upp laddstolpar vid alla flerbostadshus.",
        ],
        "tags": ["solceller", "klimat", "laddstolpar", "träd", "energi"],
    },
    "arbete-och-naringsliv": {
        "titles": [
            "Sommarjobb till alla ungdomar i {place}",
            "Heltid som norm i kommunen",
            "Kollektivavtal vid alla kommunala upphandlingar",
            "Yrkesutbildning för vuxna inom vård och bygg",
        ],
        "problems": [
            "Ungdomar utan kontakter får inga sommarjobb, och arbetslösheten är hög bland unga i ytterområdena.",
            "Många som jobbar i välfärden har ofrivilliga deltider och delade turer.",
        ],
        "bodies": [
            "Alla ungdomar mellan 16 och 19 år ska garanteras ett sommarjobb med lön och handledare.",
            "Kommunen ska kräva kollektivavtalsliknande villkor när den upphandlar, och följa upp att kraven hålls.",
        ],
        "tags": ["sommarjobb", "heltid", "kollektivavtal", "upphandling", "vuxenutbildning"],
    },
    "trygghet": {
        "titles": [
            "Fler fältassistenter på kvällar och helger",
            "Bättre belysning i parker och gångtunnlar i {place}",
            "Förebygg gängkriminalitet med fler fritidsgårdar",
        ],
        "problems": [
            "Många känner sig otrygga i sitt bostadsområde efter mörkrets inbrott.",
            "Unga rekryteras till kriminella nätverk när vuxna och meningsfulla aktiviteter saknas.",
        ],
        "bodies": [
            "Anställ fler fältassistenter och socialsekreterare som arbetar ute där ungdomarna finns.",
            "Gör en trygghetsvandring i varje kommundel och åtgärda belysning och buskage inom ett år.",
        ],
        "tags": ["trygghet", "fältassistenter", "belysning", "brottsförebyggande"],
    },
    "kultur-och-fritid": {
        "titles": [
            "Avgiftsfri kulturskola i {place}",
            "Öppna fritidsgårdar alla dagar i veckan",
            "Bibliotek med kvällsöppet",
        ],
        "problems": [
            "Avgifterna gör att barn i familjer med små marginaler inte kan spela ett instrument eller dansa."
        ],
        "bodies": [
            "Ta bort avgiften i kulturskolan och erbjud undervisning på skoltid i de områden där få deltar i dag."
        ],
        "tags": ["kulturskola", "fritidsgård", "bibliotek", "fritid"],
    },
    "idrott-och-folkhalsa": {
        "titles": ["Ny idrottshall i {place}", "Spontanidrottsplatser nära skolorna"],
        "problems": ["Föreningarna får inte tider i idrottshallarna och barn står i kö för att få träna."],
        "bodies": [
            "Bygg en ny idrottshall med flera planer och fördela tiderna så att barn och unga går först."
        ],
        "tags": ["idrottshall", "föreningsliv", "folkhälsa", "spontanidrott"],
    },
    "integration-och-jamlikhet": {
        "titles": ["Svenska från första dagen för nyanlända", "Sommarjobb och mentorskap för unga i {place}"],
        "problems": [
            "Nyanlända väntar för länge på att få lära sig svenska och komma in på arbetsmarknaden."
        ],
        "bodies": ["Kombinera svenskundervisning med praktik och yrkesutbildning från första dagen."],
        "tags": ["integration", "sfi", "jämlikhet", "mentorskap"],
    },
    "demokrati-och-delaktighet": {
        "titles": ["Medborgarbudget i varje kommundel", "Ungdomsråd med egen budget i {place}"],
        "problems": ["Många känner att de inte kan påverka besluten som rör deras närmiljö."],
        "bodies": ["Låt invånarna i varje kommundel själva bestämma över en del av budgeten för närmiljön."],
        "tags": ["medborgarbudget", "ungdomsråd", "demokrati", "delaktighet"],
    },
}


def idea_parts(rng: random.Random, area_slug: str, place_name: str) -> dict:
    """Title, summary, problem, body and tags for one idea in the area, about the place."""
    area = AREAS[area_slug]
    title = rng.choice(area["titles"]).format(place=place_name)
    problem = rng.choice(area["problems"])
    body = rng.choice(area["bodies"])
    extra = rng.choice(
        [
            "Förslaget kan genomföras stegvis och finansieras inom ramen för nuvarande budget.",
            "Erfarenheter från andra kommuner visar att det fungerar och sparar pengar på sikt.",
            "Det här är en fråga som många medlemmar i arbetarekommunen har lyft på våra möten.",
            "Fackförbunden och föreningarna i området står bakom idén.",
        ]
    )
    summary = f"{body.split('. ')[0].rstrip('.')}."
    tags = rng.sample(area["tags"], k=min(len(area["tags"]), rng.randint(1, 3)))
    return {
        "title": title[:160],
        "summary": summary[:600],
        "problem": problem,
        "body": f"{body}\n\n{extra}\n\n- Tydligt mål\n- Uppföljning varje år",
        "tags": tags,
    }
