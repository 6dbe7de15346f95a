"""Program and call texts, K-Startup style in Korean, 中关村 style in Chinese, plain English.

Slots: {year}, {org}, {sector}, {city}, {place}, {cohort}, {round}; support sentences also take
{amount}, {months}, {hours}. Templates without {sector} serve programs open to every sector.
"""

from . import T

TITLES = {
    "commercialisation": [
        T(
            "{year}년 {sector} 분야 초기창업패키지 참여기업 모집",
            "{year}年{sector}领域初创企业培育计划招募",
            "{year} early-stage startup package: {sector}",
        ),
        T(
            "{year}년 {org} 사업화 지원사업 모집 공고",
            "{year}年{org}成果转化支持项目申报通知",
            "{org} commercialisation support {year}",
        ),
        T(
            "{sector} 시제품 제작 지원 프로그램 제{cohort}기",
            "{sector}样机开发支持计划第{cohort}期",
            "{sector} prototype grant, cohort {cohort}",
        ),
    ],
    "space": [
        T(
            "{org} 입주기업 모집 ({year}년 {round}차)",
            "{org}{year}年第{round}批入驻企业招募",
            "{org} resident startups, {year} intake {round}",
        ),
        T(
            "{city} 창업공간 무상 입주 지원 ({sector} 우대)",
            "{city}创业空间免费入驻支持（{sector}优先）",
            "Free startup space in {city} ({sector} preferred)",
        ),
    ],
    "mentoring": [
        T(
            "{year}년 {sector} 스타트업 전문가 멘토링 참가자 모집",
            "{year}年{sector}初创企业专家导师辅导计划报名",
            "{year} expert mentoring for {sector} startups",
        ),
        T(
            "예비창업자 창업교육 부트캠프 제{cohort}기",
            "{org}创业训练营第{cohort}期",
            "Founder bootcamp, cohort {cohort}",
        ),
        T(
            "{org} 투자유치 IR 컨설팅 ({year}년)",
            "{org}融资路演辅导（{year}年）",
            "{org} investor-readiness coaching {year}",
        ),
    ],
    "events": [
        T(
            "{year} {city} 스타트업 데모데이 참가기업 모집",
            "{year}{city}创业企业路演日参展企业招募",
            "{city} Startup Demo Day {year}: call for startups",
        ),
        T(
            "한중 스타트업 네트워킹 데이 ({sector})",
            "中韩创业企业交流日（{sector}）",
            "Korea-China startup networking day ({sector})",
        ),
        T(
            "{year} {org} 오픈이노베이션 밋업",
            "{year}{org}开放创新对接会",
            "{org} open-innovation meetup {year}",
        ),
    ],
    "sales_overseas": [
        T(
            "{year}년 {sector} 기업 중국 진출 해외마케팅 지원사업",
            "{year}年{sector}企业海外市场拓展支持计划",
            "{year} overseas marketing support for {sector} startups",
        ),
        T(
            "글로벌 전시회 공동관 참가기업 모집 ({sector})",
            "国际展会联合展位参展企业招募（{sector}）",
            "Joint pavilion at international trade fairs ({sector})",
        ),
        T(
            "대기업 구매연계 판로개척 프로그램 제{cohort}기",
            "大企业采购对接市场拓展计划第{cohort}期",
            "Corporate procurement matching, cohort {cohort}",
        ),
    ],
    "rnd": [
        T(
            "{year}년 {sector} 창업성장기술개발사업 과제 공모",
            "{year}年{sector}创新企业技术研发项目申报",
            "{year} {sector} startup R&D grant",
        ),
        T(
            "산학연 공동 기술개발 지원 ({sector})",
            "产学研联合技术攻关支持（{sector}）",
            "University-industry joint R&D ({sector})",
        ),
        T(
            "{year}년 {org} 기술창업 R&D 바우처",
            "{year}年{org}科技创业研发券",
            "{org} R&D vouchers for tech startups {year}",
        ),
    ],
    "funding": [
        T(
            "{year}년 {org} {sector} 시드투자 프로그램",
            "{year}年{org}{sector}种子轮投资计划",
            "{org} {sector} seed investment program {year}",
        ),
        T(
            "{city} 스타트업 투자유치 매칭펀드 ({year}년 {round}차)",
            "{city}创业企业融资配套基金（{year}年第{round}批）",
            "{city} matching fund for startups ({year} round {round})",
        ),
    ],
    "talent": [
        T(
            "{year}년 {sector} 스타트업 인턴십 매칭 지원",
            "{year}年{sector}初创企业实习生对接支持",
            "{year} internship matching for {sector} startups",
        ),
        T(
            "청년 창업인재 채용 연계 프로그램 제{cohort}기",
            "青年创业人才招聘对接计划第{cohort}期",
            "Young talent hiring program, cohort {cohort}",
        ),
    ],
    "testbed": [
        T(
            "{year}년 {sector} 실증 테스트베드 지원사업 참여기업 모집",
            "{year}年{place}{sector}示范应用场景征集",
            "{year} {sector} demonstration testbed support: call for companies",
        ),
        T(
            "{year}년 {sector} 기술실증(PoC) 지원사업 ({round}차)",
            "{year}年{sector}技术验证（PoC）支持项目（第{round}批）",
            "{year} {sector} proof-of-concept support (round {round})",
        ),
        T(
            "{place} 공공시설 {sector} 현장 실증 공모",
            "{place}公共设施{sector}场景验证征集",
            "{sector} in public buildings: {place} demonstration call",
        ),
    ],
    "soft_landing": [
        T(
            "{year}년 한국 스타트업 베이징 소프트랜딩 프로그램 제{cohort}기",
            "{year}年韩国初创企业北京软着陆计划第{cohort}期",
            "{year} Beijing soft-landing program for Korean startups, cohort {cohort}",
        ),
        T(
            "중국 시장 진출 현지화 지원 ({sector})",
            "进入中国市场本地化支持（{sector}）",
            "China market localisation support ({sector})",
        ),
        T(
            "중관촌 창업거리 단기 입주 및 법인설립 지원",
            "中关村创业大街短期入驻与公司注册支持",
            "A short stay on Zhongguancun's startup street, with company set-up",
        ),
    ],
}

