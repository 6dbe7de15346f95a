import numpy as np
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from startup_street.search.models import SearchEntry
from startup_street.search.selectors import ranked_program_ids
from startup_street.text.analysers import fts_query_terms, tokenize
from tests.factories import make_program


def test_korean_morphemes_drop_particles():
    terms = tokenize("로봇 실증 테스트베드 지원사업에 참여할 창업기업을 모집합니다")
    assert {"로봇", "실증", "창업", "모집"} <= set(terms)
    assert "에" not in terms and "을" not in terms


def test_chinese_words_and_bigrams():
    terms = tokenize("中关村机器人示范应用场景征集")
    assert {"机器人", "示范", "中关村"} <= set(terms)


def test_english_stemmed_without_stopwords():
    assert tokenize("The Robots are testing") == ["robot", "test"]


def test_mixed_text_goes_to_each_analyser():
    terms = tokenize("AI 로봇 robot 机器人")
    assert {"ai", "로봇", "robot", "机器人"} <= set(terms)


@pytest.mark.parametrize(
    "query",
    ["", "   ", "\x00\x1f\x7f", '"foo" OR bar* NEAR(x y) -- ; DROP TABLE t', "x" * 5000, "ŝ̷̝̀"],
)
def test_hostile_queries_give_safe_terms(query):
    terms = fts_query_terms(query)
    assert len(terms) <= 32
    assert all(term.isalnum() or "_" in term for term in terms)


pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(organization):
    return {
        "ko": make_program(
            organization,
            title={"ko": "로봇 실증 테스트베드 지원"},
            original_language="ko",
            kind="testbed",
        ),
        "zh": make_program(
            organization,
            title={"zh-hans": "中关村机器人示范应用征集"},
            original_language="zh-hans",
            kind="testbed",
        ),
        "en": make_program(
            organization, title={"en": "Fashion brand pop-up store"}, kind="sales_overseas"
        ),
    }


def test_index_follows_saves_and_deletes(catalogue):
    program = catalogue["en"]
    assert SearchEntry.objects.filter(object_id=program.pk).exists()
    program.title = {"en": "Drone inspection challenge"}
    program.save()
    assert ranked_program_ids("drone") == [program.pk]
    program.delete()
    assert ranked_program_ids("drone") == []


def test_each_language_finds_its_program(catalogue):
    # The Chinese robot testbed answers the same need, in another language: both come first.
    found = ranked_program_ids("로봇 테스트베드")
    assert set(found[:2]) == {catalogue["ko"].pk, catalogue["zh"].pk}
    assert ranked_program_ids("机器人")[0] == catalogue["zh"].pk
    assert ranked_program_ids("fashion")[0] == catalogue["en"].pk


def test_concept_crosses_languages(catalogue):
    # "testbed" in English reaches both the Korean and the Chinese testbed programs.
    found = set(ranked_program_ids("testbed"))
    assert {catalogue["ko"].pk, catalogue["zh"].pk} <= found
    assert catalogue["en"].pk not in found


def test_a_program_naming_a_concept_in_one_language_is_found_in_the_two_others(organization):
    fintech = make_program(
        organization,
        title={"zh-hans": "金融创新实验室入驻企业招募"},
        original_language="zh-hans",
        kind="space",
    )
    other = make_program(organization, title={"en": "Drone inspection challenge"}, kind="events")
    for query in ("금융 스타트업 입주", "finance startup residency", "金融 初创 入驻"):
        found = ranked_program_ids(query)
        assert found[0] == fintech.pk, query
        assert other.pk not in found[:1]


def test_program_list_uses_search_and_keeps_filters(client, catalogue):
    body = client.get(reverse("programs:list"), {"q": "机器人"}).content.decode()
    assert "中关村机器人示范应用征集" in body and "Fashion brand" not in body
    body = client.get(reverse("programs:list"), {"q": "testbed", "kind": "sales_overseas"})
    assert "로봇 실증" not in body.content.decode()


