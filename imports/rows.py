"""From a file's rows to what importing them would do: the fields a column can fill, the mapping guessed from
the header, and per row the cleaned values and the outcome (create, update, unchanged, refused and why).

The dry run and the import itself both call `rows_plan`; the import does so again inside its transaction, so
it acts on the bank as it is then, not as it was at the dry run. The lookups are a fixed number of queries
whatever the number of rows."""

import difflib
import functools
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from taggit.models import Tag, TaggedItem

from places.models import Place
from proposals.forms import MAX_TAGS, TAG_MAX_LENGTH, TAG_RE
from proposals.models import ANSWER_MAX, BODY_MAX, PROBLEM_MAX, SUMMARY_MAX, TITLE_MAX, PolicyArea, Proposal
from proposals.services import STATUS_TRANSITIONS, STATUSES_NEEDING_TEXT
from reformbank.forms import CONTROL_CHARACTERS, LINE_BREAKS
from reformbank.middleware import CONTROL_IN_TEXT

from .models import ImportedIdea, ImportRowResult

AUTHOR_NAME_MAX = 120
EXTERNAL_ID_MAX = 200


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    required: bool = False
    # Header words that name this field (compared folded: lower case, without accents, spaces or punctuation).
    names: tuple = ()


FIELDS = [
    Field("title", gettext_lazy("Rubrik"), True, ("rubrik", "titel", "title", "ide", "idensrubrik", "namn")),
    Field(
        "summary",
        gettext_lazy("Sammanfattning"),
        False,
        ("sammanfattning", "summary", "ingress", "kortbeskrivning"),
    ),
    Field(
        "body",
        gettext_lazy("Text"),
        False,
        ("text", "forslaget", "forslag", "beskrivning", "brodtext", "body"),
    ),
    Field("problem", gettext_lazy("Problemet"), False, ("problem", "problemet", "problemetsomidenloser")),
    Field(
        "places",
        gettext_lazy("Kommun (namn eller kod)"),
        True,
        (
            "kommun",
            "kommuner",
            "kommunkod",
            "kommunregion",
            "kommunellerregion",
            "municipality",
            "plats",
            "ort",
        ),
    ),
    Field(
        "policy_area", gettext_lazy("Sakområde"), True, ("sakomrade", "omrade", "policyarea", "area", "amne")
    ),
    Field("tags", gettext_lazy("Taggar"), False, ("taggar", "tagg", "tags", "nyckelord", "etiketter")),
    Field(
        "author_name",
        gettext_lazy("Författare"),
        False,
        ("forfattare", "author", "inlamnadav", "forslagsstallare", "avsandare", "medlem"),
    ),
    Field(
        "created_at",
        gettext_lazy("Datum"),
        False,
        ("datum", "date", "inlamnad", "inkom", "skapad", "created"),
    ),
    Field("status", gettext_lazy("Status"), False, ("status", "lage")),
    Field("answer", gettext_lazy("Svar"), False, ("svar", "styrelsenssvar", "answer", "besked")),
    Field(
        "external_id",
        gettext_lazy("Externt id"),
        False,
        ("id", "externtid", "externalid", "nr", "lopnummer", "radnr"),
    ),
]
FIELD_NAMES = [f.name for f in FIELDS]
FOLD = str.maketrans("åäöéèüáà", "aaoeeuaa")


def fold(text: str) -> str:
    """A header cell as compared with the fields' names: lower case, without accents, spaces or punctuation."""
    return re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKC", text).lower().translate(FOLD))


def header_key(header: list[str]) -> str:
    """The key a remembered mapping is kept under: the same header row (as folded) finds it again."""
    return hashlib.sha256(json.dumps([fold(cell) for cell in header]).encode()).hexdigest()


def mapping_guess(header: list[str], remembered: dict | None = None) -> dict[str, int]:
    """Field name → column index: the mapping remembered for this header where there is one, else each field
    gets the first column whose header names it."""
    if remembered:
        return {
            name: index
            for name, index in remembered.items()
            if name in FIELD_NAMES and 0 <= index < len(header)
        }
    folded = [fold(cell) for cell in header]
    guess, taken = {}, set()
    for f in FIELDS:
        for index, cell in enumerate(folded):
            if index not in taken and cell in f.names:
                guess[f.name] = index
                taken.add(index)
                break
    return guess


@dataclass
class RowPlan:
    number: int
    outcome: str
    title: str = ""
    messages: list = field(default_factory=list)
    values: dict = field(default_factory=dict)
    key: str = ""
    record: ImportedIdea | None = None

    @property
    def message(self) -> str:
        return " ".join(self.messages)


