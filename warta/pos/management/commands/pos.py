"""`warta pos load [FILE]` and `warta pos show [CODE]`: procedures as data, printed as the POS table."""

from django.core.management.base import BaseCommand, CommandError

from warta.accounts.models import Role
from warta.core.cli import refuse, text_table
from warta.core.errors import ServiceError
from warta.core.formats import format_date
from warta.pos.models import Procedure
from warta.pos.services import SEED_FILE, load_procedure_file, procedure_in_force

EXECUTOR_COLUMNS = [Role.PPID, Role.PENGOLAH, Role.PENELAAH]


def _date(value: str | None) -> str:
    from datetime import date

    return format_date(date.fromisoformat(value)) if value else "-"


def render_procedure(procedure: Procedure, width: int | None = None) -> str:
    data = procedure.data
    approver = data.get("approved_by") or {}
    lines = [*data.get("organisation", []), ""]
    header = [
        ("Nomor POS", procedure.code),
        ("Tanggal Pembuatan", _date(data.get("created_on"))),
        ("Tanggal Revisi", _date(data.get("revised_on"))),
        ("Tanggal Efektif", _date(data.get("effective_on"))),
        ("Disahkan oleh", " ".join(filter(None, [approver.get("title"), approver.get("name"),
                                                  f"NIP {approver['nip']}" if approver.get("nip") else ""]))),
        ("Nama POS", procedure.name),
        ("Versi di Warta", str(procedure.version)),
    ]
    lines += [f"{label:<18}: {value}" for label, value in header]
    sections = [
        ("Dasar Hukum", data.get("legal_basis", [])),
        ("Kualifikasi Pelaksana", [q["text"] for q in data.get("qualifications", [])]),
        ("Keterkaitan", data.get("related", [])),
        ("Peralatan/Perlengkapan", data.get("equipment", [])),
        ("Peringatan", data.get("warnings", [])),
        ("Pencatatan dan Pendataan", data.get("records", [])),
    ]
    for title, items in sections:
        if items:
            lines += ["", f"{title}:"] + [f"  {i}. {item}" for i, item in enumerate(items, start=1)]
    headers = ["No.", "Kegiatan", *[role.label for role in EXECUTOR_COLUMNS], "Kelengkapan", "Waktu", "Output",
               "Keterangan"]
    rows = [
        [str(step.number), step.activity, *["✓" if step.role == role else "" for role in EXECUTOR_COLUMNS],
         step.kelengkapan, step.standard_label, step.output, step.note]
        for step in procedure.steps.all()
    ]
    lines += ["", f"POS {procedure.name}", text_table(headers, rows, [2, 14, 3, 6, 6, 12, 4, 12, 6], width)]
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Muat atau tampilkan Prosedur Operasional Standar (POS)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="Muat berkas POS (bawaan: POS Pengumuman Informasi).")
        load.add_argument("file", nargs="?", default=str(SEED_FILE))
        show = sub.add_parser("show", help="Tampilkan POS yang berlaku dalam tata letak tabel POS.")
        show.add_argument("code", nargs="?", help="Nomor POS (bawaan: satu-satunya yang berlaku).")
        show.add_argument("--version", type=int, dest="procedure_version", help="Versi tertentu.")
        show.add_argument("--width", type=int, help="Lebar tabel dalam karakter.")
        sub.add_parser("list", help="Daftar POS dan versinya.")

    def handle(self, *args, action, **options):
        try:
            getattr(self, f"_{action}")(**options)
        except ServiceError as error:
            raise refuse(error) from None

    def _load(self, file, **options):
        try:
            procedure, created = load_procedure_file(file)
        except FileNotFoundError:
            raise CommandError(f"Berkas “{file}” tidak ditemukan. [pos.file_missing]") from None
        verb = "dimuat sebagai versi baru" if created else "tidak berubah; tetap"
        self.stdout.write(f"POS {procedure.code} {procedure.name}: {verb} versi {procedure.version}.")

    def _show(self, code=None, procedure_version=None, width=None, **options):
        if procedure_version:
            procedure = Procedure.objects.filter(code=code or procedure_in_force().code,
                                                 version=procedure_version).first()
            if procedure is None:
                raise CommandError(f"Versi {procedure_version} tidak ada. [pos.version_unknown]")
        else:
            procedure = procedure_in_force(code)
        self.stdout.write(render_procedure(procedure, width))

    def _list(self, **options):
        for procedure in Procedure.objects.order_by("code", "version"):
            mark = "berlaku" if procedure.is_current else "lama"
            self.stdout.write(f"{procedure.code}  versi {procedure.version}  {mark}  {procedure.name}  "
                              f"({procedure.runs.count()} pelaksanaan)")
