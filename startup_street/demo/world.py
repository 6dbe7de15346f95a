"""Hand-written material for the demo world: organisations and text templates in ko, zh, en."""

# slug, kind, city, country, zone, original language, names (ko, zh, en), description (ko, zh, en)
ORGANIZATIONS = [
    (
        "seoul-startup-hub",
        "incubator",
        "Seoul",
        "KR",
        "Asia/Seoul",
        "ko",
        ("서울창업허브", "首尔创业中心", "Seoul Startup Hub"),
        (
            "서울시가 운영하는 창업 보육 센터로 입주 공간, 멘토링, 투자 연계를 제공합니다.",
            "首尔市运营的创业孵化中心，提供入驻空间、导师辅导和投资对接。",
            "The city's incubation centre: office space, mentoring and investor introductions.",
        ),
    ),
    (
        "haidian-startup-camp",
        "university",
        "Beijing",
        "CN",
        "Asia/Shanghai",
        "zh-hans",
        ("하이뎬 대학 창업캠프", "海淀大学创业训练营", "Haidian University Startup Camp"),
        (
            "대학생과 졸업생 창업팀을 위한 교육과 보육 프로그램입니다.",
            "面向在校生和校友创业团队的培训与孵化项目。",
            "Training and incubation for student and alumni founding teams.",
        ),
    ),
    (
        "kic-beijing",
        "innovation_center",
        "Beijing",
        "CN",
        "Asia/Shanghai",
        "ko",
        ("한국혁신센터 베이징", "韩国创新中心（北京）", "Korea Innovation Center Beijing"),
        (
            "한국 스타트업의 중국 진출을 돕는 현지 거점으로, 소프트랜딩과 파트너 매칭을 지원합니다.",
            "帮助韩国创业企业进入中国市场的本地据点，提供落地支持和合作伙伴对接。",
            "Helps Korean startups enter China: soft landing and partner matching in Zhongguancun.",
        ),
    ),
    (
        "seoul-robot-cluster",
        "government",
        "Seoul",
        "KR",
        "Asia/Seoul",
        "ko",
        ("서울 로봇산업 클러스터", "首尔机器人产业集群", "Seoul Robot Industry Cluster"),
        (
            "서비스 로봇 실증 테스트베드와 시험 장비를 운영합니다.",
            "运营服务机器人示范测试场和检测设备。",
            "Runs service-robot testbeds and test equipment for demonstration projects.",
        ),
    ),
    (
        "zgc-accelerator",
        "accelerator",
        "Beijing",
        "CN",
        "Asia/Shanghai",
        "zh-hans",
        ("중관촌 액셀러레이터", "中关村加速器", "Zhongguancun Accelerator"),
        (
            "초기 하드테크 기업을 위한 3개월 집중 육성 프로그램을 운영합니다.",
            "为早期硬科技企业提供为期三个月的集中加速。",
            "A three-month programme for early hard-tech companies.",
        ),
    ),
    (
        "gangnam-accelerator",
        "accelerator",
        "Seoul",
        "KR",
        "Asia/Seoul",
        "ko",
        ("강남 액셀러레이터", "江南加速器", "Gangnam Accelerator"),
        (
            "시드 투자와 후속 투자 연계를 제공하는 민간 액셀러레이터입니다.",
            "提供种子投资及后续融资对接的民营加速器。",
            "A private accelerator offering seed investment and follow-on introductions.",
        ),
    ),
    (
        "hanriver-ventures",
        "investor",
        "Seoul",
        "KR",
        "Asia/Seoul",
        "ko",
        ("한강벤처스", "汉江创投", "Hanriver Ventures"),
        (
            "로봇, AI, 바이오 분야 초기 기업에 투자하는 벤처캐피털입니다.",
            "专注机器人、人工智能和生物医疗早期企业的风险投资机构。",
            "A venture fund for early robotics, AI and bio companies.",
        ),
    ),
    (
        "yanyuan-capital",
        "investor",
        "Beijing",
        "CN",
        "Asia/Shanghai",
        "zh-hans",
        ("옌위안 캐피털", "燕园资本", "Yanyuan Capital"),
        (
            "중국 진출 해외 스타트업과 현지 기술 기업에 투자합니다.",
            "投资进入中国的海外创业企业和本土科技公司。",
            "Invests in foreign startups entering China and local tech firms.",
        ),
    ),
    (
        "seoul-business-agency",
        "government",
        "Seoul",
        "KR",
        "Asia/Seoul",
        "ko",
        ("서울경제진흥원", "首尔经济振兴院", "Seoul Business Agency"),
        (
            "서울시 중소기업과 스타트업의 사업화, 판로, 해외 진출을 지원합니다.",
            "支持首尔中小企业和创业企业的商业化、市场渠道和海外拓展。",
            "Supports Seoul's small firms and startups: commercialisation, sales and going abroad.",
        ),
    ),
    (
        "mobility-open-lab",
        "corporate",
        "Seoul",
        "KR",
        "Asia/Seoul",
        "en",
        ("모빌리티 오픈랩", "出行开放实验室", "Mobility Open Lab"),
        ("", "", "A carmaker's open-innovation programme for mobility and robotics startups."),
    ),
]