@dataclass
class Lookups:
    """What the rows refer to, fetched once per plan."""

    places_by_code: dict
    places_by_name: dict
    place_districts: dict
    areas: dict
    area_names: list
    statuses: dict

    @classmethod
    def load(cls) -> "Lookups":
        places = list(Place.objects.prefetch_related("districts"))
        areas = list(PolicyArea.objects.all())
        by_name = {}
        for area in areas:
            for name in (area.name, area.name_en, area.slug):
                if name:
                    by_name[name.lower()] = area
        statuses = {}
        for value, label in Proposal.Status.choices:
            statuses[value] = value
            for language in ("sv", "en"):
                with translation.override(language):
                    statuses[str(label).lower()] = value
        return cls(
            places_by_code={p.code: p for p in places},
            places_by_name={p.name.lower(): p for p in places},
            place_districts={p.pk: {d.pk for d in p.districts.all()} for p in places},
            areas=by_name,
            area_names=[area.name for area in areas],
            statuses=statuses,
        )


@functools.lru_cache(maxsize=4096)
def tag_slug(name: str) -> str:
    """The slug taggit gives a tag of this name (one Tag instance per distinct name, not one per row)."""
    return Tag().slugify(name)


def _closest(word: str, choices) -> str | None:
    found = difflib.get_close_matches(word.lower(), [c.lower() for c in choices], n=1, cutoff=0.6)
    if not found:
        return None
    return next(c for c in choices if c.lower() == found[0])


def _text(plan: RowPlan, label, value: str, limit: int, *, one_line: bool) -> str:
    if len(value) > limit:
        plan.messages.append(
            _("%(field)s är för lång (%(length)s tecken, högst %(max)s).")
            % {"field": label, "length": len(value), "max": limit}
        )
    elif (CONTROL_CHARACTERS if one_line else CONTROL_IN_TEXT).search(value):
        plan.messages.append(_("%(field)s innehåller otillåtna kontrolltecken.") % {"field": label})
    elif one_line and LINE_BREAKS.search(value):
        plan.messages.append(_("%(field)s ska stå på en rad.") % {"field": label})
    return value


def _places(plan: RowPlan, value: str, lookups: Lookups, district) -> list:
    found = []
    for token in (t.strip() for t in re.split(r"[,;\n]", value)):
        if not token:
            continue
        place = lookups.places_by_name.get(token.lower())
        if place is None and token.isdigit() and len(token) <= 4:
            # A spreadsheet keeps a code as a number and drops its leading zeros: 182 is Nacka's 0182.
            place = next(
                (
                    lookups.places_by_code.get(token.zfill(n))
                    for n in (2, 4)
                    if token.zfill(n) in lookups.places_by_code
                ),
                None,
            )
        if place is None:
            suggestion = _closest(token, [p.name for p in lookups.places_by_code.values()])
            if suggestion:
                plan.messages.append(
                    _("Okänd kommun ”%(name)s” – menade du %(suggestion)s?")
                    % {"name": token[:80], "suggestion": suggestion}
                )
            else:
                plan.messages.append(_("Okänd kommun ”%(name)s”.") % {"name": token[:80]})
        elif district.pk not in lookups.place_districts[place.pk]:
            plan.messages.append(
                _("%(place)s hör inte till %(district)s.")
                % {"place": place.name, "district": district.display_name}
            )
        elif place not in found:
            found.append(place)
    if not found and not plan.messages:
        plan.messages.append(_("Kommun saknas."))
    return found


def _tags(plan: RowPlan, value: str) -> list[str]:
    tags = {}
    for raw in re.split(r"[,;]", value):
        tag = " ".join(unicodedata.normalize("NFKC", raw).lower().lstrip("#").split())
        if not tag:
            continue
        if len(tag) > TAG_MAX_LENGTH or not TAG_RE.match(tag) or not tag_slug(tag):
            plan.messages.append(
                _(
                    "Taggen ”%(tag)s” får bara innehålla bokstäver, siffror, mellanslag och bindestreck och "
                    "vara högst %(max)s tecken."
                )
                % {"tag": tag[:TAG_MAX_LENGTH], "max": TAG_MAX_LENGTH}
            )
            continue
        tags.setdefault(tag_slug(tag), tag)
    if len(tags) > MAX_TAGS:
        plan.messages.append(_("Högst %(max)s taggar.") % {"max": MAX_TAGS})
    return list(tags.values())


