"""Startup names, pitches and places: Korean and Chinese originals, a few English ones.

A name part is (text, romanisation); the romanisation makes the ASCII slug.
"""

from . import T

KO_PREFIXES = {
    "robotics": [("로보", "robo"), ("모션", "motion"), ("그립", "grip"), ("휴머", "humo")],
    "ai": [("딥", "deep"), ("뉴로", "neuro"), ("마인드", "mind"), ("코그", "cog")],
    "bio": [("메디", "medi"), ("바이오", "bio"), ("셀", "cell"), ("진", "gene")],
    "content": [("스토리", "story"), ("픽셀", "pixel"), ("온에어", "onair")],
    "fashion": [("룩", "look"), ("스타일", "style"), ("코스", "cos")],
    "mobility": [("모비", "mobi"), ("라이드", "ride"), ("휠", "wheel")],
    "fintech": [("페이", "pay"), ("핀", "fin"), ("머니", "money")],
    "energy": [("그린", "green"), ("솔라", "solar"), ("에코", "eco")],
    "commerce": [("마켓", "market"), ("셀러", "seller"), ("픽", "pick")],
    "edtech": [("클래스", "class"), ("에듀", "edu"), ("러닝", "learning")],
    "agrifood": [("팜", "farm"), ("푸드", "food"), ("새싹", "saessak")],
    "semiconductors": [("칩", "chip"), ("실리콘", "silicon"), ("나노", "nano")],
    "software": [("코드", "code"), ("클라우드", "cloud"), ("데브", "dev")],
    "manufacturing": [("팩토리", "factory"), ("메이크", "make"), ("스마트", "smart")],
    "drones": [("에어", "air"), ("스카이", "sky"), ("드론", "drone")],
    "games": [("플레이", "play"), ("퀘스트", "quest"), ("게임", "game")],
}
KO_WORDS = [
    ("다온", "daon"),
    ("한결", "hangyeol"),
    ("새봄", "saebom"),
    ("누리", "nuri"),
    ("가람", "garam"),
    ("슬기", "seulgi"),
    ("온새미", "onsaemi"),
    ("미르", "mir"),
]
KO_SUFFIXES = [
    ("웨이브", "wave"),
    ("랩스", "labs"),
    ("브릭", "brick"),
    ("웍스", "works"),
    ("로직", "logic"),
    ("메이트", "mate"),
    ("노바", "nova"),
    ("허브", "hub"),
    ("링크", "link"),
    ("플로우", "flow"),
    ("테크", "tech"),
    ("스텝", "step"),
    ("핏", "fit"),
    ("비전", "vision"),
    ("버스", "verse"),
    ("온", "on"),
]

ZH_PREFIXES = [
    ("深视", "shenshi"),
    ("智行", "zhixing"),
    ("灵犀", "lingxi"),
    ("云帆", "yunfan"),
    ("星河", "xinghe"),
    ("极光", "jiguang"),
    ("天工", "tiangong"),
    ("锐思", "ruisi"),
    ("启明", "qiming"),
    ("华芯", "huaxin"),
    ("青禾", "qinghe"),
    ("明途", "mingtu"),
    ("清源", "qingyuan"),
    ("博瑞", "borui"),
    ("凌云", "lingyun"),
    ("墨子", "mozi"),
    ("知源", "zhiyuan"),
    ("数蜂", "shufeng"),
    ("小满", "xiaoman"),
    ("北辰", "beichen"),
]
ZH_SUFFIXES = {
    "robotics": ("机器人", "robotics"),
    "ai": ("智能", "ai"),
    "bio": ("生物", "bio"),
    "content": ("文化", "media"),
    "fashion": ("时尚", "fashion"),
    "mobility": ("出行", "mobility"),
    "fintech": ("金服", "fintech"),
    "energy": ("能源", "energy"),
    "commerce": ("优选", "commerce"),
    "edtech": ("教育", "edu"),
    "agrifood": ("农业", "agri"),
    "semiconductors": ("微电子", "micro"),
    "software": ("软件", "software"),
    "manufacturing": ("智造", "manufacturing"),
    "drones": ("航空", "aero"),
    "games": ("互娱", "games"),
}
ZH_GENERIC = ("科技", "tech")

EN_FIRST = [
    "Grid", "Nova", "Bright", "Kite", "Orbit", "Lumen", "Cedar", "Harbor", "Pixel",
    "Quill", "Arc", "Tide", "Atlas", "Ember", "Vector", "Maple", "Signal", "Drift",
]  # fmt: skip
EN_SECOND = [
    "light", "works", "labs", "stack", "forge", "path", "loop", "mind", "field",
    "wave", "ly", "hub", "sense", "craft",
]  # fmt: skip

