"""`warta run ...`: drive the whole procedure without a browser, through the same services the screens use."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from warta.core.cli import refuse, user_by_name
from warta.core.errors import ServiceError
from warta.core.formats import format_against_standard, format_datetime
from warta.pos import services
from warta.pos.clock import time_status
from warta.pos.models import Breach, Run


def _plan_item(text: str) -> services.PlanItemData:
    title, _, target = text.rpartition("|")
    try:
        return services.PlanItemData(title=title.strip(), target_date=date.fromisoformat(target.strip()))
    except ValueError:
        raise CommandError(
            f"Butir rencana “{text}” harus berbentuk “Judul informasi|TTTT-BB-HH”. [pos.plan_item_invalid]"
        ) from None


def _run(number: str) -> Run:
    run = Run.objects.filter(number=number).first()
    if run is None:
        raise CommandError(f"Disposisi “{number}” tidak ditemukan. [pos.run_unknown]")
    return run


def describe_run(run: Run) -> str:
    zone = run.unit.office.time_zone
    lines = [
        f"{run.number}  {run.title}",
        f"POS {run.procedure.code} versi {run.procedure.version} · status: {run.get_status_display()}"
        f"{' · JALUR SEGERA' if run.urgent else ''} · dikembalikan {run.return_count} kali",
        f"Disposisi oleh {run.started_by} kepada {run.addressee}: {run.instructions}",
        "Rencana Pengembangan Informasi:",
        *[f"  - {item.title} (target {item.target_date:%Y-%m-%d}, {item.get_action_display()})"
          for item in run.plan_items.all()],
        "Langkah:",
    ]
    for step_run in run.step_runs.select_related("step", "assignee", "finished_by").order_by("started_at", "pk"):
        status = time_status(step_run)
        lines.append(
            f"  {step_run.step.number}. {step_run.step.activity} [percobaan {step_run.attempt}] "
            f"{step_run.get_status_display()} · pelaksana: {step_run.assignee or '(antrean peran)'} · "
            f"mulai {format_datetime(step_run.started_at, zone)} · "
            f"{format_against_standard(status.used_seconds, status.standard_seconds)} ({status.state.value})"
        )
        if step_run.inputs_checked:
            lines.append("     kelengkapan: " + ", ".join(
                f"{step_run.step.input_label(key)} {'ada' if ok else 'TIDAK ADA'}"
                for key, ok in step_run.inputs_checked.items()))
        if step_run.output_note:
            lines.append(f"     output: {step_run.output_note}")
        if step_run.return_reason:
            lines.append(f"     dikembalikan: {step_run.return_reason}")
        for breach in step_run.breaches.all():
            state = f"dijelaskan: {breach.explanation}" if breach.explained_at else "BELUM DIJELASKAN"
            lines.append(f"     penyimpangan #{breach.pk} {breach.get_kind_display()} ({breach.detail}) — {state}")
        for letter in step_run.letters.all():
            lines.append(f"     surat penugasan {letter.number}: {letter.from_user} → {letter.to_user}")
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Jalankan POS dari baris perintah: disposisi, langkah, verifikasi, penjelasan, pengalihan."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        start = sub.add_parser("start", help="Langkah 1: PPID memberikan disposisi.")
        start.add_argument("--as", dest="actor", required=True, help="Nama pengguna PPID.")
        start.add_argument("--title", required=True)
        start.add_argument("--instructions", required=True)
        start.add_argument("--to", dest="addressee", required=True, help="Pengolah Data dan Informasi.")
        start.add_argument("--verifier", help="Penelaah Teknis Kebijakan (boleh dikosongkan).")
        start.add_argument("--plan", action="append", default=[], metavar="JUDUL|TTTT-BB-HH")
        start.add_argument("--urgent", action="store_true", help="Informasi serta merta: jalur segera.")
        start.add_argument("--procedure", help="Nomor POS (bawaan: yang berlaku).")
        show = sub.add_parser("show", help="Tampilkan satu disposisi dan semua langkahnya.")
        show.add_argument("number")
        sub.add_parser("list", help="Daftar disposisi.")
        step = sub.add_parser("step", help="Kerjakan langkah yang sedang berjalan.")
        step.add_argument("number")
        step.add_argument("step", type=int)
        step.add_argument("verb", choices=["claim", "release", "input", "complete", "approve", "return", "delegate"],
                          help="claim/release: ambil tugas dari antrean bersama atau kembalikan ke antrean. "
                               "Langkah di antrean diambil otomatis saat dikerjakan.")
        step.add_argument("--as", dest="actor", required=True)
        step.add_argument("--key", help="Kunci kelengkapan (untuk input).")
        step.add_argument("--ref", default="", help="Rujukan kelengkapan (untuk input).")
        step.add_argument("--output", default="", help="Output langkah (untuk complete).")
        step.add_argument("--accept-missing", action="store_true",
                          help="Selesaikan walau kelengkapan kurang (dicatat sebagai penyimpangan).")
        step.add_argument("--reason", default="", help="Alasan pengembalian atau pengalihan.")
        step.add_argument("--to", dest="to_user", help="Penerima pengalihan (untuk delegate).")
        step.add_argument("--letter-number", default="")
        step.add_argument("--confirm", action="store_true", help="Tetap tugaskan walau kualifikasi belum lengkap.")
        explain = sub.add_parser("explain", help="Tulis penjelasan penyimpangan.")
        explain.add_argument("breach", type=int)
        explain.add_argument("--as", dest="actor", required=True)
        explain.add_argument("--text", required=True)

    def handle(self, *args, action, **options):
        try:
            getattr(self, f"_{action}")(**options)
        except ServiceError as error:
            raise refuse(error) from None

    def _start(self, actor, title, instructions, addressee, verifier, plan, urgent, procedure, **options):
        run = services.issue_disposition(
            user_by_name(actor), title=title, instructions=instructions, addressee=user_by_name(addressee),
            verifier=user_by_name(verifier) if verifier else None, plan=[_plan_item(item) for item in plan],
            urgent=urgent, procedure_code=procedure,
        )
        self.stdout.write(f"Disposisi {run.number} dibuat; langkah berikutnya: {run.current_step().step}.")

    def _show(self, number, **options):
        self.stdout.write(describe_run(_run(number)))

    def _list(self, **options):
        for run in Run.objects.select_related("unit").order_by("started_at"):
            current = run.current_step()
            where = f"langkah {current.step.number}" if current else run.get_status_display()
            self.stdout.write(f"{run.number}  {where:<12} {run.title}")

    def _step(self, number, step, verb, actor, **options):
        run = _run(number)
        user = user_by_name(actor)
        with transaction.atomic():  # a refused action leaves no claim behind
            self._act(run, step, verb, user, options)

    def _take(self, user, step_run) -> None:
        """Acting on a step that waits in the shared queue takes it first, as the workspace's button does."""
        if step_run.assignee_id is None and getattr(services.claim_for(step_run), "user_id", None) != user.pk:
            services.claim_step(user, step_run)
            self.stdout.write(f"Langkah {step_run.step.number} {step_run.run.number} diambil dari antrean oleh {user}.")

    def _act(self, run, step, verb, user, options):
        if verb == "input":
            if not options["key"]:
                raise CommandError("Sebutkan --key kelengkapan yang dicatat. [pos.input_key_missing]")
            current = run.current_step()
            if current is not None:
                self._take(user, current)
            services.provide_input(user, run, options["key"], reference=options["ref"])
            self.stdout.write(f"Kelengkapan “{options['key']}” dicatat untuk {run.number}.")
            return
        step_run = services.active_step(run, step)
        if verb == "claim":
            services.claim_step(user, step_run)
            self.stdout.write(f"Langkah {step_run.step.number} {run.number} Anda ambil dari antrean bersama.")
            return
        if verb == "release":
            services.release_claim(user, step_run)
            self.stdout.write(f"Langkah {step_run.step.number} {run.number} dikembalikan ke antrean bersama.")
            return
        if verb != "delegate":
            self._take(user, step_run)
        if verb == "complete":
            services.complete_step(user, step_run, output_note=options["output"],
                                   accept_missing=options["accept_missing"])
        elif verb in ("approve", "return"):
            services.verify(user, step_run, approve=verb == "approve", reason=options["reason"])
        else:
            if not options["to_user"]:
                raise CommandError("Sebutkan --to penerima pengalihan. [pos.delegate_to_missing]")
            letter = services.delegate_step(user, step_run, user_by_name(options["to_user"]), options["reason"],
                                            number=options["letter_number"], confirm_unqualified=options["confirm"])
            self.stdout.write(f"Surat penugasan {letter.number} dibuat: {letter.pdf.name}")
        run.refresh_from_db()
        current = run.current_step()
        self.stdout.write(f"{run.number}: " + (f"sekarang di {current.step}." if current else
                                                f"{run.get_status_display()}."))
        open_breaches = run.unexplained_breaches()
        for breach in open_breaches:
            self.stdout.write(f"Penyimpangan #{breach.pk} ({breach.get_kind_display()}: {breach.detail}) menunggu "
                              f"penjelasan pelaksananya ({breach.responsible}).")

    def _explain(self, breach, actor, text, **options):
        item = Breach.objects.filter(pk=breach).first()
        if item is None:
            raise CommandError(f"Penyimpangan #{breach} tidak ditemukan. [pos.breach_unknown]")
        services.explain_breach(user_by_name(actor), item, text)
        self.stdout.write(f"Penjelasan penyimpangan #{breach} dicatat.")
