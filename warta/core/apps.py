from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "warta.core"
    verbose_name = "Warta"

    def ready(self):
        from .health import register_health_check

        register_health_check("jobs", _jobs_health)


def _jobs_health() -> dict:
    from datetime import datetime, timedelta

    from django.utils import timezone

    from .tasks import last_heartbeat

    beat = last_heartbeat()
    if beat is None:
        return {"ok": False, "label": "pekerja tugas latar belum pernah berjalan (jalankan: warta run_huey)"}
    age = timezone.now() - datetime.fromisoformat(beat)
    alive = age < timedelta(minutes=3)
    label = "pekerja tugas latar berjalan" if alive else "pekerja tugas latar tidak berdenyut sejak " + beat
    return {"ok": alive, "label": label, "last_heartbeat": beat}