INTROS = {
    "commercialisation": T(
        "{org}에서 {sector} 분야 유망 창업기업의 사업화를 지원합니다.",
        "{org}面向{sector}领域的优秀初创企业提供成果转化支持。",
        "{org} helps promising {sector} startups turn technology into a business.",
    ),
    "space": T(
        "{org}에서 성장 단계 스타트업에 사무공간과 입주 프로그램을 제공합니다.",
        "{org}为成长期初创企业提供办公空间和孵化服务。",
        "{org} offers office space and an incubation program to growing startups.",
    ),
    "mentoring": T(
        "{org}에서 {sector} 스타트업을 위한 전문가 멘토링과 창업교육을 운영합니다.",
        "{org}为{sector}初创企业开展专家辅导与创业培训。",
        "{org} runs expert mentoring and founder training for {sector} startups.",
    ),
    "events": T(
        "{org}에서 스타트업과 투자자, 대기업이 만나는 행사를 개최합니다.",
        "{org}举办初创企业与投资人、大企业对接活动。",
        "{org} brings startups together with investors and large companies.",
    ),
    "sales_overseas": T(
        "{org}에서 {sector} 스타트업의 판로 개척과 해외 진출을 지원합니다.",
        "{org}支持{sector}初创企业开拓市场、走向海外。",
        "{org} helps {sector} startups find customers and expand abroad.",
    ),
    "rnd": T(
        "{org}에서 {sector} 분야 기술개발 과제를 공모합니다.",
        "{org}面向{sector}领域征集技术研发项目。",
        "{org} invites {sector} R&D project proposals.",
    ),
    "funding": T(
        "{org}에서 {sector} 분야 초기 스타트업에 투자합니다.",
        "{org}投资{sector}领域的早期初创企业。",
        "{org} invests in early-stage {sector} startups.",
    ),
    "talent": T(
        "{org}에서 스타트업과 청년 인재의 채용을 연결합니다.",
        "{org}帮助初创企业招聘青年人才。",
        "{org} connects startups with young talent.",
    ),
    "testbed": T(
        "{org}에서 {sector} 기술의 실증 테스트베드와 현장 실증 기회를 제공합니다.",
        "{org}为{sector}技术提供测试平台和真实场景验证机会。",
        "{org} offers a testbed and real-world demonstration sites for {sector} technology.",
    ),
    "soft_landing": T(
        "{org}에서 중국 시장에 진출하려는 한국 스타트업의 베이징 안착을 돕습니다.",
        "{org}帮助计划进入中国市场的韩国初创企业在北京落地。",
        "{org} helps Korean startups land in Beijing and enter the Chinese market.",
    ),
}

