"""The search view shared by a server's processes: memory-mapped snapshot files, written once
per index generation, the same rankings as a process's own copy."""

import numpy as np
import pytest

from startup_street.search import memory, shared
from startup_street.search.selectors import ranked_program_ids
from startup_street.search.services import embedder
from startup_street.text.arrays import TermTable, is_mapped, read_snapshot, write_snapshot
from tests.factories import make_program

QUERIES = ["drone", "로봇 테스트베드", "机器人", "seed investment", "fashoin", "bakery store"]


def snapshots(folder):
    return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.exists() else []


@pytest.fixture
def catalogue(organization, settings, django_capture_on_commit_callbacks):
    settings.SEARCH_MEMORY_INDEX_FROM = 0  # rank from the view's postings, not the database
    titles = [
        {"en": "Drone flight test site for startups"},
        {"ko": "로봇 실증 테스트베드 지원"},
        {"zh-hans": "中关村机器人示范应用征集"},
        {"en": "Seed investment for food startups"},
        {"en": "Fashion pop-up store in Gangnam"},
        {"en": "Drone insurance grant", "ko": "드론 보험 지원"},
    ]
    with django_capture_on_commit_callbacks(execute=True):
        return [make_program(organization, title=title) for title in titles]


def rankings():
    return {query: ranked_program_ids(query) for query in QUERIES}


@pytest.mark.django_db
def test_shared_view_ranks_exactly_as_a_process_copy(catalogue, settings):
    settings.SEARCH_SHARED_VIEW = False
    own = rankings()
    memory.forget()
    settings.SEARCH_SHARED_VIEW = True
    assert rankings() == own
    assert set(own["drone"][:2]) == {catalogue[0].pk, catalogue[5].pk}


@pytest.mark.django_db
def test_view_is_mapped_from_one_snapshot_that_a_second_process_reuses(catalogue, settings):
    current = memory.view(embedder().name)
    folder = settings.SEARCH_VIEW_DIR
    written = snapshots(folder)
    assert len(written) == 1 and written[0].startswith("program-")
    assert is_mapped(current.vectors.vectors)
    assert is_mapped(current.lexical.weights)
    mtime = (folder / written[0] / "meta.json").stat().st_mtime_ns
    memory.forget()  # another process: maps the same files, builds nothing
    again = memory.view(embedder().name)
    assert snapshots(folder) == written
    assert (folder / written[0] / "meta.json").stat().st_mtime_ns == mtime
    assert np.array_equal(again.vectors.vectors, current.vectors.vectors)


@pytest.mark.django_db
def test_a_change_writes_a_new_snapshot_and_removes_the_old(catalogue, settings):
    folder = settings.SEARCH_VIEW_DIR
    assert ranked_program_ids("drone", channels=("lexical",))[0] == catalogue[0].pk
    first = snapshots(folder)
    catalogue[0].title = {"en": "Bakery pop-up store"}
    catalogue[0].save()  # read incrementally from the mapped view, then written
    assert ranked_program_ids("drone", channels=("lexical",)) == [catalogue[5].pk]
    assert ranked_program_ids("bakery", channels=("lexical",))[0] == catalogue[0].pk
    assert len(snapshots(folder)) == 1 and snapshots(folder) != first
    facets = memory.view(embedder().name).facets
    assert set(facets) == {p.pk for p in catalogue} and facets[catalogue[1].pk].languages == {"ko"}
    catalogue[5].delete()
    assert ranked_program_ids("drone", channels=("lexical",)) == []


@pytest.mark.django_db
def test_missing_snapshot_is_rebuilt_on_demand(catalogue, settings):
    import shutil

    before = rankings()
    shutil.rmtree(settings.SEARCH_VIEW_DIR)
    memory.forget()
    assert rankings() == before
    assert len(snapshots(settings.SEARCH_VIEW_DIR)) == 1


@pytest.mark.django_db
def test_an_unwritable_folder_leaves_each_process_its_own_copy(catalogue, settings, tmp_path):
    before = rankings()
    memory.forget()
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings.SEARCH_VIEW_DIR = blocker / "search-view"
    assert rankings() == before
    assert not is_mapped(memory.view(embedder().name).vectors.vectors)


@pytest.mark.django_db
def test_a_snapshot_names_its_database_state(catalogue):
    name = embedder().name
    stamp = memory.generation()
    path = shared.snapshot_path("program", name, stamp)
    assert shared.snapshot_path("program", name, stamp) == path
    catalogue[0].title = {"en": "Bakery"}
    catalogue[0].save()
    assert shared.snapshot_path("program", name, stamp) != path  # same stamp, other state


def test_snapshot_is_written_whole_and_read_back_mapped(tmp_path):
    arrays = {"a": np.arange(10, dtype=np.int64), "b": np.ones((3, 4), dtype=np.float32)}
    path = write_snapshot(tmp_path / "s-1", arrays, {"n": 3})
    assert [p.name for p in tmp_path.iterdir()] == ["s-1"]  # no temporary folder left
    found, meta = read_snapshot(path)
    assert meta["n"] == 3 and is_mapped(found["b"])
    assert np.array_equal(found["a"], arrays["a"]) and not found["b"].flags.writeable
    assert read_snapshot(tmp_path / "missing") is None


def test_term_table_finds_every_term_and_nothing_else():
    pairs = {"로봇": 7, "机器人": 9, "drone": 3, "": 11, "a b": 5}
    table = TermTable.of(pairs)
    assert {term: table.get(term) for term in pairs} == pairs
    assert table.get("robot") is None and dict(table.items()) == pairs
    assert table.holds_ids(np.array([3, 4, 11])).tolist() == [True, False, True]


@pytest.mark.django_db
def test_while_another_process_writes_a_view_searches_answer_from_the_last_one(catalogue, settings):
    from startup_street.text.arrays import exclusive

    assert ranked_program_ids("drone", channels=("lexical",))[0] == catalogue[0].pk
    catalogue[0].title = {"en": "Bakery pop-up store"}
    catalogue[0].save()
    lock = settings.SEARCH_VIEW_DIR / f".{shared._prefix('program', embedder().name)}lock"
    with exclusive(lock):  # another process is writing the new generation
        assert ranked_program_ids("bakery", channels=("lexical",)) == []
    assert ranked_program_ids("bakery", channels=("lexical",)) == [catalogue[0].pk]
