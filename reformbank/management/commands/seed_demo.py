"""Demo people and realistic ideas: `manage.py seed_demo --proposals N` (fast enough for N = 100,000)."""

import random
import time
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag, TaggedItem

from agenda import selectors as agenda_selectors
from agenda import services as agenda_services
from agenda.document import document_load
from agenda.models import Agenda
from members.models import EditorRole, User
from places.models import District, Place
from proposals import services
from proposals.models import PolicyArea, Proposal, Support
from proposals.search import search_document, search_documents_store
from reformbank.demo_content import AREAS, idea_parts

DEMO_PASSWORD = "reformbanken-demo"
DEMO_PEOPLE = [
    # email, display name, editor for district codes, admin
    ("medlem@example.se", "Maria Medlem", [], False),
    ("redaktor.lan@example.se", "Lena Länsredaktör", ["lan"], False),
    ("redaktor.stad@example.se", "Sami Stadsredaktör", ["stad"], False),
    ("admin@example.se", "Ali Admin", [], True),
]
FIRST_NAMES = [
    "Anna",
    "Erik",
    "Fatima",
    "Johan",
    "Karin",
    "Mohammed",
    "Sara",
    "Lars",
    "Elin",
    "Ahmed",
    "Ingrid",
    "Oskar",
    "Leila",
    "Per",
    "Emma",
    "Nils",
    "Amira",
    "Gustav",
    "Hanna",
    "Yusuf",
]
LAST_NAMES = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Hassan",
    "Lindberg",
    "Ali",
    "Berg",
]
BATCH = 5000


