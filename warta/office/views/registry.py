"""The register outside a run: the unit's entries, withdrawal, DIP editions by decree, and exempt information."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views import View

from warta.accounts.models import Role
from warta.core.errors import ServiceError
from warta.registry.models import (
    Category,
    Edition,
    Entry,
    EntryStatus,
    Exemption,
    ExemptionStatus,
    Ps17Ground,
)
from warta.registry.services.editions import approve_edition, next_edition_due, propose_edition, set_edition
from warta.registry.services.entries import withdraw_entry
from warta.registry.services.exemptions import ConsequenceTest, decide_exemption, lift_exemption

from ..access import POS_ROLES, Refused, StaffMixin, add_service_error, visible_units
from ..forms.base import filled_forms, grown_formset
from ..forms.registry import (
    ConsequenceTestForm,
    EditionProposeForm,
    EditionSetForm,
    LiftForm,
    ParticipantFormSet,
)
from ..services import notify_edition_approved, notify_edition_proposed
from .withdrawal import WithdrawableDetail

PPID = frozenset({Role.PPID})
REGISTER_READERS = POS_ROLES


def visible_entries(user):
    return Entry.objects.filter(unit__in=visible_units(user))


class RegisterList(StaffMixin, View):
    roles = REGISTER_READERS

    def get(self, request):
        entries = visible_entries(request.user).select_related("run")
        status = request.GET.get("status", "")
        category = request.GET.get("kategori", "")
        query = request.GET.get("q", "").strip()
        if status in EntryStatus.values:
            entries = entries.filter(status=status)
        if category in Category.values:
            entries = entries.filter(category=category)
        if query:
            entries = entries.filter(Q(title__icontains=query) | Q(holder__icontains=query))
        page = Paginator(entries.order_by("number", "pk"), 50).get_page(request.GET.get("halaman"))
        return render(request, "office/register_list.html", {
            "page": page, "status": status, "category": category, "query": query,
            "statuses": EntryStatus.choices, "categories": Category.choices,
        })


class EntryDetail(WithdrawableDetail):
    roles = REGISTER_READERS
    template_name = "office/entry_detail.html"
    object_name = "entry"

    def items(self, user):
        return visible_entries(user)

    def extra_context(self, entry):
        return {
            "revisions": entry.revisions.select_related("actor", "run").order_by("-number"),
            "attachments": entry.attachments.select_related("document"),
            "public": getattr(entry, "public_copy", None) if entry.status == EntryStatus.PUBLISHED else None,
            "exemptions": entry.exemptions.all(),
        }

    def withdraw(self, user, entry, reason):
        withdraw_entry(user, entry, reason=reason)

    def refusal(self):
        return gettext("Informasi yang terbit hanya dapat ditarik oleh PPID.")

    def withdrawn_message(self, entry):
        return gettext("Informasi nomor %(number)s ditarik dari situs.") % {"number": entry.number}


class Editions(StaffMixin, View):
    """DIP editions: the PPID proposes, the Atasan PPID approves, the PPID sets it by decree (Perki 1/2021 Ps 45)."""

    roles = frozenset({Role.PPID, Role.ATASAN})

    def editions(self, request):
        return Edition.objects.filter(unit__in=visible_units(request.user)).select_related(
            "proposed_by", "approved_by", "set_by", "unit")

    def render(self, request, propose_form=None, set_forms=None):
        set_forms = set_forms or {}
        editions = list(self.editions(request))
        for edition in editions:
            edition.set_form = set_forms.get(edition.pk) or EditionSetForm(prefix=f"sk-{edition.pk}")
        return render(request, "office/editions.html", {
            "editions": editions, "is_ppid": request.user.has_role(Role.PPID),
            "is_atasan": request.user.has_role(Role.ATASAN),
            "propose_form": propose_form or EditionProposeForm(prefix="usul"),
            "next_due": next_edition_due(request.user.unit) if request.user.unit else None,
        })

    def get(self, request):
        return self.render(request)

    def post(self, request):
        action, _, pk = request.POST.get("action", "").partition(":")
        if action == "usulkan":
            return self.propose(request)
        edition = get_object_or_404(self.editions(request), pk=pk or 0)
        if action == "setujui":
            if not request.user.has_role(Role.ATASAN):
                raise Refused(gettext("Edisi DIP disetujui oleh Atasan PPID."))
            try:
                approve_edition(request.user, edition)
            except ServiceError as error:
                messages.error(request, error.message)
            else:
                notify_edition_approved(edition)
                messages.success(request, gettext("Edisi “%(title)s” disetujui. PPID dapat menetapkannya dengan SK.")
                                 % {"title": edition.title})
            return HttpResponseRedirect(reverse("office:editions"))
        if action == "tetapkan":
            if not request.user.has_role(Role.PPID):
                raise Refused(gettext("Edisi DIP ditetapkan oleh PPID dengan surat keputusan."))
            form = EditionSetForm(request.POST, prefix=f"sk-{edition.pk}")
            if form.is_valid():
                try:
                    set_edition(request.user, edition, decree_number=form.cleaned_data["decree_number"],
                                decree_date=form.cleaned_data["decree_date"])
                except ServiceError as error:
                    add_service_error(form, error)
                else:
                    messages.success(request, gettext("Edisi “%(title)s” ditetapkan dengan SK %(number)s.")
                                     % {"title": edition.title, "number": edition.decree_number})
                    return HttpResponseRedirect(reverse("office:editions"))
            return self.render(request, set_forms={edition.pk: form})
        raise Refused(gettext("Tindakan ini tidak dikenal di halaman ini."))

    def propose(self, request):
        if not request.user.has_role(Role.PPID):
            raise Refused(gettext("Edisi DIP diusulkan oleh PPID."))
        form = EditionProposeForm(request.POST, prefix="usul")
        if form.is_valid():
            try:
                edition = propose_edition(request.user, title=form.cleaned_data["title"])
            except ServiceError as error:
                add_service_error(form, error)
            else:
                notify_edition_proposed(edition)
                messages.success(request, gettext("Edisi “%(title)s” diusulkan kepada Atasan PPID.")
                                 % {"title": edition.title})
                return HttpResponseRedirect(reverse("office:editions"))
        return self.render(request, propose_form=form)


class ExemptionList(StaffMixin, View):
    roles = frozenset({Role.PPID, Role.ATASAN, Role.PENELAAH})

    def get(self, request):
        exemptions = Exemption.objects.filter(unit__in=visible_units(request.user)).select_related("entry",
                                                                                                   "decided_by")
        return render(request, "office/exemption_list.html", {
            "exemptions": exemptions, "can_decide": request.user.has_role(Role.PPID),
            "review": [e for e in exemptions if e.status == ExemptionStatus.REVIEW],
        })


def exemptable_entries(user):
    return Entry.objects.filter(unit=user.unit).exclude(category=Category.DIKECUALIKAN).order_by("number")


class ExemptionCreate(StaffMixin, View):
    """The consequence test (uji konsekuensi), UU 14/2008 Ps 17 and 19, decided by the PPID."""

    roles = PPID

    def render(self, request, form, formset):
        return render(request, "office/exemption_form.html", {"form": form, "formset": formset})

    def get(self, request):
        form = ConsequenceTestForm(entries=exemptable_entries(request.user), initial={
            "place": request.user.unit.office.city, "entry": request.GET.get("informasi")})
        return self.render(request, form, ParticipantFormSet(prefix="peserta"))

    def post(self, request):
        entries = exemptable_entries(request.user)
        if "tambah_baris" in request.POST:
            fields = ConsequenceTestForm(entries=entries).fields
            initial = {name: (request.POST.getlist(name) if name == "grounds" else request.POST.get(name))
                       for name in fields}
            return self.render(request, ConsequenceTestForm(entries=entries, initial=initial),
                               grown_formset(ParticipantFormSet, request.POST, "peserta"))
        form = ConsequenceTestForm(request.POST, entries=entries)
        formset = ParticipantFormSet(request.POST, prefix="peserta")
        if not (form.is_valid() & formset.is_valid()):
            return self.render(request, form, formset)
        data = form.cleaned_data
        participants = [{"name": row.cleaned_data["name"].strip(), "position": row.cleaned_data["position"].strip()}
                        for row in filled_forms(formset)]
        if not participants:
            formset_error = gettext("Tuliskan sedikitnya satu peserta uji konsekuensi beserta jabatannya.")
            return render(request, "office/exemption_form.html", {"form": form, "formset": formset,
                                                                  "participants_error": formset_error})
        test = ConsequenceTest(
            information=data["information"], consequence_if_opened=data["consequence_if_opened"],
            benefit_if_closed=data["benefit_if_closed"], public_interest=data["public_interest"],
            period=data["period"], place=data["place"], decided_on=data["decided_on"], grounds=data["grounds"],
            other_law=data["other_law"], content=data["content"], expires_on=data["expires_on"],
            participants=participants,
        )
        try:
            exemption = decide_exemption(request.user, test, entry=data["entry"])
        except ServiceError as error:
            add_service_error(form, error)
            return self.render(request, form, formset)
        messages.success(request, gettext("Uji konsekuensi tersimpan; informasi ini kini dikecualikan."))
        return HttpResponseRedirect(reverse("office:exemption", args=[exemption.pk]))


class ExemptionDetail(StaffMixin, View):
    roles = frozenset({Role.PPID, Role.ATASAN, Role.PENELAAH})

    def render(self, request, exemption, lift_form=None):
        grounds = dict(Ps17Ground.choices)
        return render(request, "office/exemption_detail.html", {
            "exemption": exemption, "grounds": [grounds.get(code, code) for code in exemption.grounds],
            "can_lift": request.user.has_role(Role.PPID) and exemption.status != ExemptionStatus.LIFTED,
            "lift_form": lift_form or LiftForm(prefix="cabut"),
        })

    def get(self, request, pk):
        exemption = get_object_or_404(Exemption.objects.filter(unit__in=visible_units(request.user)), pk=pk)
        return self.render(request, exemption)

    def post(self, request, pk):
        exemption = get_object_or_404(Exemption.objects.filter(unit__in=visible_units(request.user)), pk=pk)
        if not request.user.has_role(Role.PPID):
            raise Refused(gettext("Pengecualian dicabut oleh PPID."))
        form = LiftForm(request.POST, prefix="cabut")
        if form.is_valid():
            try:
                lift_exemption(request.user, exemption, reason=form.cleaned_data["reason"],
                               category=form.cleaned_data["category"])
            except ServiceError as error:
                add_service_error(form, error)
            else:
                messages.success(request, gettext("Pengecualian dicabut. Informasinya kembali menjadi konsep dan "
                                                  "harus melalui disposisi untuk terbit."))
                return HttpResponseRedirect(reverse("office:exemption", args=[exemption.pk]))
        return self.render(request, exemption, lift_form=form)
