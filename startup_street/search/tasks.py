"""Background jobs of the search index (Django's Tasks API; see settings.TASKS)."""

from django_tasks import task

from . import services


@task()
def task_embed_programs(program_ids: list[int]) -> int:
    """Embed the given programs' entries whose text changed since their last embedding."""
    return services.embed_programs(program_ids)
