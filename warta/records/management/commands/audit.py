"""`warta audit verify` checks the hash chain; `warta audit log` prints the latest records."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from warta.records.audit import verify_chain
from warta.records.models import AuditRecord


class Command(BaseCommand):
    help = "Periksa atau tampilkan jejak audit."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser("verify", help="Periksa rantai hash; sebutkan catatan pertama yang rusak.")
        verify.add_argument("--no-progress", action="store_true")
        log = sub.add_parser("log", help="Tampilkan catatan terbaru.")
        log.add_argument("--limit", type=int, default=30)

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _verify(self, no_progress=False, **options):
        total = AuditRecord.objects.count()
        with tqdm(total=total, unit="catatan", disable=no_progress or total < 1000, file=self.stderr) as bar:
            report = verify_chain(progress=bar.update)
        if report.ok:
            self.stdout.write(f"Rantai audit utuh: {report.checked} catatan diperiksa.")
            return
        where = f"catatan #{report.broken_id}" if report.broken_id else "ujung rantai"
        raise CommandError(
            f"Rantai audit RUSAK di {where}: {report.reason}. {report.checked} catatan sebelumnya utuh. "
            "[records.chain_broken]"
        )

    def _log(self, limit, **options):
        for rec in AuditRecord.objects.order_by("-pk")[:limit][::-1]:
            self.stdout.write(f"#{rec.pk} {rec.at:%Y-%m-%d %H:%M:%S} {rec.actor_label}: {rec.action} "
                              f"{rec.object_type}:{rec.object_id} {rec.object_label}")