# Where startups are: (city, country, time zone, [regions], city name in three languages)
SEOUL = ("Seoul", "KR", "Asia/Seoul", T("서울", "首尔", "Seoul"))
SEOUL_REGIONS = [
    "Gangnam-gu", "Seocho-gu", "Mapo-gu", "Seongdong-gu", "Guro-gu", "Geumcheon-gu",
    "Yeongdeungpo-gu", "Gwanak-gu", "Dongdaemun-gu",
]  # fmt: skip
BEIJING = ("Beijing", "CN", "Asia/Shanghai", T("베이징", "北京", "Beijing"))
BEIJING_REGIONS = ["Haidian", "Chaoyang", "Dongcheng", "Changping", "Daxing", "Shunyi"]
ELSEWHERE = [
    ("Singapore", "SG", "Asia/Singapore", T("싱가포르", "新加坡", "Singapore")),
    ("Tokyo", "JP", "Asia/Tokyo", T("도쿄", "东京", "Tokyo")),
    ("Berlin", "DE", "Europe/Berlin", T("베를린", "柏林", "Berlin")),
    ("London", "GB", "Europe/London", T("런던", "伦敦", "London")),
    ("San Francisco", "US", "America/Los_Angeles", T("샌프란시스코", "旧金山", "San Francisco")),
]

PITCHES = {
    "robotics": [
        T(
            "물류센터를 위한 자율주행 피킹 로봇",
            "面向物流仓库的自主移动拣选机器人",
            "Autonomous picking robots for logistics centres",
        ),
        T(
            "병원과 호텔을 누비는 서비스 로봇",
            "穿梭于医院和酒店的服务机器人",
            "Service robots for hospitals and hotels",
        ),
        T(
            "누구나 쉽게 가르치는 협동로봇 팔",
            "人人都能轻松示教的协作机械臂",
            "A collaborative robot arm anyone can teach",
        ),
    ],
    "ai": [
        T(
            "제조 현장의 불량을 찾아내는 비전 AI",
            "发现生产线缺陷的视觉AI",
            "Vision AI that finds defects on the production line",
        ),
        T(
            "기업 문서를 이해하는 한국어·중국어 LLM 에이전트",
            "理解企业文档的中韩双语大模型智能体",
            "LLM agents that read company documents in Korean and Chinese",
        ),
    ],
    "bio": [
        T(
            "AI 기반 신약 후보물질 발굴 플랫폼",
            "基于AI的新药候选物发现平台",
            "An AI platform for finding drug candidates",
        ),
        T(
            "집에서 하는 만성질환 원격 모니터링",
            "居家慢病远程监测",
            "Remote monitoring of chronic conditions at home",
        ),
    ],
    "content": [
        T(
            "웹툰 IP로 만드는 글로벌 애니메이션",
            "以网漫IP打造全球动画",
            "Global animation built on webtoon IP",
        ),
        T(
            "크리에이터를 위한 자동 다국어 자막",
            "为创作者提供的自动多语种字幕",
            "Automatic multilingual subtitles for creators",
        ),
    ],
    "fashion": [
        T(
            "체형 데이터로 맞추는 온디맨드 의류",
            "基于体型数据的按需定制服装",
            "On-demand clothing fitted from body data",
        ),
        T(
            "피부 진단 기반 맞춤형 화장품",
            "基于皮肤检测的定制化妆品",
            "Personalised cosmetics from a skin test",
        ),
    ],
    "mobility": [
        T(
            "도심 라스트마일 배송 자율주행 카트",
            "城市末端配送自动驾驶小车",
            "Self-driving carts for last-mile delivery",
        ),
        T(
            "전기 이륜차 배터리 교환 네트워크",
            "电动两轮车换电网络",
            "A battery-swapping network for electric scooters",
        ),
    ],
    "fintech": [
        T(
            "소상공인을 위한 간편 매출 정산",
            "面向小微商户的便捷收款结算",
            "Simple sales settlement for small merchants",
        ),
        T(
            "한중 간 해외송금·환전 API",
            "中韩跨境汇款与换汇API",
            "A cross-border payment and FX API between Korea and China",
        ),
    ],
    "energy": [
        T(
            "건물 에너지를 AI로 절감하는 관리 솔루션",
            "用AI降低建筑能耗的管理方案",
            "AI that cuts the energy buildings use",
        ),
        T(
            "폐배터리 재사용 에너지 저장장치",
            "退役电池梯次利用储能系统",
            "Energy storage from second-life batteries",
        ),
    ],
    "commerce": [
        T(
            "라이브커머스로 여는 K-뷰티 중국 판로",
            "通过直播电商打开韩妆中国市场",
            "Live commerce that brings K-beauty to Chinese shoppers",
        ),
        T(
            "동네 가게를 위한 재고·주문 관리 앱",
            "面向社区小店的库存与订单管理应用",
            "Stock and order management for neighbourhood shops",
        ),
    ],
    "edtech": [
        T(
            "AI 튜터와 함께하는 초등 수학",
            "AI辅导的小学数学学习",
            "Primary-school maths with an AI tutor",
        ),
        T(
            "외국어 말하기를 코칭하는 음성 AI",
            "口语陪练的语音AI",
            "Speech AI that coaches speaking a foreign language",
        ),
    ],
    "agrifood": [
        T("도심형 수직 스마트팜 모듈", "城市垂直智慧农场模块", "Modular vertical farms for cities"),
        T("식물성 단백질 대체육", "植物蛋白人造肉", "Plant-based alternatives to meat"),
    ],
    "semiconductors": [
        T(
            "엣지 AI를 위한 저전력 NPU 칩",
            "面向边缘AI的低功耗NPU芯片",
            "Low-power NPU chips for edge AI",
        ),
        T(
            "로봇용 초소형 토크 센서",
            "机器人用微型扭矩传感器",
            "Miniature torque sensors for robots",
        ),
    ],
    "software": [
        T(
            "스타트업을 위한 클라우드 비용 최적화 SaaS",
            "为初创企业优化云成本的SaaS",
            "SaaS that trims cloud bills for startups",
        ),
        T(
            "노코드 업무 자동화 플랫폼",
            "零代码业务流程自动化平台",
            "A no-code workflow automation platform",
        ),
    ],
    "manufacturing": [
        T(
            "중소 공장을 위한 예지보전 IoT",
            "面向中小工厂的预测性维护物联网",
            "Predictive maintenance IoT for small factories",
        ),
        T(
            "디지털 트윈 기반 공정 시뮬레이션",
            "基于数字孪生的工艺仿真",
            "Process simulation on a digital twin",
        ),
    ],
    "drones": [
        T(
            "시설물 안전점검 자율비행 드론",
            "设施安全巡检自主飞行无人机",
            "Autonomous drones that inspect infrastructure",
        ),
        T(
            "초소형 위성 데이터 분석 서비스",
            "微小卫星数据分析服务",
            "Analytics on data from small satellites",
        ),
    ],
    "games": [
        T(
            "캐주얼 퍼즐 게임과 글로벌 퍼블리싱",
            "休闲益智游戏与全球发行",
            "Casual puzzle games published worldwide",
        ),
        T("VR 기반 재활 운동 게임", "基于VR的康复训练游戏", "VR games for rehabilitation exercise"),
    ],
}