# One short sentence for result lists: what the program gives, not the description's opening.
SUMMARIES = {
    "commercialisation": T(
        "{sector} 창업기업에 사업화 자금 {amount}과 전담 멘토를 지원합니다.",
        "为{sector}初创企业提供{amount}成果转化资金和专属导师。",
        "{amount} in funding and a dedicated mentor for {sector} startups.",
    ),
    "space": T(
        "무상 사무공간 최대 {months}개월과 회의실·제작실을 제공합니다.",
        "免费办公空间最长{months}个月，另有会议室和创客工坊。",
        "A free office for up to {months} months, with meeting rooms and a maker space.",
    ),
    "mentoring": T(
        "전문가 1:1 멘토링 {hours}시간과 데모데이 참가 기회를 드립니다.",
        "专家一对一辅导{hours}小时，并有机会参加路演日。",
        "{hours} hours of one-to-one expert mentoring and a place at demo day.",
    ),
    "events": T(
        "투자자·대기업과 1:1로 만나는 비즈니스 매칭 행사입니다.",
        "与投资人和大企业一对一洽谈的对接活动。",
        "One-to-one meetings with investors and large companies, with a stand and a pitch.",
    ),
    "sales_overseas": T(
        "해외 바이어 발굴과 전시회 참가비 {amount}을 지원합니다.",
        "对接海外买家，并资助参展费用{amount}。",
        "Introductions to overseas buyers and {amount} towards trade fairs.",
    ),
    "rnd": T(
        "{sector} 기술개발 과제에 연구개발비 {amount}을 지원합니다.",
        "为{sector}研发项目提供{amount}研发经费。",
        "{amount} of R&D funding for {sector} projects.",
    ),
    "funding": T(
        "{sector} 초기 스타트업에 기업당 {amount}을 직접 투자합니다.",
        "向{sector}早期初创企业每家直接投资{amount}。",
        "A direct investment of {amount} in each chosen {sector} startup.",
    ),
    "talent": T(
        "인턴 인건비를 최대 {months}개월 지원하고 채용 박람회를 엽니다.",
        "补贴实习生薪酬最长{months}个月，并举办招聘会。",
        "Part of interns' wages for up to {months} months, and a hiring fair.",
    ),
    "testbed": T(
        "{sector} 기술을 실제 현장에서 실증하고 비용 {amount}을 지원합니다.",
        "在真实场景中验证{sector}技术，并资助验证费用{amount}。",
        "Try {sector} technology on real sites, with {amount} towards the costs.",
    ),
    "soft_landing": T(
        "중관촌 공유오피스 {months}개월 입주와 중국 법인 설립을 돕습니다.",
        "入驻中关村共享办公空间{months}个月，协助注册中国公司。",
        "{months} months in a shared office at Zhongguancun and help setting up a company.",
    ),
}

