"""The demo district, or many ideas for the benchmark.

`manage.py seed_demo` loads the demo that `make run` shows: the demo logins, named members, the written ideas
of reformbank/demo_content.py with their supports, comments, answers and lineage, and an agenda for each
district with a few versions of history. `manage.py seed_demo --proposals N --members M` seeds N ideas for the
benchmark instead (fast enough for N = 100,000): the same records, moved to other municipalities.
"""

import random
import time
import unicodedata
from datetime import date, datetime, timedelta
from datetime import time as dt_time
from functools import partial

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
from agenda.models import Agenda, AgendaVersion, Amendment
from audit.models import AuditEntry
from meetings import services as meeting_services
from meetings.models import Registration
from members.models import EditorRole, Follow, Notification, User
from members.services import notifications_create
from moderation import services as moderation_services
from places.models import District, Place
from practice import services as practice_services
from practice.models import Assignment, Carrying, GoverningPeriod, Implementation
from proposals.models import Comment, PolicyArea, Proposal, StatusChange, Support
from proposals.search import search_document, search_documents_store
from proposals.services import topic_follow
from reformbank import demo_content
from reformbank.demo_content import IDEAS, MEMBER_LOGIN, MEMBERS, REGION, bench_idea
from rounds import services as round_services
from rounds.models import RoundIdea

DEMO_PASSWORD = "reformbanken-demo"
DEMO_PEOPLE = [
    # email, display name, editor for district codes, admin
    ("medlem@example.se", "Maria Medlem", [], False),
    ("redaktor.lan@example.se", "Lena Länsredaktör", ["lan"], False),
    ("redaktor.stad@example.se", "Sami Stadsredaktör", ["stad"], False),
    ("admin@example.se", "Ali Admin", [], True),
]
# The benchmark's members get names from these.
FIRST_NAMES = [
    "Anna", "Erik", "Fatima", "Johan", "Karin", "Mohammed", "Sara", "Lars", "Elin", "Ahmed",
    "Ingrid", "Oskar", "Leila", "Per", "Emma", "Nils", "Amira", "Gustav", "Hanna", "Yusuf",
]  # fmt: skip
LAST_NAMES = [
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
    "Svensson", "Gustafsson", "Hassan", "Lindberg", "Ali", "Berg",
]  # fmt: skip
BATCH = 5000
MEMBER_DOMAIN = "@medlem.example.se"
# How many members support an idea, by status (the demo's ideas): selected ideas gathered the most.
SUPPORT_RANGES = {
    Proposal.Status.SELECTED: (9, 22),
    Proposal.Status.ANSWERED: (4, 14),
    Proposal.Status.UNDER_REVIEW: (3, 11),
    Proposal.Status.DECLINED: (1, 6),
    Proposal.Status.NEW: (0, 7),
}
# The benchmark's ideas are new but for this share, which keeps the status (and answer) of its record.
BENCH_HANDLED_SHARE = 0.1


def daytime(rng, when):
    """The same day, at an hour an editor is at work (Swedish time)."""
    return timezone.localtime(when).replace(hour=rng.randint(8, 20), minute=rng.randint(0, 59))


