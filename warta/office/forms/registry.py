from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from warta.registry.models import Category, Ps17Ground

from .base import DateInput, textarea
from .drafting import OPEN_CATEGORIES


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Alasan penarikan"), widget=textarea(3),
                             help_text=_("Alasan dicatat di riwayat informasi dan jejak audit."))


class EditionProposeForm(forms.Form):
    title = forms.CharField(label=_("Judul edisi"), max_length=300,
                            initial="Daftar Informasi Publik", help_text=_("Misalnya “DIP Semester II 2026”."))


class EditionSetForm(forms.Form):
    decree_number = forms.CharField(label=_("Nomor SK"), max_length=120)
    decree_date = forms.DateField(label=_("Tanggal SK"), widget=DateInput)


class ConsequenceTestForm(forms.Form):
    entry = forms.ModelChoiceField(label=_("Informasi di DIP (bila sudah terdaftar)"), queryset=None, required=False,
                                   empty_label=_("— informasi belum terdaftar di DIP —"))
    information = forms.CharField(label=_("Informasi yang dikecualikan"), max_length=500, widget=textarea(2))
    content = forms.CharField(label=_("Konten informasi"), widget=textarea(2), required=False)
    grounds = forms.MultipleChoiceField(label=_("Dasar pengecualian UU 14/2008 Pasal 17"), required=False,
                                        choices=Ps17Ground.choices, widget=forms.CheckboxSelectMultiple)
    other_law = forms.CharField(label=_("Dasar hukum lain"), widget=textarea(2), required=False,
                                help_text=_("Undang-undang lain yang menutup informasi ini, bila ada."))
    consequence_if_opened = forms.CharField(label=_("Akibat bila informasi dibuka"), widget=textarea(3))
    benefit_if_closed = forms.CharField(label=_("Manfaat bila informasi ditutup"), widget=textarea(3))
    public_interest = forms.CharField(label=_("Pertimbangan kepentingan publik"), widget=textarea(3))
    period = forms.CharField(label=_("Jangka waktu pengecualian"), max_length=300,
                             help_text=_("Misalnya “5 tahun” atau “sampai pemeriksaan selesai”."))
    expires_on = forms.DateField(label=_("Berakhir pada"), widget=DateInput, required=False,
                                 help_text=_("Kosongkan bila pengecualian berlaku tanpa batas waktu."))
    place = forms.CharField(label=_("Tempat"), max_length=120)
    decided_on = forms.DateField(label=_("Tanggal"), widget=DateInput)

    def __init__(self, *args, entries=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].queryset = entries
        self.fields["entry"].label_from_instance = lambda entry: f"{entry.number}. {entry.title[:120]}"

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("grounds") and not cleaned.get("other_law", "").strip():
            self.add_error("grounds", gettext("Pilih huruf Pasal 17 UU 14/2008 atau tuliskan dasar hukum lain."))
        return cleaned


class ParticipantForm(forms.Form):
    name = forms.CharField(label=_("Nama peserta"), max_length=200, required=False)
    position = forms.CharField(label=_("Jabatan"), max_length=200, required=False)

    def has_changed(self):
        return any(self.data.get(self.add_prefix(name), "").strip() for name in ("name", "position"))

    def clean(self):
        cleaned = super().clean()
        if self.has_changed() and not cleaned.get("name", "").strip():
            self.add_error("name", gettext("Tuliskan nama peserta."))
        return cleaned


ParticipantFormSet = forms.formset_factory(ParticipantForm, extra=3)


class LiftForm(forms.Form):
    reason = forms.CharField(label=_("Alasan informasi dibuka kembali"), widget=textarea(2))
    category = forms.ChoiceField(label=_("Kategori setelah dibuka"), choices=OPEN_CATEGORIES,
                                 initial=Category.SETIAP_SAAT)


class ScheduleForm(forms.Form):
    every_days = forms.IntegerField(label=_("Pemeliharaan rutin setiap (hari)"), min_value=1, max_value=90)
    next_due = forms.DateField(label=_("Jatuh tempo berikutnya"), widget=DateInput, required=False,
                               help_text=_("Kosongkan untuk menghitungnya dari hari ini."))
