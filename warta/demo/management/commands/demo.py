"""`warta demo`: the demo office, one user per role, demo content made through the real services; prints logins."""

from django.core.management.base import BaseCommand

from warta.accounts.demo import DEMO_PASSWORD, DEMO_USERS, create_demo_office
from warta.demo.content import create_demo_content
from warta.pos.services import procedure_in_force


class Command(BaseCommand):
    help = "Buat kantor contoh (BPMP Provinsi Bengkulu) dengan satu pengguna per peran, lalu cetak info masuknya."

    def handle(self, *args, **options):
        procedure = procedure_in_force()
        office, created = create_demo_office(sorted(procedure.qualification_codes()))
        if created:
            create_demo_content(office)
        self.stdout.write(("Kantor contoh dibuat: " if created else "Kantor contoh sudah ada: ") + office.name)
        self.stdout.write("")
        self.stdout.write("Akun contoh (kata sandi sama untuk semua, HANYA untuk demo): " + DEMO_PASSWORD)
        for username, full_name, roles, *_ in DEMO_USERS:
            self.stdout.write(f"  {username:<10} {', '.join(str(role.label) for role in roles):<30} {full_name}")