SUPPORT = {
    "commercialisation": T(
        "지원 내용: 사업화 자금 {amount}, 전담 멘토 "
        "매칭, 시제품 제작 및 지식재산권 취득 비용 지원.",
        "支持内容：成果转化资金{amount}，配备专属导师，资助样机开发与知识产权申请。",
        "Support: commercialisation funding {amount}, a dedicated mentor, and help with "
        "prototypes and patents.",
    ),
    "space": T(
        "지원 내용: 독립형 사무공간 최대 {months}개월 "
        "무상 제공, 회의실·제작실 이용, 입주기업 네트워킹.",
        "支持内容：免费提供独立办公空间最长{months}个月，"
        "可使用会议室与创客工坊，参加入驻企业交流活动。",
        "Support: a private office free of charge for up to {months} months, meeting rooms and "
        "a maker space, and a residents' network.",
    ),
    "mentoring": T(
        "지원 내용: 분야별 전문가 1:1 멘토링 {hours}시간,"
        " 투자유치·마케팅 교육, 데모데이 참가 기회.",
        "支持内容：行业专家一对一辅导{hours}小时，融资与营销培训，参加路演日的机会。",
        "Support: {hours} hours of one-to-one mentoring by sector experts, training in "
        "fundraising and marketing, and a place at demo day.",
    ),
    "events": T(
        "지원 내용: 전시 부스와 피칭 세션 제공, 투자자·대기업과의 1:1 비즈니스 미팅 주선.",
        "支持内容：提供展位和路演环节，安排与投资人及大企业的一对一商务对接。",
        "Support: a stand and a pitching slot, and one-to-one business meetings with investors "
        "and large companies.",
    ),
    "sales_overseas": T(
        "지원 내용: 해외 바이어 발굴, 전시회 참가비 {amount}, 통번역 및 현지 법률 자문.",
        "支持内容：对接海外买家，资助展会参展费用{amount}，提供翻译及当地法律咨询。",
        "Support: introductions to overseas buyers, trade-fair costs {amount}, interpreting "
        "and local legal advice.",
    ),
    "rnd": T(
        "지원 내용: 기술개발 비용 {amount} (최대 {months}개월), 연구기관·대학 연구장비 활용 연계.",
        "支持内容：研发经费{amount}（周期最长{months}个月），对接科研院所及高校实验设备。",
        "Support: R&D funding {amount} for up to {months} months, and access to laboratories "
        "at institutes and universities.",
    ),
    "funding": T(
        "지원 내용: 기업당 {amount} 직접 투자, 후속 투자 연계 및 IR 코칭.",
        "支持内容：每家企业直接投资{amount}，对接后续融资并提供路演辅导。",
        "Support: direct investment of {amount} per company, introductions for follow-on "
        "rounds, and pitch coaching.",
    ),
    "talent": T(
        "지원 내용: 인턴 인건비 일부 지원(최대 {months}개월),"
        " 채용 박람회 참가, 인재 매칭 플랫폼 이용.",
        "支持内容：补贴实习生部分薪酬（最长{months}个月），参加招聘会，使用人才对接平台。",
        "Support: part of interns' wages for up to {months} months, a place at the hiring fair, "
        "and the talent-matching platform.",
    ),
    "testbed": T(
        "지원 내용: 테스트베드 및 현장(공공시설·병원·물류센터) "
        "실증 기회, 실증비용 {amount}, 인증 취득 컨설팅.",
        "支持内容：提供测试平台及真实场景（公共设施、医院、物流中心）验证机会，"
        "验证费用{amount}，认证咨询。",
        "Support: the testbed and real sites (public buildings, hospitals, logistics centres), "
        "demonstration costs {amount}, and certification advice.",
    ),
    "soft_landing": T(
        "지원 내용: 중관촌 공유오피스 {months}개월 입주, "
        "중국 법인 설립·세무 자문, 현지 투자자 및 기업 매칭.",
        "支持内容：入驻中关村共享办公空间{months}个月，提供公司注册与税务咨询，对接本地投资人和企业。",
        "Support: {months} months in a shared office at Zhongguancun, advice on setting up a "
        "Chinese company and on tax, and introductions to local investors and companies.",
    ),
}