def test_api_search(client, catalogue):
    items = client.get("/api/v1/programs", {"q": "fashion"}).json()["items"]
    assert [item["slug"] for item in items] == [catalogue["en"].slug]
    assert client.get("/api/v1/programs", {"q": '"; DROP TABLE x --'}).status_code == 200


def test_drafts_never_found_by_outsiders(client, organization):
    make_program(organization, title={"en": "Secret drone plan"}, is_published=False)
    assert (
        "Secret drone plan"
        not in client.get(reverse("programs:list"), {"q": "drone"}).content.decode()
    )


def test_search_command_json(catalogue, capsys):
    call_command("search", "fashion", "--json")
    assert catalogue["en"].slug in capsys.readouterr().out


def test_reindex_command_rebuilds(catalogue, capsys):
    SearchEntry.objects.all().delete()
    call_command("reindex")
    assert ranked_program_ids("fashion") == [catalogue["en"].pk]


def test_semantic_channel_crosses_languages(organization, django_capture_on_commit_callbacks):
    from startup_street.search.selectors import _semantic

    with django_capture_on_commit_callbacks(execute=True):  # the embedding job runs on commit
        wanted = make_program(
            organization,
            title={"zh-hans": "北京软着陆计划：帮助韩国创业企业进入中国市场"},
            original_language="zh-hans",
        )
        make_program(
            organization, title={"zh-hans": "生物医药临床试验资金支持"}, original_language="zh-hans"
        )
    ranking = _semantic("한국 스타트업의 중국 시장 진출 지원", 10)
    assert ranking and ranking[0][0] == wanted.pk


def test_semantic_channel_ignores_nonsense(catalogue):
    from startup_street.search.selectors import _semantic

    assert _semantic("zzzz qqqq xxxx", 10) == []