class Command(BaseCommand):
    help = "Create the demo logins and N realistic ideas with supports (idempotent for the people)."

    def add_arguments(self, parser):
        parser.add_argument("--proposals", type=int, default=60)
        parser.add_argument("--members", type=int, default=40)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, proposals, members, seed, **options):
        started = time.monotonic()
        rng = random.Random(seed)
        people = self.people_create()
        crowd = self.members_create(rng, members)
        self.proposals_create(rng, proposals, crowd + [people["medlem@example.se"]])
        if proposals:
            self.activity_create(rng, people, crowd)
            self.agenda_create(people)
        self.stdout.write(f"Seeded {proposals} ideas in {time.monotonic() - started:.1f} s.")

    def people_create(self) -> dict:
        districts = {d.code: d for d in District.objects.all()}
        people = {}
        for email, name, district_codes, is_admin in DEMO_PEOPLE:
            user, created = User.objects.get_or_create(
                email=email, defaults={"display_name": name, "is_superuser": is_admin, "is_staff": is_admin}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            for code in district_codes:
                EditorRole.objects.get_or_create(user=user, district=districts[code])
            people[email] = user
        return people

    def members_create(self, rng, count) -> list:
        existing = list(User.objects.filter(email__endswith="@medlem.example.se")[:count])
        new = []
        for i in range(len(existing), count):
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            new.append(User(email=f"medlem{i}@medlem.example.se", display_name=name, password="!"))
        User.objects.bulk_create(new)
        created = list(User.objects.filter(email__endswith="@medlem.example.se")[:count])
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in created],
            ignore_conflicts=True,
        )
        return created

    def proposals_create(self, rng, count, authors):
        areas = {a.slug: a for a in PolicyArea.objects.filter(slug__in=AREAS)}
        area_slugs = list(areas)
        places = list(Place.objects.filter(is_active=True))
        municipalities = [p for p in places if p.kind == Place.Kind.MUNICIPALITY]
        region = next(p for p in places if p.kind == Place.Kind.REGION)
        content_type = ContentType.objects.get_for_model(Proposal)
        tag_ids = {}
        now = timezone.now()
        for start in range(0, count, BATCH):
            size = min(BATCH, count - start)
            rows, parts_list, place_lists = [], [], []
            for _ in range(size):
                place_list = (
                    [region]
                    if rng.random() < 0.12
                    else rng.sample(municipalities, k=rng.choice([1, 1, 1, 2]))
                )
                slug = rng.choice(area_slugs)
                parts = idea_parts(rng, slug, place_list[0].name)
                created = now - timedelta(minutes=rng.randint(0, 60 * 24 * 365))
                rows.append(
                    Proposal(
                        author=rng.choice(authors),
                        policy_area=areas[slug],
                        title=parts["title"],
                        summary=parts["summary"],
                        problem=parts["problem"],
                        body=parts["body"],
                        created_at=created,
                        last_activity_at=created,
                    )
                )
                parts_list.append(parts)
                place_lists.append(place_list)
            with transaction.atomic():
                Proposal.objects.bulk_create(rows)
                Proposal.places.through.objects.bulk_create(
                    Proposal.places.through(proposal_id=p.pk, place_id=place.pk)
                    for p, place_list in zip(rows, place_lists)
                    for place in place_list
                )
                for parts in parts_list:
                    for name in parts["tags"]:
                        if name not in tag_ids:
                            tag, _ = Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})
                            tag_ids[name] = tag.pk
                TaggedItem.objects.bulk_create(
                    TaggedItem(content_type=content_type, object_id=p.pk, tag_id=tag_ids[name])
                    for p, parts in zip(rows, parts_list)
                    for name in parts["tags"]
                )
                self.supports_create(rng, rows, authors)
                search_documents_store(
                    search_document(
                        p,
                        parts["tags"],
                        place_ids=[place.pk for place in place_list],
                        tag_ids=[tag_ids[name] for name in parts["tags"]],
                    )
                    for p, parts, place_list in zip(rows, parts_list, place_lists)
                )
            self.stdout.write(f"  {start + size} / {count}")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE proposals_proposal")

    def supports_create(self, rng, proposals, members):
        supports = []
        for proposal in proposals:
            count = min(len(members), int(rng.paretovariate(1.4)) - 1)
            for member in rng.sample(members, k=count):
                if member.pk != proposal.author_id:
                    supports.append(Support(proposal=proposal, member=member))
        Support.objects.bulk_create(supports)
        counts = {}
        for support in supports:
            counts[support.proposal_id] = counts.get(support.proposal_id, 0) + 1
        for proposal in proposals:
            proposal.support_count = counts.get(proposal.pk, 0)
        Proposal.objects.bulk_update([p for p in proposals if p.support_count], ["support_count"])

    def activity_create(self, rng, people, crowd):
        """Comments, a derived idea and editors' answers on a few ideas, through the real services."""
        editor = people["redaktor.lan@example.se"]
        lan_ideas = list(
            Proposal.objects.filter(places__districts__code="lan", status=Proposal.Status.NEW)
            .exclude(places__kind=Place.Kind.REGION)
            .order_by("-support_count")[:6]
        )
        if not lan_ideas:
            return
        for proposal in lan_ideas[:4]:
            comment = services.comment_create(
                proposal=proposal,
                author=rng.choice(crowd),
                body="Bra idé! Vi har pratat om samma sak i vår förening.",
            )
            services.comment_create(
                proposal=proposal,
                author=rng.choice(crowd),
                body="Håller med, men hur ska det finansieras?",
                parent=comment,
            )
        services.proposal_status_change(proposal=lan_ideas[0], editor=editor, status=Proposal.Status.SELECTED)
        services.proposal_status_change(
            proposal=lan_ideas[1],
            editor=editor,
            status=Proposal.Status.ANSWERED,
            text="Tack för idén! Styrelsen tar med den i arbetet med bostadspolitiken och återkommer under remissen.",
        )
        services.proposal_status_change(
            proposal=lan_ideas[2], editor=editor, status=Proposal.Status.UNDER_REVIEW
        )
        for proposal in lan_ideas[4:6]:
            services.proposal_status_change(proposal=proposal, editor=editor, status=Proposal.Status.SELECTED)
        origin = lan_ideas[3]
        services.proposal_create(
            author=people["medlem@example.se"],
            title=f"{origin.title} – även för vuxna",
            summary="Samma idé, men utvidgad till vuxenutbildningen.",
            problem=origin.problem,
            body=origin.body,
            places=list(origin.places.all()),
            policy_area=origin.policy_area,
            tags=["vuxenutbildning"],
            derived_from=origin,
        )

    def agenda_create(self, people):
        """A county-district agenda in draft, built from the selected ideas, with a few versions of history."""

        if Agenda.objects.exists():
            return
        editor = people["redaktor.lan@example.se"]
        district = District.objects.get(code="lan")
        agenda = agenda_services.agenda_create(
            title="Reformagenda för Stockholms län 2026", district=district, editor=editor
        )
        agenda_services.agenda_edit(
            agenda=agenda,
            editor=editor,
            base_number=agenda.head_number,
            message="Första utkastet till berättelse",
            change=lambda document: document.narrative_set(
                agenda.title,
                "Stockholms län ska vara en region där alla kan leva ett gott liv – oavsett var man bor. "
                "Den här agendan bygger på medlemmarnas idéer från alla länets kommuner.\n\n"
                "Vi prioriterar **jämlik skola**, **bostäder som folk har råd med** och **en kollektivtrafik "
                "som fungerar**.",
            ),
        )
        for title, intro in [
            ("Jämlik skola och förskola", "Varje barn ska få samma chans, oavsett bostadsområde."),
            ("Bostäder för alla", "Fler hyresrätter med rimliga hyror i hela länet."),
            ("Kollektivtrafik och klimat", "Billigare, tätare och grönare resor."),
        ]:
            agenda_services.agenda_edit(
                agenda=agenda,
                editor=editor,
                base_number=agenda.head_number,
                message=f"Ny reformriktning: {title}",
                change=lambda document, title=title, intro=intro: document.section_add(title, intro),
            )
        sections = document_load(agenda_selectors.head_version(agenda)).sections
        for proposal in Proposal.objects.filter(status=Proposal.Status.SELECTED)[:3]:
            agenda_services.proposal_promote(
                proposal=proposal, agenda=agenda, section_key=sections[0].key, editor=editor
            )
        agenda_services.agenda_edit(
            agenda=agenda,
            editor=editor,
            base_number=agenda.head_number,
            message="Punkt om hyresrätter",
            change=lambda document: document.point_add(
                sections[1].key, "Bygg minst 5 000 nya hyresrätter per år i länet."
            ),
        )