ABOUT = T(
    "{name} 팀은 {year}년 {city}에서 설립되었으며, 현재 {team}명이 함께 일하고 있습니다.",
    "{name}于{year}年在{city}成立，目前团队共{team}人。",
    "{name} was founded in {city} in {year} and has a team of {team}.",
)
PRODUCT = T("주력 제품: {pitch}.", "核心产品：{pitch}。", "What we make: {pitch}.")
TRACTION = [
    T(
        "현재 {customers}개 기업 고객과 PoC를 진행하고 있습니다.",
        "目前正与{customers}家企业客户开展概念验证。",
        "We are running proofs of concept with {customers} business customers.",
    ),
    T(
        "시드 투자를 유치했고 해외 진출을 준비 중입니다.",
        "已完成种子轮融资，正在筹备出海。",
        "We have raised a seed round and are preparing to expand abroad.",
    ),
    T(
        "한국과 중국 시장에서 함께할 파트너를 찾고 있습니다.",
        "我们正在中韩两国市场寻找合作伙伴。",
        "We are looking for partners in both Korea and China.",
    ),
    T(
        "누적 사용자 {users_ko} 명을 넘어섰습니다.",
        "累计用户已突破{users_zh}。",
        "We have passed {users_en} users.",
    ),
]

MEMBER_TITLES = {
    "ko": ("대표", ["CTO", "개발 리드", "사업개발", "디자이너", "연구원"]),
    "zh-hans": ("创始人兼CEO", ["CTO", "技术负责人", "商务拓展", "产品经理", "研究员"]),
    "en": ("CEO", ["CTO", "Head of engineering", "Business development", "Designer"]),
}