def test_embedding_waits_for_commit_then_follows_text(
    organization, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        program = make_program(organization, title={"en": "Drone flight test site"})
    entry = SearchEntry.objects.get(object_id=program.pk)
    assert entry.embedding is None and callbacks  # terms now, embedding after commit
    for callback in callbacks:
        callback()
    entry.refresh_from_db()
    first = bytes(entry.embedding)
    assert entry.embedded_digest

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        program.website = "https://drones.example.org"  # not embedded text: no new job
        program.save()
    assert callbacks == []

    with django_capture_on_commit_callbacks(execute=True):
        program.title = {"en": "Bio laboratory equipment rental"}
        program.save()
    entry.refresh_from_db()
    assert bytes(entry.embedding) != first


def test_semantic_cache_follows_deletes_and_edits(organization, django_capture_on_commit_callbacks):
    from startup_street.search.selectors import _semantic

    with django_capture_on_commit_callbacks(execute=True):
        drone = make_program(organization, title={"en": "Drone flight test site for startups"})
        make_program(organization, title={"en": "Seed investment for food startups"})
    assert _semantic("drone flight testing", 5)[0][0] == drone.pk
    with django_capture_on_commit_callbacks(execute=True):
        drone.title = {"en": "Fashion pop-up store in Gangnam"}
        drone.save()
    ranking = dict(_semantic("fashion pop-up retail store", 5))
    assert drone.pk in ranking
    drone.delete()
    assert drone.pk not in dict(_semantic("fashion pop-up retail store", 5))


def test_vocabulary_keeps_one_id_per_term_and_a_reindex_prunes_it(organization):
    from startup_street.programs import indexing
    from startup_street.search.models import SearchTerm

    def term_id(term):
        return SearchTerm.objects.filter(kind="program", term=term).values_list("pk", flat=True)

    first = make_program(organization, title={"en": "Drone flight test site"})
    make_program(organization, title={"en": "Drone insurance grant"})
    assert len(term_id("drone")) == 1
    before = list(term_id("drone"))
    first.title = {"en": "Bakery pop-up store"}
    first.save()
    assert list(term_id("drone")) == before and len(term_id("bakeri")) == 1
    first.delete()
    assert list(term_id("bakeri"))  # kept until a full reindex prunes what nothing holds
    indexing.reindex()
    assert not term_id("bakeri") and list(term_id("drone")) == before


@pytest.fixture
def in_memory(settings):
    settings.SEARCH_MEMORY_INDEX_FROM = 0  # rank from the postings held in memory


@pytest.mark.parametrize(
    "query,expected", [("로봇 테스트베드", "ko"), ("机器人", "zh"), ("fashion", "en")]
)
def test_memory_ranking_agrees_with_the_database(catalogue, settings, query, expected):
    settings.SEARCH_MEMORY_INDEX_FROM = 10**9
    from_database = ranked_program_ids(query, channels=("lexical",))
    settings.SEARCH_MEMORY_INDEX_FROM = 0
    from_memory = ranked_program_ids(query, channels=("lexical",))
    assert from_memory[0] == from_database[0] == catalogue[expected].pk
    assert set(from_memory) == set(from_database)


def test_memory_view_follows_saves_edits_and_deletes(organization, in_memory):
    drone = make_program(organization, title={"en": "Drone flight test site"})
    assert ranked_program_ids("drone", channels=("lexical",)) == [drone.pk]
    other = make_program(organization, title={"en": "Drone insurance grant"})
    assert set(ranked_program_ids("drone", channels=("lexical",))) == {drone.pk, other.pk}
    drone.title = {"en": "Bakery pop-up store"}
    drone.save()
    assert ranked_program_ids("drone", channels=("lexical",)) == [other.pk]
    assert ranked_program_ids("bakery", channels=("lexical",)) == [drone.pk]
    other.delete()
    assert ranked_program_ids("drone", channels=("lexical",)) == []


def test_memory_path_reads_misspellings_and_hostile_queries(catalogue, in_memory):
    assert ranked_program_ids("fashoin", channels=("lexical",)) == [catalogue["en"].pk]
    for query in ['"x" OR y* NEAR(a b) -- ;', "\x00\x1f", "로봇 " * 800, ""]:
        assert isinstance(ranked_program_ids(query), list)


def test_query_hints_read_kind_sector_and_place_in_any_language():
    from startup_street.search.hints import hints_for, places_of
    from startup_street.search.memory import Facets, FacetTable
    from startup_street.text.query import parse_query

    hints = hints_for(parse_query("베이징 인공지능 스타트업 입주 공간"))
    assert hints.kinds == {"space"} and hints.sectors == {"ai"}
    assert "beijing" in hints.places

    def met(hints, city, country) -> int:  # one program's place, compared as ranking does
        fields = {"city": city, "country": country, "places": places_of(city)}
        table = FacetTable.of({1: Facets.of(fields)})
        return int(hints.place_met(table, np.array([0]))[0])

    # a city written in any language meets the place named in any other
    assert met(hints, "北京", "CN") == met(hints, "Beijing", "CN") == 1
    assert met(hints, "Seoul", "KR") == 0
    assert hints_for(parse_query("首尔 投资")).kinds == {"funding"}
    assert met(hints_for(parse_query("서울 사무실")), "서울특별시", "KR") == 1
    assert not hints_for(parse_query("hello there"))


def test_query_embedding_names_its_topics_in_the_two_other_languages():
    from startup_street.text.query import parse_query

    text = parse_query("베이징 로봇 실증").semantic_text
    assert text.startswith("베이징 로봇 실증 (")
    assert "机器人" in text and "robot" in text and "testbed" in text
    assert text.count("로봇") == 1  # not again in the query's own language
    assert "北京" not in text and "beijing" not in text.lower()  # a place is a feature apart
    assert parse_query("首尔 hello").semantic_text == "首尔 hello"
    market = parse_query("중국 진출").semantic_text  # a market is what a program is about
    assert "中国" in market and "china" in market.lower()


def test_a_market_or_a_nationality_is_no_place():
    from startup_street.search.hints import hints_for
    from startup_street.text.query import parse_query

    market = parse_query("entering the Chinese market")
    assert market.markets == {"china"} and not market.places
    assert not hints_for(market).countries
    who = parse_query("Silicon Valley program for Korean founders")
    assert who.nationalities == {"korea"} and who.places == {"silicon_valley"}
    both = parse_query("중국 시장 진출 한국 스타트업")
    assert both.markets == {"china"} and both.nationalities == {"korea"} and not both.places
    assert parse_query("进入中国市场").markets == {"china"}
    assert parse_query("서울 입주 공간").places == {"seoul"}
    going = parse_query("中国团队想去韩国发展")
    assert going.markets == {"korea"} and going.nationalities == {"china"}
    assert parse_query("launch in Korea").markets == {"korea"}
    assert "marketing" not in market.concepts  # "market" shares marketing's stem
    assert "市场推广" not in market.expansions and "中国" in market.expansions
    assert "marketing" in parse_query("marketing help entering the Chinese market").concepts


def test_a_market_is_met_by_its_region_its_cities_and_a_kind_that_goes_abroad(organization):
    from startup_street.core.models import Sector
    from startup_street.search.hints import market_concepts
    from startup_street.search.selectors import FEATURES, candidate_features

    assert market_concepts("singapore")[:2] == ("singapore", "southeast_asia")
    assert {"beijing", "shanghai"} <= set(market_concepts("china"))
    region = make_program(
        organization, title={"ko": "동남아 시장 진출 지원 프로그램"}, kind="sales_overseas"
    )
    based = make_program(
        organization, title={"en": "Singapore accelerator programme"}, kind="mentoring"
    )
    landing = make_program(
        organization, title={"en": "Beijing soft landing programme"}, kind="soft_landing"
    )
    landing.sectors.set(Sector.objects.filter(code="robotics"))
    landing.save()

    def row(query: str, program) -> dict[str, float]:
        ids, matrix = candidate_features(query)
        return dict(zip(FEATURES, matrix[ids.index(program.pk)], strict=True))

    assert row("싱가포르 진출 프로그램", region)["market"] == 1  # 동남아 names Singapore's region
    assert row("싱가포르 진출 프로그램", region)["market_kind"] == 1
    assert row("싱가포르 진출 프로그램", based)["market"] == 1
    assert row("싱가포르 진출 프로그램", based)["market_kind"] == 0  # not a way abroad
    assert row("entering the Chinese market programme", landing)["market"] == 1  # Beijing
    assert row("entering the Chinese market programme", landing)["market_kind"] == 1
    assert row("Singapore programme", based)["market_kind"] == 0  # a place, not a market
    # a query naming no sector prefers a program open to every sector, one naming it does not
    assert row("programme 프로그램", region)["open_to_all"] == 1
    assert row("programme 프로그램", landing)["open_to_all"] == 0
    assert row("robot programme 프로그램", region)["open_to_all"] == 0


def test_hints_move_the_program_whose_fields_match_up(organization):
    from startup_street.search.selectors import ranked_program_ids

    seoul = make_program(
        organization, title={"en": "Robot startup office space program"}, kind="space"
    )
    seoul.city = "Seoul"
    seoul.save()
    beijing = make_program(
        organization, title={"en": "Robot startup office space program"}, kind="space"
    )
    beijing.city = "Beijing"
    beijing.save()
    assert ranked_program_ids("robot office space in Beijing")[0] == beijing.pk
    assert ranked_program_ids("로봇 서울 입주 공간")[0] == seoul.pk


def test_search_page_marks_matches_and_says_how_it_read_a_typo(client, organization):
    program = make_program(organization, title={"en": "Accelerator for robotics startups"})
    program.summary = {"en": "Twelve weeks of acceleration for <robotics> teams."}
    program.save()
    response = client.get(reverse("programs:list"), {"q": "robtics acelerator"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>robotics</mark>" in html and "you typed “acelerator”" in html
    assert "&lt;<mark>robotics</mark>&gt;" in html  # program text stays escaped


def _stored_counts():
    """How many program entries hold each term, counted from the stored entries."""
    from collections import Counter

    counts = Counter()
    for terms in SearchEntry.objects.filter(kind="program").values_list("terms", flat=True):
        counts.update(set(terms.split()))
    return dict(counts)


def test_memory_view_counts_terms_as_the_database_does(organization):
    from startup_street.search import memory
    from startup_street.search.services import embedder

    drone = make_program(organization, title={"en": "Drone flight test site"})
    assert memory.view(embedder().name).statistics(["drone", "flight"]).keys() == {
        "drone",
        "flight",
    }
    other = make_program(organization, title={"en": "Drone insurance grant 드론"})
    drone.title = {"en": "Bakery pop-up store"}
    drone.save()
    current = memory.view(embedder().name)  # read incrementally: edits, a new entry
    stored = _stored_counts()
    assert {t: n for t, (_i, n) in current.statistics(stored).items()} == stored
    assert current.statistics(["드론"])["드론"][1] == 1 and "flight" not in current.statistics(
        ["flight"]
    )
    other.delete()
    current = memory.view(embedder().name)
    assert "드론" not in current.statistics(["드론", "drone"])
    assert {t: n for t, (_i, n) in current.statistics(stored).items()} == _stored_counts()


def test_memory_view_holds_the_fields_hints_read(organization):
    from startup_street.core.models import Sector
    from startup_street.search import memory
    from startup_street.search.services import embedder

    program = make_program(organization, title={"en": "Robot office"}, kind="space")
    program.city = "Seoul"
    program.save()
    facets = memory.view(embedder().name).facets[program.pk]
    assert (facets.kind, facets.city, facets.sectors) == ("space", "Seoul", frozenset())
    assert facets.languages == {"en"}
    program.city = "Beijing"
    program.kind = "testbed"
    program.title = {"en": "Robot office", "ko": "로봇 사무실"}
    program.save()
    program.sectors.add(Sector.objects.get(code="robotics"))
    facets = memory.view(embedder().name).facets[program.pk]
    assert (facets.kind, facets.city, facets.sectors) == ("testbed", "Beijing", {"robotics"})
    assert facets.languages == {"en", "ko"}


def test_a_topic_named_in_the_program_text_counts_in_any_language(organization):
    """A query naming a topic (here payments, in Korean) moves up the program whose own text
    names it (in Chinese), over one of the same kind and sector that does not."""
    from startup_street.core.models import Sector

    fintech = Sector.objects.get(code="fintech")
    payments = make_program(
        organization, title={"zh-hans": "跨境支付 初创企业 加速营"}, kind="mentoring"
    )
    lending = make_program(
        organization, title={"zh-hans": "金融科技 贷款 加速营"}, kind="mentoring"
    )
    for program in (payments, lending):
        program.sectors.add(fintech)
    assert ranked_program_ids("간편결제 스타트업 멘토링")[0] == payments.pk


@pytest.mark.django_db(transaction=True)
def test_a_starting_process_reads_the_index_in_the_background(organization, settings):
    from startup_street.search import memory
    from startup_street.search.services import embedder

    program = make_program(organization, title={"en": "Drone flight test site"})
    settings.SEARCH_WARM_AT_START = False
    assert memory.warm_in_background() is None
    settings.SEARCH_WARM_AT_START = True
    memory.warm_in_background().join(timeout=120)
    held = memory._views[("program", embedder().name)]
    assert program.pk in held.facets and held.stamp == memory.generation()


def test_deleting_a_program_does_not_reindex_it_for_each_of_its_calls(organization, monkeypatch):
    from startup_street.programs import indexing
    from tests.factories import make_call

    program = make_program(organization, title={"en": "Drone flight test site"})
    first = make_call(program, title={"en": "Spring intake for glider teams"})
    make_call(program, title={"en": "Autumn intake"})
    assert ranked_program_ids("glider", channels=("lexical",)) == [program.pk]
    first.delete()  # a call deleted on its own: the program's entry drops its title
    assert ranked_program_ids("glider", channels=("lexical",)) == []
    analysed = []
    monkeypatch.setattr(indexing, "program_text", lambda p: analysed.append(p.pk) or "")
    program.delete()
    assert analysed == []  # its calls went with it, with no re-indexing on the way
    assert not SearchEntry.objects.filter(kind="program", object_id=program.pk).exists()
    assert _stored_counts() == {}


def test_search_page_shows_what_the_words_were_understood_as_and_drops_each(client, organization):
    import re
    from urllib.parse import parse_qs

    make_program(organization, title={"en": "China market entry for robotics startups"})
    response = client.get(
        reverse("programs:list"),
        {"q": "robotics entering the Chinese market founded three years ago", "kind": ""},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Understood as:" in html
    assert "Market: China" in html and "Founded up to 3 years ago" in html
    assert "Topic: robot" in html
    links = {
        label.strip(): parse_qs(query.replace("&amp;", "&"))["q"][0]
        for label, query in re.findall(r'<span class="tag">([^<]+) <a href="\?([^"]+)"', html)
    }
    assert links["Founded up to 3 years ago"] == "robotics entering the Chinese market"
    assert "Chinese" not in links["Market: China"] and "robotics" in links["Market: China"]
    with translation.override("ko"):
        html = client.get(
            reverse("programs:list"), {"q": "로봇 중국 진출"}, HTTP_ACCEPT_LANGUAGE="ko"
        ).content.decode()
    assert "진출 시장: 중국" in html and "이렇게 이해했습니다" in html


def test_query_eligibility_in_three_languages():
    from startup_street.text.query import parse_query

    assert parse_query("founded three years ago").eligibility.years == 3
    assert parse_query("창업 3년 이내 기업").eligibility.years == 3
    assert parse_query("成立5年以内的企业").eligibility.years == 5
    assert parse_query("예비창업자 교육").eligibility.pre_founder
    assert parse_query("pre-founder bootcamp").eligibility.pre_founder
    assert parse_query("种子轮 融资").eligibility.stage == "seed"
    assert parse_query("10人以下团队").eligibility.team == 10
    assert parse_query("pre-revenue startups").eligibility.revenue == "none"
    assert not parse_query("robot testbed").eligibility


@pytest.mark.parametrize(
    "query",
    ["准创业者 种子轮 加速器", "예비창업자 시드 액셀러레이터", "pre-founder seed accelerator"],
)
def test_words_read_as_eligibility_are_shown_once_not_also_as_a_topic(query):
    from startup_street.text.query import parse_query

    understood = parse_query(query).understood
    assert [u.kind for u in understood] == ["pre_founder", "stage", "concept"]
    assert understood[2].value == "accelerator"  # other words still show their topic


def test_stated_eligibility_moves_up_the_programs_that_take_it(organization):
    from tests.factories import make_call

    young = make_program(organization, title={"en": "Robot grant for young companies"})
    make_call(young, eligibility={"max_years_since_founding": 3})
    old = make_program(organization, title={"en": "Robot grant for young companies"})
    make_call(old, eligibility={"max_years_since_founding": 1})
    assert ranked_program_ids("robot grant founded two years ago")[0] == young.pk
    assert ranked_program_ids("robot grant")  # nothing stated: both found


def test_spelling_is_corrected_only_for_words_that_are_not_words(organization):
    from startup_street.search.selectors import rank_programs

    make_program(organization, title={"en": "Accelerator for robotics startups"})
    assert rank_programs("acelerator").corrections == {"acelerator": "accelerator"}
    # "bakery" is a word the catalogue lacks: it is not read as another word
    assert rank_programs("bakery").corrections == {}


def test_prefixed_words_keep_their_meaning():
    assert "refound" in tokenize("re-founder program")
    assert "kstartup" in tokenize("K-Startup Silicon Valley")
    assert "fullwidth" not in tokenize("full-width")
