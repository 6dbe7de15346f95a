"""What the demo's people write: application questions and answers, review criteria and
comments, mentor profiles and session notes (ko, zh-hans, en; Chinese with full-width
punctuation)."""

from . import T

QUESTIONS = [
    ("short_text", T("한 줄 소개", "一句话介绍", "Your product in one line"), True, {}),
    (
        "long_text",
        T(
            "이 프로그램에서 이루고 싶은 것",
            "希望通过本项目实现的目标",
            "What you want to achieve in this program",
        ),
        True,
        {},
    ),
    (
        "choice",
        T("제품 단계", "产品阶段", "Product stage"),
        True,
        {
            "choices": [
                {"label": T("시제품", "原型", "Prototype")},
                {"label": T("시범 운영", "试点运行", "Pilot with customers")},
                {"label": T("판매 중", "已上市销售", "On sale")},
            ]
        },
    ),
    ("number", T("정규직 인원", "全职人数", "Full-time staff"), True, {}),
    ("url", T("데모 영상", "演示视频", "Demo video"), False, {}),
]

GOALS = [
    T(
        "베이징 현지 제조 파트너 두 곳과 시범 사업을 시작하고, 중국 인증 절차를 준비하려고 합니다.",
        "我们希望与两家北京本地制造企业开展试点，并为中国认证做好准备。",
        "We want to start pilots with two manufacturing partners in Beijing and prepare for "
        "Chinese certification.",
    ),
    T(
        "실제 현장 데이터로 제품을 검증하고 첫 해외 고객을 확보하는 것이 목표입니다.",
        "目标是用真实场景数据验证产品，并获得第一家海外客户。",
        "Our goal is to validate the product on real site data and win our first overseas "
        "customer.",
    ),
    T(
        "투자 유치 전에 사업 모델을 다듬고 현지 네트워크를 만들고 싶습니다.",
        "希望在融资前打磨商业模式，并建立本地人脉。",
        "We want to sharpen the business model and build a local network before fundraising.",
    ),
]

CRITERIA = [
    (T("팀 역량", "团队能力", "Team"), 2),
    (T("기술 경쟁력", "技术竞争力", "Technology"), 2),
    (T("시장성", "市场潜力", "Market potential"), 1),
]

REVIEW_COMMENTS = [
    T(
        "기술은 탄탄하지만 현지 판매 계획을 더 구체적으로 보여 주세요.",
        "技术扎实，但请更具体地说明本地销售计划。",
        "Strong technology; show a more concrete plan for local sales.",
    ),
    T(
        "팀 구성이 좋고 시범 고객이 이미 있어 설득력이 있습니다.",
        "团队配置合理，已有试点客户，很有说服力。",
        "A good team with pilot customers already: convincing.",
    ),
]

MENTOR_PROFILES = {
    # e-mail local part: (headline, biography, expertise, languages, stages, hours, startups)
    "mentor": (
        T(
            "중국 제조·유통 진출 자문, 전 하드웨어 스타트업 COO",
            "中国制造与渠道拓展顾问，前硬件创业公司首席运营官",
            "Advisor on manufacturing and distribution in China; former hardware startup COO",
        ),
        T(
            "베이징에서 12년간 하드웨어 공급망을 운영했습니다.",
            "在北京运营硬件供应链十二年。",
            "Ran hardware supply chains in Beijing for twelve years.",
        ),
        ["robotics", "manufacturing"],
        ["zh-hans", "en"],
        ["seed", "series_a"],
        10,
        3,
    ),
    "sungmin.lee": (
        T(
            "한중 합작 법인 설립과 투자 유치 전문가",
            "中韩合资公司设立与融资专家",
            "Korea-China joint ventures and fundraising",
        ),
        T("", "", ""),
        ["ai", "software"],
        ["ko", "zh-hans"],
        ["pre_seed", "seed", "series_a"],
        8,
        2,
    ),
    "yu.zhang": (
        T(
            "중국 B2B 영업과 대기업 구매 담당자 연결",
            "中国B2B销售与大企业采购对接",
            "B2B sales in China and introductions to corporate buyers",
        ),
        T("", "", ""),
        ["commerce", "mobility", "robotics"],
        ["zh-hans"],
        ["seed", "series_a", "series_b_plus"],
        6,
        2,
    ),
    "grace.kim": (
        T(
            "글로벌 제품 전략과 가격 책정",
            "全球产品战略与定价",
            "Global product strategy and pricing",
        ),
        T("", "", ""),
        ["ai", "software", "bio"],
        ["en", "ko"],
        ["idea", "pre_seed", "seed"],
        6,
        2,
    ),
}

SESSION_NOTES = T(
    "인증 일정표를 함께 검토했고, 다음 회의 전까지 시험 기관 두 곳에 견적을 요청하기로 했습니다.",
    "一起检查了认证时间表；下次会议前，团队将向两家检测机构询价。",
    "We went through the certification timeline; before the next meeting the team asks two "
    "test labs for quotes.",
)
SESSION_FEEDBACK = T(
    "현지 규정을 구체적으로 알려 주셔서 큰 도움이 됐습니다.",
    "对本地法规讲解得很具体，非常有帮助。",
    "Very concrete on local rules: a great help.",
)