def member_email(name: str) -> str:
    """`Anna Lindqvist` → `anna.lindqvist@medlem.example.se`."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return ascii_name.lower().replace(" ", ".") + MEMBER_DOMAIN


class Command(BaseCommand):
    help = (
        "Load the demo (the logins, members, ideas and agendas), or with --proposals N seed N ideas for the "
        "benchmark. The logins are created once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--proposals", type=int, default=None, help="benchmark: seed this many ideas instead of the demo"
        )
        parser.add_argument("--members", type=int, default=40, help="benchmark: how many members support")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, proposals, members, seed, **options):
        started = time.monotonic()
        rng = random.Random(seed)
        self.known_tags, self.search_texts = {}, {}
        people = self.people_create()
        if proposals is None:
            count = self.demo_create(rng, people)
        else:
            crowd = self.crowd_create(rng, members)
            self.bench_create(rng, proposals, crowd + [people["medlem@example.se"]])
            count = proposals
        self.stdout.write(f"Seeded {count} ideas in {time.monotonic() - started:.1f} s.")

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

    def emails_verify(self, users):
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
            ignore_conflicts=True,
        )

    # The demo.

    @transaction.atomic
    def demo_create(self, rng, people) -> int:
        if Proposal.objects.exists():
            self.stdout.write("The bank already holds ideas: the demo ideas are not loaded again.")
            return 0
        homes = dict(Place.objects.values_list("code", "pk"))
        User.objects.bulk_create(
            [
                User(email=member_email(name), display_name=name, password="!", home_place_id=homes[code])
                for name, code in MEMBERS
            ],
            ignore_conflicts=True,
        )
        by_name = {
            u.display_name: u for u in User.objects.filter(email__in=[member_email(n) for n, _ in MEMBERS])
        }
        by_name[MEMBER_LOGIN] = people["medlem@example.se"]
        self.emails_verify(by_name.values())
        editors = {"lan": people["redaktor.lan@example.se"], "stad": people["redaktor.stad@example.se"]}
        now = timezone.now()
        rows = []
        for idea in IDEAS:
            created = now - timedelta(
                days=idea.days_ago, hours=rng.randint(0, 20), minutes=rng.randint(0, 59)
            )
            low, high = SUPPORT_RANGES[idea.status]
            author = by_name[idea.author]
            crowd = [u for u in by_name.values() if u != author]
            rows.append(
                {
                    "title": idea.title,
                    "summary": idea.summary,
                    "problem": idea.problem,
                    "body": idea.body,
                    "area": idea.area,
                    "places": list(idea.places),
                    "tags": list(idea.tags),
                    "status": idea.status,
                    "answer": idea.answer,
                    "author": author,
                    "created_at": created,
                    "supporters": rng.sample(crowd, k=rng.randint(low, high)),
                }
            )
        proposals = self.ideas_insert(rows)
        by_key = {idea.key: proposal for idea, proposal in zip(IDEAS, proposals)}
        for idea, proposal in zip(IDEAS, proposals):
            if idea.derived_from:
                proposal.derived_from = by_key[idea.derived_from]
        Proposal.objects.bulk_update([p for p in proposals if p.derived_from_id], ["derived_from"])
        self.status_history_create(rng, proposals, editors)
        self.comments_create(rng, by_key, by_name)
        self.audit_history_create()
        self.reports_create(by_key, by_name)
        self.follows_create(people, by_name, proposals)
        for demo_agenda in demo_content.AGENDAS:
            self.agenda_create(rng, demo_agenda, people, by_key, by_name)
        self.comment_notices_create(people["medlem@example.se"])
        self.practice_create(people, by_key, by_name)
        for demo_round in demo_content.ROUNDS:
            self.round_create(demo_round, people, by_key)
        for demo_meeting in demo_content.MEETINGS:
            self.meeting_create(demo_meeting, people, by_key, by_name)
        return len(proposals)

    def follows_create(self, people, by_name, proposals):
        """Authors follow their ideas; most members take their notices as a daily digest (so loading the demo
        emails nobody), and the demo member follows a tag, her municipality and two ideas of others."""
        User.objects.filter(pk__in=[u.pk for u in by_name.values()]).update(
            email_frequency=User.EmailFrequency.DAILY
        )
        User.objects.filter(email__in=["redaktor.lan@example.se", "redaktor.stad@example.se"]).update(
            email_frequency=User.EmailFrequency.WEEKLY
        )
        idea_type = ContentType.objects.get_for_model(Proposal)
        follows = [
            Follow(
                user=p.author, content_type=idea_type, object_id=p.pk, label=p.title, url=p.get_absolute_url()
            )
            for p in proposals
        ]
        member = people["medlem@example.se"]
        others = [p for p in proposals if p.author_id != member.pk and p.status == Proposal.Status.SELECTED][
            :2
        ]
        follows += [
            Follow(
                user=member, content_type=idea_type, object_id=p.pk, label=p.title, url=p.get_absolute_url()
            )
            for p in others
        ]
        Follow.objects.bulk_create(follows)
        huddinge = Place.objects.get(name="Huddinge")
        topic_follow(topic=huddinge, member=member)
        tag = Tag.objects.filter(name="unga").first()
        if tag is not None:
            topic_follow(topic=tag, member=member)

    def comment_notices_create(self, member):
        """The demo member has been told of the latest comments on her ideas and not read them yet."""
        comments = (
            Comment.objects.filter(proposal__author=member, parent__isnull=True)
            .exclude(author=member)
            .select_related("author", "proposal")
            .order_by("-created_at")[:3]
        )
        for comment in reversed(comments):
            [notice] = notifications_create(
                users=[member],
                kind="idea_comment",
                params={"name": comment.author.public_name, "title": comment.proposal.title},
                url=f"{comment.proposal.get_absolute_url()}#kommentar-{comment.pk}",
            )
            Notification.objects.filter(pk=notice.pk).update(created_at=comment.created_at)

    def practice_create(self, people, by_key, by_name):
        """Where the party governs, the elected representatives and what they carry, and implementations
        with their history."""
        places = {place.code: place for place in Place.objects.all()}
        today = timezone.localdate()
        GoverningPeriod.objects.bulk_create(
            GoverningPeriod(place=places[code], starts_on=date(year, 10, 15), note=note)
            for code, year, note in demo_content.GOVERNING
        )
        admin = people["admin@example.se"]
        for representative in demo_content.REPRESENTATIVES:
            member = by_name[representative.name]
            stated = timezone.now() - timedelta(days=200)
            assignment = Assignment.objects.create(
                member=member,
                kind=representative.kind,
                place=places[representative.place] if representative.place else None,
                title=representative.title,
                created_at=stated,
                confirmed_by=admin if representative.confirmed else None,
                confirmed_at=stated + timedelta(days=1) if representative.confirmed else None,
            )
            Carrying.objects.bulk_create(
                Carrying(proposal=by_key[key], member=member, assignment=assignment)
                for key in representative.carries
            )
        for key, code, recorder, steps in demo_content.IMPLEMENTATIONS:
            for revision, step in enumerate(steps):
                happened_on = today - timedelta(days=step.days_ago)
                implementation = practice_services.implementation_record(
                    proposal=by_key[key],
                    place=places[code],
                    recorded_by=people.get(recorder) or by_name[recorder],
                    state=step.state,
                    happened_on=happened_on,
                    outcome=step.outcome,
                    link=step.link,
                    base_revision=revision,
                )
                # Recorded on the day it happened, as a representative would have.
                recorded_at = timezone.make_aware(datetime.combine(happened_on, dt_time(16)))
                implementation.changes.filter(revision=revision + 1).update(recorded_at=recorded_at)
                Implementation.objects.filter(pk=implementation.pk).update(recorded_at=recorded_at)

    def status_history_create(self, rng, proposals, editors):
        """How each handled idea got its status: first under review, then the board's decision."""
        stad_only = set(
            Place.objects.filter(districts__code="stad").exclude(code=REGION).values_list("pk", flat=True)
        )
        changes = []
        for proposal in proposals:
            if proposal.status == Proposal.Status.NEW:
                continue
            place_ids = {place.pk for place in proposal.seed_places}
            editor = editors["stad"] if place_ids <= stad_only else editors["lan"]
            age = timezone.now() - proposal.created_at
            reviewed = daytime(rng, proposal.created_at + age * rng.uniform(0.2, 0.4))
            changes.append((StatusChange(
                proposal=proposal, from_status=Proposal.Status.NEW, to_status=Proposal.Status.UNDER_REVIEW,
                changed_by=editor,
            ), reviewed))  # fmt: skip
            if proposal.status != Proposal.Status.UNDER_REVIEW:
                decided = daytime(rng, proposal.created_at + age * rng.uniform(0.5, 0.8))
                changes.append((StatusChange(
                    proposal=proposal, from_status=Proposal.Status.UNDER_REVIEW, to_status=proposal.status,
                    changed_by=editor, reason=proposal.answer,
                ), decided))  # fmt: skip
                proposal.last_activity_at = max(proposal.last_activity_at, decided)
        StatusChange.objects.bulk_create([change for change, _ in changes])
        for change, when in changes:
            change.created_at = when
        StatusChange.objects.bulk_update([change for change, _ in changes], ["created_at"])
        Proposal.objects.bulk_update(proposals, ["last_activity_at"])

    def comments_create(self, rng, by_key, by_name):
        """The written comments and replies, dated between the idea's submission and today."""
        now = timezone.now()
        dated = []
        for idea in IDEAS:
            proposal = by_key[idea.key]
            when = proposal.created_at
            for written in idea.comments:
                when += (now - when) * rng.uniform(0.1, 0.4)
                top = Comment(proposal=proposal, author=by_name[written.author], body=written.text)
                dated.append((top, when))
                for author, text in written.replies:
                    when += (now - when) * rng.uniform(0.05, 0.2)
                    dated.append(
                        (Comment(proposal=proposal, author=by_name[author], body=text, parent=top), when)
                    )
            proposal.comment_count = sum(1 + len(c.replies) for c in idea.comments)
            if idea.comments:
                proposal.last_activity_at = max(proposal.last_activity_at, when)
        # Top-level comments first, so that the replies have their parent's id.
        Comment.objects.bulk_create([c for c, _ in dated if c.parent is None])
        for comment, _ in dated:
            if comment.parent is not None:
                comment.parent_id = comment.parent.pk
        Comment.objects.bulk_create([c for c, _ in dated if c.parent is not None])
        for comment, when in dated:
            comment.created_at = when
        Comment.objects.bulk_update([c for c, _ in dated], ["created_at"])
        Proposal.objects.bulk_update(list(by_key.values()), ["comment_count", "last_activity_at"])

    # Moderation: the editors' status changes in the audit log, and a few reports waiting for them.

    def audit_history_create(self):
        """An audit entry for each status change above, as the status service writes one, dated with it."""
        districts_of = {}
        for place_id, district_id in Place.districts.through.objects.values_list("place_id", "district_id"):
            districts_of.setdefault(place_id, set()).add(district_id)
        content_type = ContentType.objects.get_for_model(Proposal)
        changes = list(StatusChange.objects.select_related("proposal").prefetch_related("proposal__places"))
        entries = [
            AuditEntry(
                actor_id=change.changed_by_id,
                created_at=change.created_at,
                action=AuditEntry.Action.ANSWER if change.reason else AuditEntry.Action.STATUS,
                target_type=content_type,
                target_id=str(change.proposal_id),
                target_label=change.proposal.title,
                before={"status": change.from_status, "answer": ""},
                after={"status": change.to_status, "answer": change.reason},
            )
            for change in changes
        ]
        AuditEntry.objects.bulk_create(entries)
        AuditEntry.districts.through.objects.bulk_create(
            AuditEntry.districts.through(auditentry_id=entry.pk, district_id=district_id)
            for entry, change in zip(entries, changes)
            for district_id in set().union(*(districts_of[p.pk] for p in change.proposal.places.all()))
        )

    def reports_create(self, by_key, by_name):
        for demo_report in demo_content.REPORTS:
            proposal = by_key[demo_report.idea]
            comment = None
            if demo_report.comment is not None:
                comment = Comment.objects.filter(proposal=proposal, parent=None).order_by("created_at", "id")[
                    demo_report.comment
                ]
            moderation_services.report_create(
                reporter=by_name[demo_report.reporter],
                proposal=proposal,
                comment=comment,
                reason=demo_report.reason,
            )

    def agenda_create(self, rng, demo_agenda, people, by_key, by_name):
        """A district's agenda built as its editor would: the narrative, the reform directions, the selected ideas
        promoted into points as they were selected, then sharper wordings and a merge, each a version of its
        own; the county's is then sent on consultation, so that every member can read it."""
        if Agenda.objects.filter(title=demo_agenda.title).exists():
            return
        editor = people[demo_agenda.editor]
        agenda = agenda_services.agenda_create(
            title=demo_agenda.title, district=District.objects.get(code=demo_agenda.district), editor=editor
        )

        def edit(message, change):
            agenda_services.agenda_edit(
                agenda=agenda, editor=editor, base_number=agenda.head_number, message=message, change=change
            )

        edit(
            "Första utkastet till berättelse",
            lambda document: document.narrative_set(demo_agenda.title, demo_agenda.narrative),
        )

        def sections_add(document):
            for section in demo_agenda.sections:
                document.section_add(section.title, section.intro)

        edit("Reformriktningarna från styrelsens planeringsdag", sections_add)
        sections = document_load(agenda_selectors.head_version(agenda)).sections
        selected_at = dict(
            StatusChange.objects.filter(to_status=Proposal.Status.SELECTED).values_list(
                "proposal_id", "created_at"
            )
        )
        promotions = sorted(
            (
                (selected_at[by_key[keys[0]].pk], by_key[keys[0]], section.key, text)
                for section, demo_section in zip(sections, demo_agenda.sections)
                for text, keys in demo_section.points
            ),
            key=lambda promotion: promotion[0],
        )
        for _when, proposal, section_key, text in promotions:
            agenda_services.proposal_promote(
                proposal=proposal, agenda=agenda, section_key=section_key, editor=editor, text=text
            )
        for revision in demo_agenda.revisions:
            edit(revision.message, partial(self.agenda_revise, revision=revision, by_key=by_key))
        self.agenda_history_date(rng, agenda, [when for when, *_ in promotions])
        if demo_agenda.consultation_days is not None:
            agenda_services.agenda_consultation_start(
                agenda=agenda,
                editor=editor,
                ends_on=timezone.localdate() + timedelta(days=demo_agenda.consultation_days),
            )
        self.amendments_create(agenda, demo_agenda, by_key, by_name)

    def meeting_create(self, demo_meeting, people, by_key, by_name):
        """A meeting as its editor arranged it, with the members who signed up; a held one with its notes."""
        day = timezone.localtime() + timedelta(days=demo_meeting.days)
        starts_at = day.replace(hour=demo_meeting.hour, minute=0, second=0, microsecond=0)
        district = District.objects.get(code=demo_meeting.district) if demo_meeting.district else None
        meeting = meeting_services.meeting_create(
            editor=people[demo_meeting.editor],
            district=district,
            title=demo_meeting.title,
            description=demo_meeting.description,
            kind=demo_meeting.kind,
            join_url=demo_meeting.join_url,
            address=demo_meeting.address,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=demo_meeting.minutes),
            capacity=demo_meeting.capacity,
        )
        # Signed up in the weeks before: a held meeting's sign-ups are written as they were then.
        Registration.objects.bulk_create(
            Registration(
                meeting=meeting,
                member=by_name[name],
                state=Registration.State.CONFIRMED,
                created_at=starts_at - timedelta(days=14 - i),
            )
            for i, name in enumerate(demo_meeting.attendees)
        )
        if demo_meeting.notes:
            meeting_services.meeting_notes_set(
                meeting=meeting,
                editor=people[demo_meeting.editor],
                notes=demo_meeting.notes,
                ideas=[by_key[key] for key in demo_meeting.ideas],
            )

    def amendments_create(self, agenda, demo_agenda, by_key, by_name):
        """The members' amendments to the agenda on consultation, waiting for the board's answer."""
        sections = document_load(agenda_selectors.head_version(agenda)).sections
        for amendment in demo_agenda.amendments:
            if amendment.point:
                section, point = next(
                    (section, point)
                    for section in sections
                    for point in section.points
                    if by_key[amendment.point].pk in point.source_ids
                )
                kind, point_key = Amendment.Kind.REPLACE, point.key
            else:
                section, kind, point_key = sections[amendment.section], Amendment.Kind.ADD, None
            agenda_services.amendment_create(
                agenda=agenda,
                author=by_name[amendment.author],
                kind=kind,
                section_key=section.key,
                point_key=point_key,
                text=amendment.text,
                motivation=amendment.motivation,
            )

    @staticmethod
    def agenda_revise(document, *, revision, by_key):
        def point_citing(key):
            return next(point for point in document.points() if by_key[key].pk in point.source_ids)

        if revision.section is not None:
            document.section_intro_set(document.sections[revision.section].key, revision.text)
        elif revision.merge_with:
            document.point_merge(
                point_citing(revision.point).key, point_citing(revision.merge_with).key, revision.text
            )
        else:
            document.point_set(point_citing(revision.point).key, revision.text)

    def agenda_history_date(self, rng, agenda, promoted_at):
        """Date the versions as the work went: the draft a few days before the first idea was promoted, each
        idea a day or so after it was selected, the revisions in the days after the last."""
        versions = list(agenda.versions.order_by("number"))
        first = promoted_at[0] - timedelta(days=5)
        dates = [first, first + timedelta(days=1), first + timedelta(days=2)]
        dates += [max(when + timedelta(hours=rng.randint(12, 48)), dates[-1]) for when in promoted_at]
        while len(dates) < len(versions):
            dates.append(dates[-1] + timedelta(days=rng.randint(2, 5), hours=rng.randint(0, 8)))
        latest, previous = timezone.now() - timedelta(hours=2), None
        for version, when in zip(versions, dates):
            when = daytime(rng, when)
            if previous is not None:
                when = max(when, previous + timedelta(minutes=rng.randint(5, 40)))
            version.created_at = previous = min(when, latest)
        AgendaVersion.objects.bulk_update(versions, ["created_at"])
        Agenda.objects.filter(pk=agenda.pk).update(created_at=versions[0].created_at)

    def round_create(self, demo_round, people, by_key):
        """An idea round with the demo ideas submitted to it, each on the day the idea was written."""
        today = timezone.localdate()
        round_ = round_services.round_create(
            editor=people[demo_round.editor],
            district=District.objects.get(code=demo_round.district) if demo_round.district else None,
            title=demo_round.title,
            description=demo_round.description,
            opens_on=today + timedelta(days=demo_round.opens_days),
            closes_on=today + timedelta(days=demo_round.closes_days),
            policy_areas=PolicyArea.objects.filter(slug__in=demo_round.areas),
        )
        links = RoundIdea.objects.bulk_create(
            RoundIdea(round=round_, proposal=by_key[key]) for key in demo_round.ideas
        )
        for link in links:
            link.created_at = link.proposal.created_at
        RoundIdea.objects.bulk_update(links, ["created_at"])

    # The benchmark.

    def crowd_create(self, rng, count) -> list:
        existing = list(User.objects.filter(email__endswith=MEMBER_DOMAIN)[:count])
        new = []
        for i in range(len(existing), count):
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            new.append(User(email=f"medlem{i}{MEMBER_DOMAIN}", display_name=name, password="!"))
        User.objects.bulk_create(new)
        created = list(User.objects.filter(email__endswith=MEMBER_DOMAIN)[:count])
        self.emails_verify(created)
        return created

    def bench_create(self, rng, count, authors):
        place_names = dict(Place.objects.values_list("code", "name"))
        municipalities = list(
            Place.objects.filter(is_active=True, kind=Place.Kind.MUNICIPALITY).values_list("code", flat=True)
        )
        # Stockholm has as many members as the next four municipalities together.
        municipalities += ["0180"] * 3 if "0180" in municipalities else []
        now = timezone.now()
        for start in range(0, count, BATCH):
            size = min(BATCH, count - start)
            rows = []
            for _ in range(size):
                idea = rng.choice(IDEAS)
                row = bench_idea(rng, idea, place_names, municipalities)
                handled = idea.status != Proposal.Status.NEW and rng.random() < BENCH_HANDLED_SHARE
                row["status"] = idea.status if handled else Proposal.Status.NEW
                row["answer"] = row["answer"] if handled else ""
                row["author"] = rng.choice(authors)
                row["created_at"] = now - timedelta(minutes=rng.randint(0, 60 * 24 * 365))
                row["supporters"] = rng.sample(authors, k=min(len(authors), int(rng.paretovariate(1.4)) - 1))
                rows.append(row)
            self.ideas_insert(rows)
            self.stdout.write(f"  {start + size} / {count}")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE proposals_proposal")

    # Both: many ideas at once, with their places, tags, supports and search index.

    @transaction.atomic
    def ideas_insert(self, rows) -> list[Proposal]:
        areas = {a.slug: a for a in PolicyArea.objects.all()}
        places = {p.code: p for p in Place.objects.all()}
        content_type = ContentType.objects.get_for_model(Proposal)
        proposals = []
        for row in rows:
            proposal = Proposal(
                author=row["author"],
                policy_area=areas[row["area"]],
                title=row["title"],
                summary=row["summary"],
                problem=row["problem"],
                body=row["body"],
                status=row["status"],
                answer=row["answer"],
                created_at=row["created_at"],
                last_activity_at=row["created_at"],
            )
            proposal.seed_places = [places[code] for code in row["places"]]
            proposals.append(proposal)
        Proposal.objects.bulk_create(proposals)
        Proposal.places.through.objects.bulk_create(
            Proposal.places.through(proposal_id=p.pk, place_id=place.pk)
            for p in proposals
            for place in p.seed_places
        )
        tag_ids = self.tag_ids({name for row in rows for name in row["tags"]})
        TaggedItem.objects.bulk_create(
            TaggedItem(content_type=content_type, object_id=p.pk, tag_id=tag_ids[name])
            for p, row in zip(proposals, rows)
            for name in row["tags"]
        )
        supports = [
            Support(proposal=p, member=member)
            for p, row in zip(proposals, rows)
            for member in row["supporters"]
            if member.pk != p.author_id
        ]
        Support.objects.bulk_create(supports)
        for p, row in zip(proposals, rows):
            p.support_count = sum(1 for member in row["supporters"] if member.pk != p.author_id)
        Proposal.objects.bulk_update([p for p in proposals if p.support_count], ["support_count"])
        search_documents_store(
            self.search_document(p, row["tags"], tag_ids) for p, row in zip(proposals, rows)
        )
        return proposals

    def search_document(self, proposal, tag_names, tag_ids):
        """The idea's search index entry. The benchmark repeats texts (a record moved to the same municipality
        with the same variation), so the costly part, the text's lexemes, is computed once per text."""
        text = (proposal.title, proposal.summary, proposal.problem, proposal.body, *tag_names)
        document = self.search_texts.get(text)
        if document is None:
            document = self.search_texts[text] = search_document(proposal, tag_names)
        return document.for_idea(
            proposal.pk,
            place_ids=[place.pk for place in proposal.seed_places],
            tag_ids=[tag_ids[name] for name in tag_names],
        )

    def tag_ids(self, names) -> dict[str, int]:
        """The tags' ids, created when missing (remembered between the benchmark's batches)."""
        for name in sorted(set(names) - set(self.known_tags)):
            tag, _ = Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})
            self.known_tags[name] = tag.pk
        return self.known_tags
