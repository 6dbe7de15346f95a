from django_tasks import task

from .alerts import alert_saved_searches


@task()
def task_alert_saved_searches(call_id: int) -> int:
    """E-mail the saved searches a new call matches (each search once per call)."""
    return alert_saved_searches(call_id)
