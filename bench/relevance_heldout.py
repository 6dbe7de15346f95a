"""A second, held-out query set for the relevance benchmark.

The main set (bench/data/relevance/queries.json, 182 queries) is the one the search's fusion
weights, hints and term dictionary were tuned on. These 60 queries (20 ko / 20 zh / 20 en) were
written afterwards, in one sitting, before any of them was run, and nothing was changed to suit
them; they are graded by the same rule (``relevance_data.grade``) against the same corpus.
Unlike the main set, no program was added to the corpus for them, so a few have fewer than three
programs at grade 3.

    python bench/bench_relevance.py --queries heldout
"""

from __future__ import annotations

from relevance_data import grade

HELD_OUT = [
    # (language, text, topics, supports, regions)
    ("ko", "고령자 돌봄 로봇 실증 사업", ["silver_care", "service_robot"], ["testbed"], []),
    ("ko", "핀테크 결제 스타트업 투자 유치", ["payments"], ["investment"], []),
    ("ko", "부산에서 사무실 제공하는 창업 보육센터", [], ["space"], ["busan"]),
    ("ko", "중국 진출을 돕는 액셀러레이터", [], ["market_cn"], []),
    ("ko", "게임 개발사 해외 판로", ["games"], ["market_us", "market_sea", "market_cn"], []),
    ("ko", "AI 반도체 설계 기업 연구개발 과제", ["ai_chip", "fabless"], ["rnd"], []),
    ("ko", "화장품 브랜드 동남아 수출", ["beauty"], ["market_sea"], []),
    ("ko", "수소 연료전지 기술 실증", ["renewable"], ["testbed"], []),
    ("ko", "스마트팜 창업 교육 프로그램", ["smart_farm"], ["education"], []),
    ("ko", "블록체인 기업 멘토링", ["blockchain"], ["mentoring"], []),
    ("ko", "대전 연구개발 지원사업", [], ["rnd"], ["daejeon"]),
    ("ko", "의료기기 인허가 시제품 제작 지원", ["medical_device"], ["prototype"], []),
    ("ko", "전기차 배터리 스타트업 대기업 협업", ["ev_battery"], ["open_innovation"], []),
    ("ko", "생성형 AI 해커톤", ["gen_ai"], ["events"], []),
    ("ko", "사이버보안 기업 채용 지원", ["cybersecurity"], ["talent"], []),
    ("ko", "판교 소프트웨어 스타트업 입주 공간", ["saas"], ["space"], ["pangyo"]),
    ("ko", "웹툰 작가 창업 지원금", ["webtoon"], ["grant"], []),
    ("ko", "미국 실리콘밸리 진출 프로그램", [], ["market_us"], []),
    ("ko", "탄소중립 기술 스타트업 융자", ["carbon_neutral"], ["loan"], []),
    ("ko", "가상현실 콘텐츠 제작 스타트업 지원", ["xr"], [], []),
    ("zh", "深圳 硬件创业 样机制作", [], ["prototype"], ["shenzhen"]),
    ("zh", "医疗器械 初创企业 融资", ["medical_device"], ["investment"], []),
    ("zh", "上海 人工智能 孵化器", ["gen_ai", "vision_ai"], ["space"], ["shanghai"]),
    ("zh", "去新加坡拓展业务", [], ["market_sea"], []),
    ("zh", "电动汽车电池 研发项目", ["ev_battery"], ["rnd"], []),
    ("zh", "无人机 测试场地", ["drone_uam"], ["testbed"], []),
    ("zh", "教育科技公司 导师辅导", ["edtech"], ["mentoring"], []),
    ("zh", "区块链 创业大赛", ["blockchain"], ["events"], []),
    ("zh", "杭州 电商 创业补贴", ["ecommerce"], ["grant"], ["hangzhou"]),
    ("zh", "网络游戏公司 出海 美国", ["games"], ["market_us"], []),
    ("zh", "新材料企业 贷款", ["materials"], ["loan"], []),
    ("zh", "韩国 美妆 品牌 进入中国市场", ["beauty"], ["market_cn"], []),
    ("zh", "智慧农业 技术 试点", ["smart_farm"], ["testbed"], []),
    ("zh", "数字医疗 人才招聘", ["digital_health"], ["talent"], []),
    ("zh", "苏州 生物医药 研发", ["biopharma"], ["rnd"], ["suzhou"]),
    ("zh", "自动驾驶 大企业 开放创新", ["autonomous"], ["open_innovation"], []),
    ("zh", "工业机器人 样机 补贴", ["industrial_robot"], ["prototype", "grant"], []),
    ("zh", "北京 创业 培训营", [], ["education"], ["beijing"]),
    ("zh", "芯片设计 初创 投资", ["fabless", "ai_chip"], ["investment"], []),
    ("zh", "SaaS 企业服务 加速器", ["saas"], ["mentoring"], []),
    ("en", "grants for battery startups", ["ev_battery"], ["grant"], []),
    (
        "en",
        "incubator office in Shanghai for AI teams",
        ["gen_ai", "vision_ai"],
        ["space"],
        ["shanghai"],
    ),
    ("en", "help entering the Korean market for foreign founders", [], ["market_kr"], []),
    ("en", "medtech prototype funding", ["medical_device"], ["prototype", "grant"], []),
    (
        "en",
        "fintech accelerator Singapore",
        ["payments", "wealthtech", "blockchain"],
        ["mentoring"],
        ["singapore"],
    ),
    ("en", "recycling startup pilot program", ["circular"], ["testbed"], []),
    ("en", "drone delivery test site in Korea", ["drone_uam"], ["testbed"], ["KR"]),
    ("en", "hiring support for deep tech startups", [], ["talent"], []),
    (
        "en",
        "venture loans for manufacturing companies",
        ["smart_factory", "materials"],
        ["loan"],
        [],
    ),
    ("en", "bootcamp for edtech founders", ["edtech"], ["education"], []),
    ("en", "K-beauty brands going to Southeast Asia", ["beauty"], ["market_sea"], []),
    ("en", "cybersecurity startup R&D grant", ["cybersecurity"], ["rnd", "grant"], []),
    ("en", "hackathon for game developers", ["games"], ["events"], []),
    ("en", "solar and wind energy startup investment", ["renewable"], ["investment"], []),
    ("en", "AR VR startup mentoring", ["xr"], ["mentoring"], []),
    ("en", "expand to China with our e-commerce platform", ["ecommerce"], ["market_cn"], []),
    ("en", "biotech lab space Korea", ["biopharma"], ["space"], ["KR"]),
    ("en", "proptech corporate partnership", ["proptech"], ["open_innovation"], []),
    ("en", "smart city solutions demo day", ["smart_city"], ["investment", "events"], []),
    ("en", "Beijing startup competition", [], ["events"], ["beijing"]),
]


def heldout_queries(corpus: dict) -> list[dict]:
    """The held-out queries in the main set's form, graded against ``corpus``."""
    programs = corpus["programs"]
    out = []
    for k, (lang, text, topics, supports, regions) in enumerate(HELD_OUT):
        intent = {"lang": lang, "text": text, "topics": topics, "supports": supports}
        intent["regions"] = regions
        judged = {p["id"]: g for p in programs if (g := grade(intent, p["truth"]))}
        top = [p for p in programs if judged.get(p["id"]) == 3]
        share = sum(lang in p["truth"]["languages"] for p in top) / len(top) if top else 1.0
        out.append(
            {
                "id": f"h{k:03d}",
                **intent,
                "crosslingual": share < 0.5,
                "top_in_query_language": round(share, 3),
                "judgements": judged,
            }
        )
    return out