def _date(plan: RowPlan, value: str):
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        plan.messages.append(
            _("Datumet ”%(value)s” känns inte igen; skriv det som 2025-03-14.") % {"value": value[:40]}
        )
        return None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    if parsed > timezone.now() or parsed.date() < date(1990, 1, 1):
        plan.messages.append(_("Datumet %(value)s är orimligt.") % {"value": value[:40]})
        return None
    return parsed


def _row_clean(number: int, cells: list[str], mapping: dict, lookups: Lookups, district) -> RowPlan:
    def cell(name):
        index = mapping.get(name)
        return cells[index].strip() if index is not None else ""

    plan = RowPlan(number=number, outcome=ImportRowResult.Outcome.REFUSED, title=cell("title")[:200])
    labels = {f.name: f.label for f in FIELDS}
    title = _text(plan, labels["title"], cell("title"), TITLE_MAX, one_line=True)
    if not title:
        plan.messages.append(_("Rubrik saknas."))
    summary = _text(plan, labels["summary"], cell("summary"), SUMMARY_MAX, one_line=False)
    body = _text(plan, labels["body"], cell("body"), BODY_MAX, one_line=False)
    if not summary and not body:
        plan.messages.append(_("Både sammanfattning och text saknas."))
    elif not summary:
        summary = body if len(body) <= SUMMARY_MAX else body[: SUMMARY_MAX - 1].rsplit(" ", 1)[0] + "…"
    problem = _text(plan, labels["problem"], cell("problem"), PROBLEM_MAX, one_line=False)
    places = _places(plan, cell("places"), lookups, district)
    area_name = cell("policy_area")
    area = lookups.areas.get(area_name.lower())
    if area is None:
        suggestion = _closest(area_name, lookups.area_names) if area_name else None
        if not area_name:
            plan.messages.append(_("Sakområde saknas."))
        elif suggestion:
            plan.messages.append(
                _("Okänt sakområde ”%(name)s” – menade du %(suggestion)s?")
                % {"name": area_name[:80], "suggestion": suggestion}
            )
        else:
            plan.messages.append(_("Okänt sakområde ”%(name)s”.") % {"name": area_name[:80]})
    tags = _tags(plan, cell("tags"))
    author_name = _text(plan, labels["author_name"], cell("author_name"), AUTHOR_NAME_MAX, one_line=True)
    created_at = _date(plan, cell("created_at"))
    status_text = cell("status")
    status = lookups.statuses.get(status_text.lower(), None) if status_text else Proposal.Status.NEW
    if status is None:
        plan.messages.append(_("Okänd status ”%(value)s”.") % {"value": status_text[:40]})
    answer = _text(plan, labels["answer"], cell("answer"), ANSWER_MAX, one_line=False)
    if status in STATUSES_NEEDING_TEXT and not answer:
        plan.messages.append(_("En besvarad idé eller en som inte går vidare behöver ett svar."))
    external_id = _text(plan, labels["external_id"], cell("external_id"), EXTERNAL_ID_MAX, one_line=True)
    if plan.messages:
        return plan
    # Without an id in the file, the title and places are the row's identity: the same file imported again
    # finds its ideas by them.
    plan.key = external_id or "rubrik:" + ",".join(sorted(p.code for p in places)) + ":" + title.lower()
    if len(plan.key) > EXTERNAL_ID_MAX:  # many places and a long title: the same row gives the same digest
        plan.key = "rubrik:" + hashlib.sha256(plan.key.encode()).hexdigest()
    plan.outcome = ImportRowResult.Outcome.CREATE
    plan.values = {
        "title": title,
        "summary": summary,
        "body": body or summary,
        "problem": problem,
        "places": places,
        "policy_area": area,
        "tags": tags,
        "author_name": author_name,
        "created_at": created_at,
        "status": status,
        "answer": answer,
    }
    return plan


def rows_plan(*, job) -> list[RowPlan]:
    """What importing the job's rows into its district would do now, row by row (see the module docstring)."""
    lookups = Lookups.load()
    plans, first_row_of_key = [], {}
    for number, cells in job.rows:
        plan = _row_clean(number, cells, job.mapping, lookups, job.district)
        if plan.key:
            if plan.key in first_row_of_key:
                plan.outcome = ImportRowResult.Outcome.REFUSED
                plan.messages.append(
                    _("Samma idé som rad %(row)s (samma id, eller samma rubrik och kommun).")
                    % {"row": first_row_of_key[plan.key]}
                )
            else:
                first_row_of_key[plan.key] = number
        plans.append(plan)
    valid = [p for p in plans if p.outcome != ImportRowResult.Outcome.REFUSED]
    _canonical_tags(valid)
    _match_existing(valid, job.district)
    _refuse_title_duplicates([p for p in valid if p.record is None])
    return plans