SUPPORT = {
    # kind: (ko title, zh title, en title, ko summary, zh summary, en summary)
    "commercialisation": (
        "{year}년 {sector} 분야 초기창업패키지 참여기업 모집",
        "{year}年{sector}领域初创企业商业化支持项目征集",
        "{year} {sector} early-stage commercialisation package",
        "창업 {years}년 이내 기업에 최대 {amount}천만원의 사업화 자금을 지원합니다.",
        "为成立{years}年以内的企业提供最高{amount}0万元商业化资金。",
        "Up to {amount}0 million won of commercialisation funding for companies under {years} years old.",
    ),
    "space": (
        "{year}년 {sector} 스타트업 입주기업 모집",
        "{year}年{sector}创业企业入驻招募",
        "{year} {sector} startup residency",
        "입주 공간(최대 {months}개월)과 회의실, 시제품 제작실을 제공합니다.",
        "提供最长{months}个月的入驻空间、会议室和样机制作室。",
        "Desks for up to {months} months, meeting rooms and a prototyping workshop.",
    ),
    "mentoring": (
        "{sector} 스타트업 전문가 멘토링 프로그램 ({year})",
        "{year}年{sector}创业企业专家辅导计划",
        "{year} {sector} expert mentoring programme",
        "분야별 전문가가 {hours}시간의 1:1 멘토링과 투자 유치 교육을 제공합니다.",
        "行业专家提供{hours}小时一对一辅导和融资培训。",
        "{hours} hours of one-to-one mentoring by sector experts, plus fundraising training.",
    ),
    "events": (
        "{year} {sector} 데모데이 참가기업 모집",
        "{year}年{sector}路演日参会企业征集",
        "{year} {sector} demo day",
        "투자자 {investors}명 앞에서 사업을 발표하고 네트워킹합니다.",
        "在{investors}位投资人面前路演并进行交流。",
        "Pitch to {investors} investors and meet partners.",
    ),
    "sales_overseas": (
        "{year}년 중국 진출 {sector} 기업 판로 개척 지원",
        "{year}年{sector}企业中国市场拓展支持",
        "{year} China market entry for {sector} companies",
        "베이징 현지 바이어 상담회와 전시회 참가를 지원합니다.",
        "支持参加北京本地采购洽谈会和展会。",
        "Buyer meetings and exhibition booths in Beijing.",
    ),
    "rnd": (
        "{year}년 {sector} 기술개발(R&D) 과제 공모",
        "{year}年{sector}技术研发项目申报",
        "{year} {sector} R&D grant",
        "기술개발 과제당 최대 {amount}천만원, 최장 {months}개월을 지원합니다.",
        "每个研发项目最高资助{amount}万元，周期最长{months}个月。",
        "Up to {amount}0 million won per R&D project for up to {months} months.",
    ),
    "funding": (
        "{year} {sector} 시드 투자 프로그램",
        "{year}年{sector}种子轮投资计划",
        "{year} {sector} seed investment programme",
        "기업당 최대 {amount}천만원을 시드 투자합니다.",
        "每家企业最高种子投资{amount}万元。",
        "Seed investment of up to {amount}0 million won per company.",
    ),
    "talent": (
        "{year}년 {sector} 스타트업 인재 채용 지원",
        "{year}年{sector}创业企业人才招聘支持",
        "{year} {sector} startup hiring support",
        "신규 채용 인건비를 최대 {months}개월 지원합니다.",
        "为新招聘人员提供最长{months}个月的人工费用补贴。",
        "Salary support for new hires for up to {months} months.",
    ),
    "testbed": (
        "{year}년 {sector} 실증 테스트베드 지원사업 참여기업 모집",
        "{year}年{sector}示范应用场景及测试场征集",
        "{year} {sector} testbed and demonstration programme",
        "테스트베드 {months}개월 무상 사용과 실증 비용 최대 {amount}천만원을 지원합니다.",
        "免费使用测试场{months}个月，并提供最高{amount}0万元示范费用。",
        "Free testbed use for {months} months and up to {amount}0 million won for demonstrations.",
    ),
    "soft_landing": (
        "{year} 베이징 소프트랜딩 프로그램 ({sector})",
        "{year}年北京落地支持计划（{sector}）",
        "{year} Beijing soft-landing programme ({sector})",
        "중관촌 입주 공간, 법인 설립 자문, 현지 파트너 매칭을 제공합니다.",
        "提供中关村入驻空间、公司注册咨询和本地合作伙伴对接。",
        "Space in Zhongguancun, incorporation advice and local partner matching.",
    ),
}

