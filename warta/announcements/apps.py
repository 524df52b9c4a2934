from django.apps import AppConfig


class AnnouncementsConfig(AppConfig):
    name = "warta.announcements"
    verbose_name = "Pengumuman"