def _canonical_tags(plans: list[RowPlan]) -> None:
    """An existing tag's name for a tag with its slug (as the submit form does), in one query."""
    slugs = {tag_slug(tag) for plan in plans for tag in plan.values["tags"]}
    existing = dict(Tag.objects.filter(slug__in=slugs).values_list("slug", "name")) if slugs else {}
    for plan in plans:
        plan.values["tags"] = [existing.get(tag_slug(tag), tag) for tag in plan.values["tags"]]


# What comparing and updating an imported idea reads: never its search index, the largest columns.
RECORD_FIELDS = [
    "district",
    "external_id",
    "source_key",
    "job",
    "author_name",
    "proposal__title",
    "proposal__summary",
    "proposal__body",
    "proposal__problem",
    "proposal__policy_area",
    "proposal__status",
    "proposal__answer",
    "proposal__created_at",
]


def _match_existing(plans: list[RowPlan], district) -> None:
    """Rows whose id the district already has: update, or unchanged when the idea already says the same."""
    keys = [plan.key for plan in plans]
    if not keys:
        return
    records = {
        record.external_id: record
        for record in ImportedIdea.objects.filter(district=district, external_id__in=keys)
        .select_related("proposal")
        .only(*RECORD_FIELDS)
    }
    if not records:
        return
    ids = [record.proposal_id for record in records.values()]
    places, tags = {}, {}
    for proposal_id, place_id in Proposal.places.through.objects.filter(proposal_id__in=ids).values_list(
        "proposal_id", "place_id"
    ):
        places.setdefault(proposal_id, set()).add(place_id)
    content_type = ContentType.objects.get_for_model(Proposal)
    for object_id, name in TaggedItem.objects.filter(
        content_type=content_type, object_id__in=ids
    ).values_list("object_id", "tag__name"):
        tags.setdefault(object_id, set()).add(name)
    for plan in plans:
        record = records.get(plan.key)
        if record is None:
            continue
        plan.record = record
        proposal, values = record.proposal, plan.values
        if (
            values["status"] != proposal.status
            and values["status"] not in STATUS_TRANSITIONS[proposal.status]
        ):
            plan.outcome = ImportRowResult.Outcome.REFUSED
            plan.messages.append(
                _("Idén har status ”%(current)s” i reformbanken och kan inte få status ”%(new)s”.")
                % {
                    "current": Proposal.Status(proposal.status).label,
                    "new": Proposal.Status(values["status"]).label,
                }
            )
            continue
        same = (
            (proposal.title, proposal.summary, proposal.body, proposal.problem)
            == (values["title"], values["summary"], values["body"], values["problem"])
            and proposal.policy_area_id == values["policy_area"].pk
            and proposal.status == values["status"]
            and proposal.answer == values["answer"]
            and places.get(proposal.pk, set()) == {p.pk for p in values["places"]}
            and tags.get(proposal.pk, set()) == set(values["tags"])
            and record.author_name == values["author_name"]
            and (values["created_at"] is None or values["created_at"] == proposal.created_at)
        )
        plan.outcome = ImportRowResult.Outcome.UNCHANGED if same else ImportRowResult.Outcome.UPDATE


def _refuse_title_duplicates(plans: list[RowPlan]) -> None:
    """A new row with the title of an idea already in the bank for one of its places is a duplicate of it."""
    if not plans:
        return
    titles = {plan.values["title"].lower() for plan in plans}
    place_ids = {place.pk for plan in plans for place in plan.values["places"]}
    existing = {}
    rows = (
        Proposal.places.through.objects.filter(place_id__in=place_ids)
        .annotate(lower_title=Lower("proposal__title"))
        .filter(lower_title__in=titles)
        .values_list("lower_title", "place_id", "proposal_id")
    )
    for title, place_id, proposal_id in rows:
        existing.setdefault((title, place_id), proposal_id)
    for plan in plans:
        title = plan.values["title"].lower()
        duplicate = next(
            (existing[(title, p.pk)] for p in plan.values["places"] if (title, p.pk) in existing), None
        )
        if duplicate is not None:
            plan.outcome = ImportRowResult.Outcome.REFUSED
            plan.messages.append(
                _("Dubblett: idé nr %(id)s i reformbanken har samma rubrik och kommun.") % {"id": duplicate}
            )