AMOUNTS = {
    "KR": [
        T("최대 3,000만 원", "最高3000万韩元", "up to KRW 30 million"),
        T("최대 5,000만 원", "最高5000万韩元", "up to KRW 50 million"),
        T("최대 1억 원", "最高1亿韩元", "up to KRW 100 million"),
        T("최대 2억 원", "最高2亿韩元", "up to KRW 200 million"),
    ],
    "CN": [
        T("최대 20만 위안", "最高20万元", "up to CNY 200,000"),
        T("최대 50만 위안", "最高50万元", "up to CNY 500,000"),
        T("최대 100만 위안", "最高100万元", "up to CNY 1 million"),
        T("최대 300만 위안", "最高300万元", "up to CNY 3 million"),
    ],
}

# Eligibility: the sentence is joined from clauses that mirror the call's structured rules.
ELIGIBILITY_LEAD = T("신청 자격: ", "申报条件：", "Eligibility: ")
ELIGIBILITY_END = T(".", "。", ".")
ELIGIBILITY_JOIN = T(", ", ",", ", ")
CLAUSES = {
    "years": T("창업 {years}년 이내", "成立不满{years}年", "founded less than {years} years ago"),
    "sector": T("{sector} 분야", "{sector}领域", "working in {sector}"),
    "KR": T("국내 소재 기업", "注册地在韩国", "registered in Korea"),
    "CN": T("중국 소재 기업", "在中国注册", "registered in China"),
    "soft_landing": T(
        "중국 진출을 준비하는 한국 기업",
        "计划进入中国市场的韩国企业",
        "Korean companies preparing to enter China",
    ),
    "team": T("팀원 {team}인 이상", "团队不少于{team}人", "a team of at least {team}"),
    "any": T("업력 제한 없음", "不限成立年限", "open to companies of any age"),
}

SELECTION = [
    T(
        "선정 절차: 서류 평가 → 발표 평가 → 최종 선정 (약 {weeks}주 소요).",
        "评审流程：材料初审 → 路演答辩 → 最终确定（约{weeks}周）。",
        "Selection: document review, a pitch to the panel, then final selection (about "
        "{weeks} weeks).",
    ),
    T(
        "선정 절차: 서류 심사 후 현장 실사와 대면 인터뷰를 거쳐 선정합니다.",
        "评审流程：材料评审后进行实地考察和面谈。",
        "Selection: document review followed by a site visit and an interview.",
    ),
    T(
        "선정 절차: 온라인 접수 후 전문가 심사위원회 평가로 선정하며, 결과는 개별 통보합니다.",
        "评审流程：线上申报后由专家评审委员会评审，结果将单独通知。",
        "Selection: apply online; an expert panel assesses every application and each "
        "applicant is told the result.",
    ),
]

CLOSING = T(
    "문의: {org} 담당자 (플랫폼의 문의하기 이용).",
    "咨询：{org}项目负责人（请通过平台留言）。",
    "Questions: contact {org} through the platform.",
)

DOCUMENTS = {
    "ko": ["사업계획서", "사업자등록증 사본"],
    "zh-hans": ["商业计划书", "营业执照副本"],
    "en": ["Business plan", "Certificate of incorporation"],
}

CALL_TITLE = T("{year}년 {round}차 모집", "{year}年第{round}批", "{year} intake {round}")

# Stages a kind of support is usually for; one option is picked per program.
STAGES = {
    "commercialisation": [["pre_seed", "seed"], ["seed", "series_a"]],
    "space": [["idea", "pre_seed", "seed"], ["pre_seed", "seed", "series_a"]],
    "mentoring": [["idea", "pre_seed", "seed"], []],
    "events": [[]],
    "sales_overseas": [["seed", "series_a", "series_b_plus"], []],
    "rnd": [["seed", "series_a"], ["pre_seed", "seed", "series_a"]],
    "funding": [["pre_seed", "seed"], ["seed", "series_a"]],
    "talent": [[]],
    "testbed": [["seed", "series_a", "series_b_plus", "growth"], []],
    "soft_landing": [["seed", "series_a", "series_b_plus"]],
}
MAX_YEARS = {
    "KR": [3, 7, 7, None],
    "CN": [5, 5, 3, None],
}