DESCRIPTION = (
    "지원 대상: 창업 {years}년 이내 {sector} 분야 기업\n선정 절차: 서류 평가, 발표 평가, 최종 선정\n"
    "제출 서류: 사업계획서, 사업자등록증",
    "申报对象：成立{years}年以内的{sector}领域企业\n遴选流程：材料评审、路演答辩、最终入选\n"
    "提交材料：商业计划书、营业执照",
    "Who can apply: {sector} companies founded less than {years} years ago.\n"
    "Selection: document review, pitch, final decision.\nDocuments: business plan, registration.",
)

# Startup names are built from syllables, per language.
NAME_PARTS = {
    "ko": (
        ["로보", "에이아이", "바이오", "모빌", "핀", "그린", "메디", "딥", "스마트", "코드"],
        ["웨이브", "랩스", "브릿지", "웍스", "메이트", "노바", "플로우", "온", "팩토리", "링크"],
    ),
    "zh-hans": (
        ["深", "智", "云", "星", "灵", "极", "未来", "创新", "天工", "数"],
        ["视科技", "行智能", "芯半导体", "医生物", "动机器人", "链科技", "图数据", "翼航空"],
    ),
    "en": (
        ["Grid", "Nova", "Quanta", "Blue", "Bright", "Iron", "Swift", "Deep", "Open", "True"],
        ["light", "forge", "path", "mind", "works", "stack", "loop", "field", "bio", "bots"],
    ),
}

TAGLINES = {
    "robotics": (
        "물류 현장을 위한 자율주행 로봇",
        "面向物流现场的自主移动机器人",
        "Autonomous robots for warehouses",
    ),
    "ai": (
        "제조 품질 검사를 위한 비전 AI",
        "用于制造质检的视觉人工智能",
        "Vision AI for factory quality checks",
    ),
    "bio": (
        "조기 진단을 위한 바이오마커 플랫폼",
        "用于早期诊断的生物标志物平台",
        "A biomarker platform for early diagnosis",
    ),
    "content": (
        "K-콘텐츠 글로벌 현지화 플랫폼",
        "韩流内容全球本地化平台",
        "Localising Korean content worldwide",
    ),
    "fashion": (
        "AI 기반 맞춤형 패션 추천",
        "基于人工智能的个性化时尚推荐",
        "AI-picked fashion for every body",
    ),
    "mobility": (
        "도심 라스트마일 전기 모빌리티",
        "城市最后一公里电动出行",
        "Electric last-mile mobility for cities",
    ),
    "fintech": (
        "중소기업을 위한 국경 간 결제",
        "面向中小企业的跨境支付",
        "Cross-border payments for small firms",
    ),
    "energy": ("건물 에너지 절감 IoT", "建筑节能物联网", "IoT that cuts building energy use"),
    "commerce": (
        "한중 역직구 커머스",
        "中韩跨境电商",
        "Cross-border commerce between Korea and China",
    ),
    "edtech": (
        "AI 튜터 기반 외국어 학습",
        "基于人工智能导师的外语学习",
        "An AI tutor for language learning",
    ),
    "agrifood": (
        "스마트팜 작물 생육 관리",
        "智慧农场作物生长管理",
        "Crop monitoring for smart farms",
    ),
    "semiconductors": ("엣지 AI 반도체 설계", "边缘人工智能芯片设计", "Edge-AI chip design"),
    "software": ("기업용 협업 SaaS", "企业协同SaaS", "Collaboration SaaS for enterprises"),
    "manufacturing": (
        "협동로봇 기반 스마트 공장",
        "基于协作机器人的智能工厂",
        "Smart factories with cobots",
    ),
    "drones": (
        "시설물 점검 드론 서비스",
        "设施巡检无人机服务",
        "Drone inspections of infrastructure",
    ),
    "games": ("캐주얼 모바일 게임 스튜디오", "休闲手游工作室", "A casual mobile games studio"),
}
