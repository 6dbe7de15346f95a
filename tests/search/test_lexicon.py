import pytest

from startup_street.search.selectors import ranked_program_ids
from startup_street.text.analysers import fts_query_terms, match_concepts
from startup_street.text.lexicon import (
    MAX_MINED_TERMS,
    MINED_PATH,
    mined_lexicon,
    mined_translations,
    read_mined,
)
from startup_street.text.query import parse_query
from tests.factories import make_program

HEADER = "lang_a\tterm_a\tlang_b\tterm_b\tscore\tshared\tcosine\tsource\n"


def test_shipped_lexicon_loads_both_ways():
    lexicon = mined_lexicon()
    assert len(lexicon) > 1_000
    assert "cancer" in lexicon["암"] and "癌症" in lexicon["암"]
    assert "암" in lexicon["cancer"]  # a pair reads in both directions
    assert all(term.isalnum() for term in lexicon)


def test_a_mined_pair_expands_a_word_the_dictionary_lacks():
    assert not match_concepts(["cancer"])
    query = parse_query("cancer")
    assert {"암", "癌症"} <= set(query.mined)
    assert not query.expansions


def test_the_dictionary_wins_where_both_know_a_word():
    # 경기 is the province of Gyeonggi in the dictionary; the news sentences pair it with a
    # match (比赛): the dictionary's reading is the one a query gets.
    assert "比赛" in mined_lexicon()["경기"]
    query = parse_query("경기 창업 지원")
    assert "比赛" not in query.mined and "gyeonggi" in query.expansions


def test_mined_translations_skip_the_query_and_what_it_already_expands_to():
    assert mined_translations(["암", "cancer"]) == ["癌症"]
    assert mined_translations(["암"], known=["cancer"]) == ["癌症"]


def test_a_query_adds_a_bounded_number_of_mined_terms():
    words = " ".join(term for term in list(mined_lexicon())[:200] if term.isascii())
    assert len(mined_translations(fts_query_terms(words))) <= MAX_MINED_TERMS


def test_bad_and_empty_rows_are_skipped(tmp_path):
    path = tmp_path / "mined.tsv"
    rows = [
        "ko\t암\ten\tcancer\t0.9\t10\t0.8\tntrex128",
        "",  # empty
        "ko\t\ten\tempty\t0.9\t10\t0.8\tntrex128",  # an empty term
        "ko\t공항\ten\tairport\t0.9",  # too few columns
        "xx\t공항\ten\tairport\t0.9\t3\t0.9\tntrex128",  # an unknown language
        "en\tfoo\ten\tbar\t0.9\t3\t0.9\tntrex128",  # the same language twice
        "ko\t공항\ten\tair port\t0.9\t3\t0.9\tntrex128",  # not one index term
        "ko\t공항\ten\tairport\tnan\t3\t0.9\tntrex128",  # no score
        "ko\t공항\ten\tairport\thigh\t3\t0.9\tntrex128",
    ]
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    assert read_mined(path) == {"암": ("cancer",), "cancer": ("암",)}


def test_a_missing_or_empty_lexicon_is_no_lexicon(tmp_path):
    assert read_mined(tmp_path / "absent.tsv") == {}
    (tmp_path / "empty.tsv").write_text("", encoding="utf-8")
    assert read_mined(tmp_path / "empty.tsv") == {}
    assert MINED_PATH.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("memory_from", [0, 10**9])
def test_a_program_in_another_language_is_found_through_a_mined_pair(
    organization, settings, memory_from
):
    settings.SEARCH_MEMORY_INDEX_FROM = memory_from  # postings in memory, then the database
    settings.SEARCH_MINED_TERMS = True
    cancer = make_program(
        organization, title={"zh-hans": "癌症早期筛查创业项目"}, original_language="zh-hans"
    )
    make_program(organization, title={"en": "Drone flight test site"})
    assert ranked_program_ids("cancer", channels=("lexical",)) == [cancer.pk]
    settings.SEARCH_MINED_TERMS = False
    assert ranked_program_ids("cancer", channels=("lexical",)) == []
