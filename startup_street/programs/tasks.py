from django_tasks import task

from .alerts import alert_saved_searches, alert_saved_searches_for_calls


@task()
def task_alert_saved_searches_for_calls(call_ids: list[int]) -> int:
    """E-mail the saved searches the new calls match (each search once per call), the whole
    batch in one pass over the saved searches."""
    return alert_saved_searches_for_calls(call_ids)


@task()
def task_alert_saved_searches(call_id: int) -> int:
    """One call's alerts (jobs queued before calls were batched still run)."""
    return alert_saved_searches(call_id)


@task()
def task_embed_programs(program_ids: list[int]) -> int:
    """Embed the given programs' search entries whose text changed since their last embedding."""
    from .indexing import embed_programs

    return embed_programs(program_ids)


@task()
def task_index_programs(program_ids: list[int] | None = None) -> int:
    """Write the search entries of programs written in bulk (an import): the given ones, or
    every program still waiting (the periodic sweep). Their embeddings follow as a job."""
    from .indexing import index_pending_programs

    return index_pending_programs(program_ids)
