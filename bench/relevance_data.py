# ruff: noqa: E501 - phrase tables and queries read best one line each
"""Generate the relevance benchmark's labelled data: bench/data/relevance/{corpus,queries}.json.

    python bench/relevance_data.py            # rewrites both files (deterministic: same seed, same bytes)
    python bench/relevance_data.py --check    # regenerate in memory and compare with the committed files

Every program is made from structured ground truth drawn first (organisation -> region, language;
support kind; topic, optional secondary topic; stage), then written out from hand-written,
aligned ko / zh-hans / en phrase tables. Queries are hand-written (QUERIES below, in a founder's
words) with their intent (topics, kinds of support, regions); grades come only from comparing
that intent with each program's ground truth (``grade``), never from any search output. The
rule is documented in bench/data/relevance/README.md.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "relevance"
SEED = 20260315
N_PROGRAMS = 2300  # background catalogue; queries whose cells are thin get a few more
MIN_TOP = 3  # each query has at least this many grade-3 programs
LANGS = ("ko", "zh", "en")
CODE = {"ko": "ko", "zh": "zh-hans", "en": "en"}  # the app's content-language codes

# --- places -------------------------------------------------------------------------------

REGIONS = {
    # id: (country, ko, zh, en)
    "seoul": ("KR", "서울", "首尔", "Seoul"),
    "pangyo": ("KR", "판교", "板桥", "Pangyo"),
    "busan": ("KR", "부산", "釜山", "Busan"),
    "daejeon": ("KR", "대전", "大田", "Daejeon"),
    "daegu": ("KR", "대구", "大邱", "Daegu"),
    "gwangju": ("KR", "광주", "光州", "Gwangju"),
    "incheon": ("KR", "인천 송도", "仁川松岛", "Incheon Songdo"),
    "jeonbuk": ("KR", "전북 익산", "全北益山", "Iksan, Jeonbuk"),
    "beijing": ("CN", "베이징", "北京", "Beijing"),
    "shanghai": ("CN", "상하이", "上海", "Shanghai"),
    "shenzhen": ("CN", "선전", "深圳", "Shenzhen"),
    "hangzhou": ("CN", "항저우", "杭州", "Hangzhou"),
    "suzhou": ("CN", "쑤저우", "苏州", "Suzhou"),
    "singapore": ("SG", "싱가포르", "新加坡", "Singapore"),
    "silicon_valley": ("US", "실리콘밸리", "硅谷", "Silicon Valley"),
    "berlin": ("DE", "베를린", "柏林", "Berlin"),
}
ZONES = {
    "KR": "Asia/Seoul",
    "CN": "Asia/Shanghai",
    "SG": "Asia/Singapore",
    "US": "America/Los_Angeles",
    "DE": "Europe/Berlin",
}


def region_set(spec: list[str]) -> set[str]:
    """Region ids from ids or country codes (``KR`` = every Korean region)."""
    out = set()
    for item in spec:
        out |= {r for r, v in REGIONS.items() if v[0] == item} if item.isupper() else {item}
    return out


# --- topics: sector, families (for "related"), names and details, aligned across languages --

T = dict  # a topic


TOPICS: dict[str, dict] = {
    "service_robot": T(
        sector="robotics",
        families={"robotics"},
        ko=["서비스 로봇", "배송·서빙 로봇", "자율주행 배달로봇"],
        zh=["服务机器人", "配送与送餐机器人", "自主配送机器人"],
        en=["Service Robots", "Delivery and Serving Robots", "Autonomous Delivery Robots"],
        dko=[
            "병원·물류센터·아파트 단지에서 운용되는 안내, 배송, 방역 로봇",
            "실내외 자율주행과 엘리베이터 연동이 필요한 로봇 서비스",
        ],
        dzh=[
            "在医院、物流园区和住宅小区运行的导览、配送、消杀机器人",
            "需要室内外自主导航和电梯联动的机器人服务",
        ],
        den=[
            "guide, delivery and disinfection robots running in hospitals, warehouses and apartment complexes",
            "robot services that need indoor-outdoor navigation and elevator integration",
        ],
    ),
    "industrial_robot": T(
        sector="robotics",
        families={"robotics", "manufacturing"},
        ko=["협동로봇", "산업용 로봇", "제조 로봇 자동화"],
        zh=["协作机器人", "工业机器人", "工厂机器人自动化"],
        en=["Collaborative Robots", "Industrial Robots", "Factory Robot Automation"],
        dko=[
            "용접·조립·검사 공정에 투입되는 로봇 팔과 그리퍼",
            "중소 제조기업의 로봇 도입과 공정 자동화",
        ],
        dzh=["用于焊接、装配和检测工序的机械臂与夹爪", "中小制造企业的机器人导入与产线自动化"],
        den=[
            "robot arms and grippers for welding, assembly and inspection lines",
            "robot adoption and line automation for small manufacturers",
        ],
    ),
    "gen_ai": T(
        sector="ai",
        families={"ai"},
        ko=["생성형 AI", "초거대 AI·LLM", "AI 에이전트"],
        zh=["生成式人工智能", "大模型", "AI智能体"],
        en=["Generative AI", "Large Language Models", "AI Agents"],
        dko=[
            "대규모 언어모델을 활용한 업무 자동화와 B2B 서비스",
            "GPU 인프라가 필요한 AI 모델 학습과 추론 서비스",
        ],
        dzh=["基于大语言模型的办公自动化与企业服务", "需要GPU算力的模型训练与推理服务"],
        den=[
            "workflow automation and B2B services built on large language models",
            "model training and inference services that need GPU compute",
        ],
    ),
    "vision_ai": T(
        sector="ai",
        families={"ai"},
        ko=["비전 AI", "영상분석 인공지능", "컴퓨터 비전"],
        zh=["视觉AI", "视频分析人工智能", "计算机视觉"],
        en=["Vision AI", "Video Analytics", "Computer Vision"],
        dko=[
            "CCTV·드론 영상을 분석해 이상 상황을 감지하는 솔루션",
            "제조 불량 검출과 매장 분석용 영상 인식",
        ],
        dzh=[
            "分析监控和无人机影像、识别异常情况的解决方案",
            "用于制造缺陷检测和零售门店分析的图像识别",
        ],
        den=[
            "solutions that analyse CCTV and drone footage to detect incidents",
            "image recognition for defect detection and retail store analytics",
        ],
    ),
    "ai_chip": T(
        sector="semiconductors",
        families={"chips", "ai"},
        ko=["AI 반도체", "NPU·AI 가속기", "온디바이스 AI 칩"],
        zh=["AI芯片", "NPU与AI加速器", "端侧AI芯片"],
        en=["AI Chips", "NPUs and AI Accelerators", "On-Device AI Chips"],
        dko=["신경망 연산에 특화된 저전력 칩 설계와 검증", "엣지 기기에 탑재되는 추론용 반도체"],
        dzh=["面向神经网络运算的低功耗芯片设计与验证", "搭载于边缘设备的推理芯片"],
        den=[
            "low-power chip design and verification for neural network workloads",
            "inference silicon for edge devices",
        ],
    ),
    "fabless": T(
        sector="semiconductors",
        families={"chips"},
        ko=["팹리스 반도체 설계", "시스템 반도체", "전력 반도체"],
        zh=["芯片设计", "系统级芯片", "功率半导体"],
        en=["Fabless Chip Design", "System Semiconductors", "Power Semiconductors"],
        dko=["MPW 공정과 EDA 툴이 필요한 반도체 설계 기업", "차량·가전용 전력 반도체와 센서 칩"],
        dzh=["需要MPW流片和EDA工具的芯片设计企业", "车规级与家电用功率半导体及传感器芯片"],
        den=[
            "chip design teams that need MPW shuttles and EDA tools",
            "power semiconductors and sensor chips for cars and appliances",
        ],
    ),
    "digital_health": T(
        sector="bio",
        families={"health"},
        ko=["디지털 헬스케어", "비대면 진료·원격의료", "디지털 치료제"],
        zh=["数字健康", "互联网医疗", "数字疗法"],
        en=["Digital Health", "Telemedicine", "Digital Therapeutics"],
        dko=[
            "병원 데이터와 웨어러블을 활용한 건강관리 서비스",
            "임상 검증과 인허가가 필요한 소프트웨어 의료기기",
        ],
        dzh=["利用医院数据和可穿戴设备的健康管理服务", "需要临床验证和注册审批的医疗软件"],
        den=[
            "health management services using hospital data and wearables",
            "software medical devices that need clinical validation and approval",
        ],
    ),
    "medical_device": T(
        sector="bio",
        families={"health"},
        ko=["의료기기", "체외진단 기기", "수술·재활 의료기기"],
        zh=["医疗器械", "体外诊断设备", "手术与康复器械"],
        en=["Medical Devices", "In-Vitro Diagnostics", "Surgical and Rehabilitation Devices"],
        dko=[
            "식약처 인증과 임상시험을 준비하는 의료기기 기업",
            "진단키트와 영상진단 장비의 시제품 검증",
        ],
        dzh=["准备医疗器械注册和临床试验的企业", "诊断试剂盒与影像诊断设备的样机验证"],
        den=[
            "device makers preparing regulatory clearance and clinical trials",
            "validation of diagnostic kits and imaging equipment prototypes",
        ],
    ),
    "biopharma": T(
        sector="bio",
        families={"health"},
        ko=["신약 개발", "세포·유전자 치료제", "바이오 의약품"],
        zh=["创新药研发", "细胞与基因治疗", "生物医药"],
        en=["Drug Discovery", "Cell and Gene Therapy", "Biopharmaceuticals"],
        dko=[
            "후보물질 발굴부터 전임상까지 필요한 실험 인프라",
            "GMP 시설과 임상 설계 자문이 필요한 바이오 벤처",
        ],
        dzh=["从候选药物发现到临床前研究所需的实验平台", "需要GMP设施和临床设计咨询的生物医药企业"],
        den=[
            "lab infrastructure from candidate discovery to preclinical studies",
            "biotech ventures that need GMP facilities and clinical design advice",
        ],
    ),
    "silver_care": T(
        sector="bio",
        families={"health", "social"},
        ko=["시니어 돌봄 기술", "고령친화 헬스케어", "실버테크"],
        zh=["智慧养老", "适老化健康科技", "银发科技"],
        en=["Elderly Care Technology", "Age-Tech", "Senior Care Solutions"],
        dko=["독거노인 안부 확인과 낙상 감지 서비스", "요양시설과 재가 돌봄을 위한 기기와 플랫폼"],
        dzh=["独居老人关怀与跌倒检测服务", "面向养老机构和居家照护的设备与平台"],
        den=[
            "check-in and fall-detection services for seniors living alone",
            "devices and platforms for care homes and home care",
        ],
    ),
    "payments": T(
        sector="fintech",
        families={"fintech"},
        ko=["간편결제·송금", "결제 인프라", "해외송금 핀테크"],
        zh=["移动支付", "支付基础设施", "跨境支付"],
        en=["Payments", "Payment Infrastructure", "Cross-Border Remittance"],
        dko=[
            "가맹점 결제와 정산을 자동화하는 금융 서비스",
            "규제 샌드박스가 필요한 송금·결제 서비스",
        ],
        dzh=["为商户提供收款与结算自动化的金融服务", "需要监管沙盒的汇款与支付服务"],
        den=[
            "financial services that automate merchant payments and settlement",
            "remittance and payment services that need a regulatory sandbox",
        ],
    ),
    "wealthtech": T(
        sector="fintech",
        families={"fintech"},
        ko=["로보어드바이저", "자산관리 핀테크", "개인 투자 플랫폼"],
        zh=["智能投顾", "财富管理科技", "个人投资平台"],
        en=["Robo-Advisors", "Wealth Management Tech", "Retail Investing Platforms"],
        dko=[
            "알고리즘 기반 포트폴리오 추천과 자산관리 서비스",
            "마이데이터를 활용한 개인 금융 분석",
        ],
        dzh=["基于算法的投资组合推荐与财富管理", "利用个人金融数据的理财分析"],
        den=[
            "algorithmic portfolio recommendations and wealth management",
            "personal finance analytics built on open banking data",
        ],
    ),
    "blockchain": T(
        sector="fintech",
        families={"fintech"},
        ko=["블록체인", "디지털 자산·토큰증권", "Web3"],
        zh=["区块链", "数字资产", "Web3"],
        en=["Blockchain", "Digital Assets and Tokenisation", "Web3"],
        dko=["분산원장 기반 정산·인증 서비스", "토큰증권 발행과 디지털 자산 수탁"],
        dzh=["基于分布式账本的结算与认证服务", "数字资产发行与托管"],
        den=[
            "settlement and identity services on distributed ledgers",
            "tokenised securities issuance and digital asset custody",
        ],
    ),
    "autonomous": T(
        sector="mobility",
        families={"mobility", "city"},
        ko=["자율주행", "자율주행차 소프트웨어", "스마트 모빌리티"],
        zh=["自动驾驶", "智能网联汽车", "智慧出行"],
        en=["Autonomous Driving", "Self-Driving Software", "Smart Mobility"],
        dko=["라이다·카메라 센서 퓨전과 주행 데이터 수집", "시범운행지구에서의 자율주행 셔틀 운행"],
        dzh=["激光雷达与摄像头融合及道路数据采集", "在示范区开展自动驾驶接驳车运营"],
        den=[
            "lidar-camera sensor fusion and driving data collection",
            "autonomous shuttle operations in pilot zones",
        ],
    ),
    "ev_battery": T(
        sector="energy",
        families={"mobility", "energy"},
        ko=["이차전지", "전기차 배터리", "배터리 셀·소재"],
        zh=["动力电池", "新能源汽车电池", "电芯与电池材料"],
        en=["Batteries", "EV Batteries", "Battery Cells and Materials"],
        dko=["배터리 셀·팩과 재사용·재활용 기술", "전기차 충전 인프라와 배터리 관리 시스템"],
        dzh=["电芯、电池包及梯次利用与回收技术", "电动汽车充电设施与电池管理系统"],
        den=[
            "battery cells, packs, reuse and recycling",
            "EV charging infrastructure and battery management systems",
        ],
    ),
    "drone_uam": T(
        sector="drones",
        families={"mobility", "aero"},
        ko=["드론", "도심항공교통(UAM)", "드론 배송"],
        zh=["无人机", "低空经济", "无人机配送"],
        en=["Drones", "Urban Air Mobility", "Drone Delivery"],
        dko=[
            "비행 실증과 안전성 인증이 필요한 드론 서비스",
            "물류·방재·측량용 드론과 관제 소프트웨어",
        ],
        dzh=["需要飞行验证和适航认证的无人机服务", "用于物流、应急和测绘的无人机及管控软件"],
        den=[
            "drone services that need flight trials and safety certification",
            "drones and traffic-management software for logistics, disaster response and surveying",
        ],
    ),
    "space_tech": T(
        sector="drones",
        families={"aero"},
        ko=["우주항공", "초소형 위성", "뉴스페이스"],
        zh=["商业航天", "微小卫星", "卫星互联网"],
        en=["Space Tech", "Small Satellites", "NewSpace"],
        dko=["초소형 위성 발사와 위성영상 데이터 활용", "발사체 부품과 우주 환경 시험"],
        dzh=["微小卫星发射与卫星遥感数据应用", "运载火箭部件与空间环境试验"],
        den=[
            "small-satellite launches and satellite imagery applications",
            "launch-vehicle components and space environment testing",
        ],
    ),
    "renewable": T(
        sector="energy",
        families={"energy"},
        ko=["신재생에너지", "수소에너지", "태양광·풍력"],
        zh=["新能源", "氢能", "光伏与风电"],
        en=["Renewable Energy", "Hydrogen", "Solar and Wind Power"],
        dko=["수소 생산·저장과 연료전지 기술", "분산형 전원과 에너지저장장치(ESS) 운영"],
        dzh=["氢气制取、储运与燃料电池技术", "分布式能源与储能系统运营"],
        den=[
            "hydrogen production, storage and fuel cells",
            "distributed generation and energy storage operations",
        ],
    ),
    "carbon_neutral": T(
        sector="energy",
        families={"energy", "climate"},
        ko=["탄소중립", "기후테크", "탄소배출 관리"],
        zh=["碳中和", "气候科技", "碳排放管理"],
        en=["Carbon Neutrality", "Climate Tech", "Carbon Accounting"],
        dko=["기업의 온실가스 배출량 측정과 감축 솔루션", "탄소 포집·활용 기술과 탄소배출권"],
        dzh=["企业温室气体排放核算与减排方案", "碳捕集利用技术与碳交易"],
        den=[
            "measuring and cutting companies' greenhouse-gas emissions",
            "carbon capture and utilisation and carbon credits",
        ],
    ),
    "circular": T(
        sector="energy",
        families={"climate"},
        ko=["자원순환", "폐플라스틱 재활용", "업사이클링"],
        zh=["循环经济", "废塑料回收", "升级再造"],
        en=["Circular Economy", "Plastic Recycling", "Upcycling"],
        dko=["폐기물 선별과 재생 원료화 기술", "다회용기·리필 등 일회용품 감축 서비스"],
        dzh=["废弃物分拣与再生原料技术", "循环包装与减塑服务"],
        den=[
            "waste sorting and recycled-feedstock technology",
            "reusable packaging and single-use reduction services",
        ],
    ),
    "webtoon": T(
        sector="content",
        families={"content"},
        ko=["웹툰·웹소설", "K-콘텐츠", "캐릭터 IP"],
        zh=["网络漫画与网文", "韩流内容", "角色IP"],
        en=["Webtoons and Web Novels", "K-Content", "Character IP"],
        dko=[
            "웹툰 IP를 영상·굿즈로 확장하는 콘텐츠 기업",
            "창작자와 스튜디오를 위한 글로벌 플랫폼 진출",
        ],
        dzh=["把漫画IP延伸到影视和周边的内容企业", "帮助创作者和工作室进入海外平台"],
        den=[
            "content companies turning webtoon IP into video and merchandise",
            "creators and studios taking their work onto global platforms",
        ],
    ),
    "games": T(
        sector="games",
        families={"content"},
        ko=["게임", "인디게임", "모바일 게임"],
        zh=["游戏", "独立游戏", "手机游戏"],
        en=["Games", "Indie Games", "Mobile Games"],
        dko=["게임 개발 스튜디오의 퍼블리싱과 글로벌 출시", "QA·현지화가 필요한 인디 개발사"],
        dzh=["游戏工作室的发行与海外上线", "需要测试和本地化的独立开发团队"],
        den=[
            "publishing and global launch for game studios",
            "indie developers who need QA and localisation",
        ],
    ),
    "xr": T(
        sector="content",
        families={"content"},
        ko=["XR·메타버스", "가상현실·증강현실", "실감콘텐츠"],
        zh=["XR与元宇宙", "虚拟现实与增强现实", "沉浸式内容"],
        en=["XR and the Metaverse", "Virtual and Augmented Reality", "Immersive Content"],
        dko=["VR·AR 기기용 실감형 콘텐츠와 디지털 트윈", "전시·교육·관광 분야 몰입형 경험"],
        dzh=["面向VR/AR设备的沉浸式内容与数字孪生", "展览、教育和文旅领域的沉浸式体验"],
        den=[
            "immersive content for VR/AR headsets and digital twins",
            "immersive experiences for exhibitions, education and tourism",
        ],
    ),
    "beauty": T(
        sector="fashion",
        families={"consumer"},
        ko=["K-뷰티", "화장품", "패션·뷰티 브랜드"],
        zh=["美妆", "化妆品", "时尚美妆品牌"],
        en=["K-Beauty", "Cosmetics", "Fashion and Beauty Brands"],
        dko=["신규 화장품 브랜드의 제형 개발과 인증", "D2C 패션·뷰티 브랜드의 온라인 판매"],
        dzh=["新锐化妆品品牌的配方开发与备案", "DTC时尚美妆品牌的线上销售"],
        den=[
            "formulation and certification for new cosmetics brands",
            "online sales for direct-to-consumer fashion and beauty brands",
        ],
    ),
    "ecommerce": T(
        sector="commerce",
        families={"consumer"},
        ko=["이커머스", "역직구·크로스보더 커머스", "라이브커머스"],
        zh=["电子商务", "跨境电商", "直播电商"],
        en=["E-Commerce", "Cross-Border E-Commerce", "Live Commerce"],
        dko=["해외 오픈마켓 입점과 물류·통관 대행", "인플루언서 라이브방송을 통한 판매"],
        dzh=["海外电商平台入驻与物流清关服务", "通过主播直播带货实现销售"],
        den=[
            "listing on overseas marketplaces with logistics and customs handling",
            "selling through influencer live streams",
        ],
    ),
    "edtech": T(
        sector="edtech",
        families={"edtech"},
        ko=["에듀테크", "AI 교육 서비스", "온라인 학습 플랫폼"],
        zh=["教育科技", "AI教育", "在线学习平台"],
        en=["Edtech", "AI Tutoring", "Online Learning Platforms"],
        dko=["학교·학원과 연계한 맞춤형 학습 콘텐츠", "직무교육과 외국어 학습 서비스"],
        dzh=["与学校和培训机构合作的个性化学习内容", "职业培训与外语学习服务"],
        den=[
            "personalised learning content delivered with schools and academies",
            "job-skills training and language learning services",
        ],
    ),
    "smart_farm": T(
        sector="agrifood",
        families={"agri"},
        ko=["스마트팜", "수직농장", "농업 자동화"],
        zh=["智慧农业", "垂直农场", "农业自动化"],
        en=["Smart Farming", "Vertical Farms", "Farm Automation"],
        dko=["시설원예의 환경 제어와 생육 데이터 분석", "농작업 로봇과 드론 방제"],
        dzh=["设施农业环境控制与作物生长数据分析", "农业机器人与无人机植保"],
        den=[
            "climate control and growth data for greenhouses",
            "farm robots and drone crop spraying",
        ],
    ),
    "foodtech": T(
        sector="agrifood",
        families={"agri"},
        ko=["푸드테크", "대체단백질", "외식 주방 자동화"],
        zh=["食品科技", "替代蛋白", "餐饮厨房自动化"],
        en=["Food Tech", "Alternative Proteins", "Cloud Kitchens and Restaurant Tech"],
        dko=["식물성 대체육과 배양육 개발", "공유주방과 배달 외식업을 위한 조리 자동화"],
        dzh=["植物基肉与细胞培养肉研发", "面向外卖与中央厨房的烹饪自动化"],
        den=[
            "plant-based and cultivated meat development",
            "cooking automation for shared kitchens and delivery restaurants",
        ],
    ),
    "seed_breeding": T(
        sector="agrifood",
        families={"agri"},
        ko=["종자산업", "종자 육종", "그린바이오"],
        zh=["种业", "种子育种", "农业生物技术"],
        en=["Seed Breeding", "Crop Seeds", "Green Biotech"],
        dko=["디지털 육종과 신품종 종자 개발", "미생물·종자 등 농업 바이오 소재"],
        dzh=["数字育种与新品种种子研发", "微生物、种子等农业生物材料"],
        den=[
            "digital breeding and new crop seed varieties",
            "agricultural biologicals such as microbes and seeds",
        ],
    ),
    "smart_factory": T(
        sector="manufacturing",
        families={"manufacturing"},
        ko=["스마트공장", "제조 디지털 전환", "스마트 제조"],
        zh=["智能工厂", "工业互联网", "智能制造"],
        en=["Smart Factories", "Industrial IoT", "Smart Manufacturing"],
        dko=["설비 데이터 수집과 예지보전 솔루션", "MES와 공정 디지털 트윈 구축"],
        dzh=["设备数据采集与预测性维护方案", "MES与产线数字孪生建设"],
        den=[
            "machine data collection and predictive maintenance",
            "MES and production-line digital twins",
        ],
    ),
    "materials": T(
        sector="manufacturing",
        families={"manufacturing"},
        ko=["첨단소재", "탄소섬유 복합소재", "소재·부품·장비"],
        zh=["新材料", "碳纤维复合材料", "关键零部件与装备"],
        en=["Advanced Materials", "Carbon-Fibre Composites", "Materials, Parts and Equipment"],
        dko=["탄소섬유와 경량 복합소재의 양산 기술", "국산화가 필요한 핵심 부품과 장비"],
        dzh=["碳纤维与轻量化复合材料量产技术", "亟需国产替代的核心零部件与装备"],
        den=[
            "mass production of carbon-fibre and lightweight composites",
            "key parts and equipment that need local suppliers",
        ],
    ),
    "smart_city": T(
        sector="software",
        families={"city"},
        ko=["스마트시티", "도시 데이터·디지털트윈", "공공안전 솔루션"],
        zh=["智慧城市", "城市数据与数字孪生", "公共安全方案"],
        en=["Smart City", "Urban Data and Digital Twins", "Public Safety Solutions"],
        dko=["교통·환경·안전 데이터를 활용한 도시문제 해결", "지자체와 함께하는 도시 서비스 실증"],
        dzh=["利用交通、环境、安防数据解决城市问题", "与地方政府合作的城市服务验证"],
        den=[
            "solving urban problems with traffic, environment and safety data",
            "city services piloted with local governments",
        ],
    ),
    "proptech": T(
        sector="software",
        families={"city"},
        ko=["프롭테크", "건설기술", "스마트 빌딩"],
        zh=["房地产科技", "智慧建造", "智能楼宇"],
        en=["Proptech", "Construction Tech", "Smart Buildings"],
        dko=["건설 현장 안전관리와 모듈러 건축", "부동산 거래·임대관리 플랫폼"],
        dzh=["施工现场安全管理与装配式建筑", "房产交易与租赁管理平台"],
        den=[
            "construction-site safety and modular building",
            "property transaction and rental management platforms",
        ],
    ),
    "cybersecurity": T(
        sector="software",
        families={"software"},
        ko=["정보보안", "사이버보안", "개인정보보호 기술"],
        zh=["网络安全", "信息安全", "数据安全与隐私计算"],
        en=["Cybersecurity", "Information Security", "Privacy Tech"],
        dko=["제로트러스트와 클라우드 보안 솔루션", "산업제어시스템과 IoT 기기 보안"],
        dzh=["零信任与云安全解决方案", "工业控制系统与物联网安全"],
        den=[
            "zero-trust and cloud security",
            "security for industrial control systems and IoT devices",
        ],
    ),
    "saas": T(
        sector="software",
        families={"software"},
        ko=["B2B SaaS", "클라우드 소프트웨어", "업무용 SaaS"],
        zh=["企业级SaaS", "云计算软件", "企业服务软件"],
        en=["B2B SaaS", "Cloud Software", "Enterprise Software"],
        dko=["기업 고객을 위한 구독형 업무 소프트웨어", "클라우드 전환과 해외 고객 확보"],
        dzh=["面向企业客户的订阅制办公软件", "上云迁移与海外客户拓展"],
        den=[
            "subscription software for business customers",
            "cloud migration and winning overseas customers",
        ],
    ),
    "social_venture": T(
        sector=None,
        families={"social"},
        ko=["소셜벤처", "사회적기업", "임팩트 창업"],
        zh=["社会企业", "社会创新创业", "影响力创业"],
        en=["Social Ventures", "Social Enterprises", "Impact Startups"],
        dko=[
            "지역 문제와 취약계층 문제를 해결하는 비즈니스",
            "사회적 가치 측정과 임팩트 투자 연계",
        ],
        dzh=["解决地方和弱势群体问题的商业模式", "社会价值评估与影响力投资对接"],
        den=[
            "businesses solving local and vulnerable-group problems",
            "social value measurement and links to impact investors",
        ],
    ),
}
GENERAL = T(  # a program open to every sector
    ko=["기술창업", "전 분야", "초기창업"],
    zh=["科技创业", "全领域", "初创"],
    en=["Tech", "Cross-Sector", "Early-Stage"],
    dko=[
        "업종 제한 없이 기술 기반 아이템을 가진 창업기업",
        "혁신적인 아이디어와 기술을 보유한 모든 분야의 스타트업",
    ],
    dzh=["不限行业、拥有技术型项目的创业企业", "拥有创新想法和技术的各领域初创企业"],
    den=[
        "startups with a technology-based product in any sector",
        "startups from every field with an innovative idea or technology",
    ],
)
HARDWARE = {
    "service_robot", "industrial_robot", "ai_chip", "fabless", "medical_device", "silver_care",
    "autonomous", "ev_battery", "drone_uam", "space_tech", "renewable", "circular", "xr", "beauty",
    "smart_farm", "foodtech", "smart_factory", "materials", "smart_city", "proptech", None,
}  # fmt: skip
NO_TESTBED = {"webtoon", "games", "beauty", "ecommerce", "social_venture", "wealthtech", "edtech"}

# --- kinds of support: model kind, related supports, aligned title / summary / offer texts ---

S = dict
SUPPORTS: dict[str, dict] = {
    "testbed": S(
        kind="testbed",
        related={"open_innovation", "prototype", "rnd"},
        ko=[
            "{year}년 {topic} 실증 테스트베드 참여기업 모집",
            "[{region}] {topic} 현장실증 지원사업 공고",
            "{topic} 실증 인프라 개방 및 테스트 지원 ({n}차)",
        ],
        zh=[
            "{year}年{topic}应用场景测试验证项目征集",
            "【{region}】{topic}场景示范验证支持计划",
            "{topic}测试验证平台开放申请(第{n}批)",
        ],
        en=[
            "{topic} Testbed Program {year}: Call for Startups",
            "{region} {topic} Real-World Pilot Program",
            "Open Test Facilities for {topic} (Round {n})",
        ],
        sko=[
            "{detail} 분야 기업이 실제 환경에서 제품을 검증할 수 있도록 {region} 실증 현장과 장비를 제공합니다.",
            "{topic} 기술의 상용화를 앞당기기 위해 실증 기회와 성능 검증을 지원합니다.",
        ],
        szh=[
            "为{detail}相关企业提供{region}真实场景和测试设备,帮助产品完成验证。",
            "为加快{topic}技术商业化,提供场景验证与性能检测支持。",
        ],
        sen=[
            "Real sites and equipment in {region} so that companies working on {detail} can prove their products in the field.",
            "Pilot opportunities and performance testing to bring {topic} to market sooner.",
        ],
        oko=[
            "실증 공간·장비 무상 제공",
            "실증 결과 보고서 및 성능 인증 지원",
            "수요기관 매칭과 현장 운영 데이터 제공",
            "실증 비용 {amount} 지원",
        ],
        ozh=[
            "免费提供测试场地与设备",
            "出具测试报告并协助性能认证",
            "对接需求单位并提供现场运行数据",
            "给予测试费用{amount}补贴",
        ],
        oen=[
            "free use of test sites and equipment",
            "a test report and help with performance certification",
            "introductions to host sites and access to field data",
            "pilot costs covered {amount}",
        ],
    ),
    "open_innovation": S(
        kind="commercialisation",
        related={"testbed", "grant", "investment"},
        ko=[
            "{org} 오픈이노베이션: {topic} 스타트업 협업 프로그램",
            "{year} 대기업 연계 {topic} PoC 지원사업",
            "{topic} 분야 대·중견기업 협업 스타트업 모집",
        ],
        zh=[
            "{org}开放创新:{topic}初创企业合作计划",
            "{year}年大企业联动{topic}概念验证项目",
            "{topic}领域龙头企业合作创新企业招募",
        ],
        en=[
            "{org} Open Innovation: {topic} Startup Collaboration",
            "{year} Corporate PoC Program for {topic}",
            "Corporate Partnership Call: {topic} Startups",
        ],
        sko=[
            "{detail} 분야 스타트업과 대기업 사업부가 함께 PoC를 수행하고 공동사업화를 추진합니다.",
            "수요 기업이 제시한 과제를 {topic} 스타트업의 기술로 해결하는 협업 프로그램입니다.",
        ],
        szh=[
            "{detail}领域的初创企业与大企业业务部门共同开展概念验证并推进联合商业化。",
            "由龙头企业提出需求课题,由{topic}初创企业以技术方案解决的合作项目。",
        ],
        sen=[
            "Startups working on {detail} run a proof of concept with a corporate business unit and take it to joint commercial launch.",
            "Corporates post real problems and {topic} startups solve them with their technology.",
        ],
        oko=[
            "PoC 비용 {amount} 지원",
            "대기업 현업 부서와의 공동 과제 수행",
            "우수 기업 전략적 투자 검토",
            "사내 인프라·데이터 활용 기회",
        ],
        ozh=[
            "概念验证费用{amount}",
            "与大企业业务部门联合实施项目",
            "优秀企业可获战略投资评估",
            "开放企业内部设施与数据",
        ],
        oen=[
            "PoC budget {amount}",
            "a joint project with a corporate business unit",
            "strategic investment review for the best teams",
            "access to corporate facilities and data",
        ],
    ),
    "prototype": S(
        kind="commercialisation",
        related={"grant", "testbed"},
        ko=[
            "{topic} 시제품 제작 지원사업 참여기업 모집",
            "{year}년 {region} 하드웨어 시제품 제작·양산 지원 ({topic})",
            "{topic} 아이디어 구현 시제품 제작 바우처",
        ],
        zh=[
            "{topic}样机打样支持计划",
            "{year}年{region}硬件打样与小批量试产服务({topic})",
            "{topic}创意原型制作补贴",
        ],
        en=[
            "{topic} Prototyping Support Program",
            "{year} {region} Hardware Prototyping and Pilot Production ({topic})",
            "Prototype Voucher for {topic} Ideas",
        ],
        sko=[
            "{detail} 분야 아이디어를 시제품으로 만들 수 있도록 설계, 3D 프린팅, 금형과 소량 양산을 지원합니다.",
            "메이커스페이스 장비와 전문 엔지니어를 통해 {topic} 시제품 제작 기간을 단축합니다.",
        ],
        szh=[
            "帮助{detail}方向的创意变成样机,提供结构设计、3D打印、开模与小批量试产服务。",
            "依托创客空间设备和专业工程师,缩短{topic}样机研制周期。",
        ],
        sen=[
            "Turn an idea in {detail} into a working prototype: design, 3D printing, tooling and small production runs.",
            "Makerspace machines and in-house engineers cut the time it takes to build a {topic} prototype.",
        ],
        oko=[
            "시제품 제작비 {amount} 지원",
            "3D 프린터·CNC 등 제작 장비 이용",
            "설계·기구 전문가 자문",
            "양산 협력 공장 연계",
        ],
        ozh=[
            "样机制作费用{amount}",
            "使用3D打印机、CNC等加工设备",
            "结构与工业设计专家指导",
            "对接量产合作工厂",
        ],
        oen=[
            "prototyping costs covered {amount}",
            "use of 3D printers, CNC and other machines",
            "advice from design and mechanical engineers",
            "introductions to contract manufacturers",
        ],
    ),
    "grant": S(
        kind="commercialisation",
        related={"prototype", "investment", "loan", "rnd", "open_innovation"},
        ko=[
            "{year}년 {topic} 창업기업 사업화 지원사업",
            "{topic} 초기창업패키지 참여기업 모집",
            "{region} {topic} 기업 사업화 자금 지원 공고",
        ],
        zh=[
            "{year}年{topic}初创企业产业化扶持资金",
            "{topic}创业启动资助计划",
            "{region}{topic}企业成果转化资金申报",
        ],
        en=[
            "{year} Commercialisation Grant for {topic} Startups",
            "{topic} Startup Launch Grant",
            "{region} Commercialisation Funding for {topic}",
        ],
        sko=[
            "{detail} 분야 창업기업의 제품 개발과 마케팅에 필요한 사업화 자금을 지원합니다.",
            "우수한 {topic} 아이템을 보유한 창업기업에 사업화 자금과 후속 지원을 제공합니다.",
        ],
        szh=[
            "为{detail}领域初创企业的产品开发与市场推广提供产业化资金。",
            "面向拥有优质{topic}项目的创业企业,给予资金资助和后续支持。",
        ],
        sen=[
            "Non-dilutive funding for product development and marketing at startups working on {detail}.",
            "A grant and follow-on support for founders with a strong {topic} product.",
        ],
        oko=[
            "사업화 자금 {amount} (무상)",
            "마케팅·판로 개척 비용 지원",
            "지식재산권 출원 지원",
            "후속 투자 연계",
        ],
        ozh=["无偿资助{amount}", "市场推广与渠道拓展费用补贴", "知识产权申请支持", "对接后续投资"],
        oen=[
            "a grant {amount} (no equity)",
            "marketing and sales costs covered",
            "help filing patents and trademarks",
            "introductions for follow-on investment",
        ],
    ),
    "investment": S(
        kind="funding",
        related={"grant", "loan", "events"},
        ko=[
            "{topic} 스타트업 IR 데모데이 참가기업 모집",
            "{year} {region} 투자유치 IR 프로그램 ({topic})",
            "{topic} 분야 시드 투자 연계 프로그램",
        ],
        zh=[
            "{topic}创业项目路演与投资对接会",
            "{year}年{region}投融资路演活动({topic})",
            "{topic}领域种子轮投资对接计划",
        ],
        en=[
            "{topic} Startup Demo Day and Investor Pitch",
            "{year} {region} Investor Relations Program ({topic})",
            "Seed Investment Matching for {topic} Startups",
        ],
        sko=[
            "{detail} 분야 스타트업이 벤처캐피털과 액셀러레이터 앞에서 IR 피칭을 하고 투자 상담을 받습니다.",
            "{topic} 기업의 투자유치를 위해 IR 자료 코칭과 투자자 매칭을 지원합니다.",
        ],
        szh=[
            "{detail}领域的初创企业向风险投资机构和加速器路演,并进行一对一投资洽谈。",
            "为{topic}企业融资提供商业计划书辅导与投资人对接。",
        ],
        sen=[
            "Startups working on {detail} pitch to venture capital funds and accelerators and meet them one to one.",
            "Pitch-deck coaching and investor matching to help {topic} companies raise their round.",
        ],
        oko=[
            "VC·엔젤 투자자 대상 IR 피칭",
            "IR 자료 및 밸류에이션 코칭",
            "우수 기업 직접 투자 {amount}",
            "후속 투자 네트워크 연계",
        ],
        ozh=[
            "面向风投和天使投资人的路演",
            "商业计划书与估值辅导",
            "优秀项目直接投资{amount}",
            "对接后续融资网络",
        ],
        oen=[
            "a pitch in front of VCs and angel investors",
            "coaching on the deck and valuation",
            "direct investment {amount} for the best teams",
            "access to a network of follow-on investors",
        ],
    ),
    "loan": S(
        kind="funding",
        related={"grant", "investment"},
        ko=[
            "{year}년 {topic} 창업기업 정책자금 융자",
            "{topic} 기업 보증·저금리 대출 지원",
            "{region} 중소기업 육성자금 ({topic})",
        ],
        zh=[
            "{year}年{topic}企业贴息贷款",
            "{topic}科技企业信贷担保支持",
            "{region}中小企业发展专项贷款({topic})",
        ],
        en=[
            "{year} Low-Interest Loans for {topic} Startups",
            "{topic} Loan Guarantee Program",
            "{region} SME Growth Loans ({topic})",
        ],
        sko=[
            "{detail} 분야 기업의 운전자금과 시설자금을 저금리로 융자합니다.",
            "담보가 부족한 {topic} 창업기업에 신용보증과 이자 지원을 제공합니다.",
        ],
        szh=[
            "为{detail}领域企业提供低息流动资金与设备贷款。",
            "为缺乏抵押的{topic}初创企业提供信用担保和贴息。",
        ],
        sen=[
            "Low-interest working-capital and equipment loans for companies working on {detail}.",
            "Credit guarantees and interest support for {topic} startups without collateral.",
        ],
        oko=[
            "기업당 {amount} 한도 융자",
            "이자 차액 보전",
            "신용보증서 발급 지원",
            "상환 유예 기간 제공",
        ],
        ozh=["每家企业贷款额度{amount}", "给予贷款贴息", "提供融资担保", "设置还款宽限期"],
        oen=[
            "loans {amount} per company",
            "interest subsidies",
            "a credit guarantee",
            "a grace period before repayment",
        ],
    ),
    "space": S(
        kind="space",
        related={"mentoring"},
        ko=[
            "{region} {topic} 창업보육센터 입주기업 모집",
            "{year}년 {topic} 특화 공유오피스 입주 공고",
            "{topic} 스타트업 전용 사무공간 입주기업 모집 ({n}차)",
        ],
        zh=[
            "{region}{topic}孵化器入驻企业招募",
            "{year}年{topic}特色众创空间入驻申请",
            "{topic}初创企业专属办公空间招募(第{n}批)",
        ],
        en=[
            "{region} {topic} Incubator: Resident Startups Wanted",
            "{year} {topic} Co-working Residency",
            "Office Space for {topic} Startups (Round {n})",
        ],
        sko=[
            "{region}에 위치한 보육센터에서 {detail} 분야 기업에 독립 사무실과 회의실을 제공합니다.",
            "{topic} 스타트업이 저렴한 임대료로 입주해 성장할 수 있는 업무 공간입니다.",
        ],
        szh=[
            "位于{region}的孵化器为{detail}相关企业提供独立办公室和会议室。",
            "{topic}初创企业可以低租金入驻并成长的办公空间。",
        ],
        sen=[
            "Private offices and meeting rooms in {region} for companies working on {detail}.",
            "Affordable desks and offices where {topic} startups can settle in and grow.",
        ],
        oko=[
            "독립 사무실 또는 지정석 최대 {months}개월 제공",
            "회의실·스튜디오 등 공용시설 이용",
            "입주기업 네트워킹과 보육 프로그램",
            "관리비 외 임대료 면제",
        ],
        ozh=[
            "提供独立办公室或固定工位,最长{months}个月",
            "共享会议室、演播室等公共设施",
            "入驻企业交流与孵化服务",
            "免收租金,仅收物业费",
        ],
        oen=[
            "a private office or fixed desks for up to {months} months",
            "shared meeting rooms and studios",
            "resident networking and incubation services",
            "no rent beyond service charges",
        ],
    ),
    "mentoring": S(
        kind="mentoring",
        related={"education", "space"},
        ko=[
            "{topic} 스타트업 액셀러레이팅 프로그램 {n}기 모집",
            "{year} {topic} 전문가 멘토링·컨설팅 지원",
            "{region} {topic} 창업기업 1:1 멘토링",
        ],
        zh=[
            "{topic}创业加速营第{n}期招募",
            "{year}年{topic}专家辅导与咨询服务",
            "{region}{topic}创业企业一对一导师辅导",
        ],
        en=[
            "{topic} Accelerator Batch {n}",
            "{year} {topic} Expert Mentoring and Consulting",
            "{region} One-to-One Mentoring for {topic} Founders",
        ],
        sko=[
            "{detail} 분야 선배 창업가와 업계 전문가가 {months}개월 동안 사업모델과 성장 전략을 함께 다듬습니다.",
            "{topic} 기업의 기술·법률·회계·마케팅 고민을 전문 멘토가 1:1로 컨설팅합니다.",
        ],
        szh=[
            "{detail}领域的连续创业者和行业专家在{months}个月内陪伴企业打磨商业模式与增长策略。",
            "由专业导师为{topic}企业提供技术、法律、财务和市场方面的一对一咨询。",
        ],
        sen=[
            "Founders and industry experts in {detail} work with your team for {months} months on the business model and growth plan.",
            "Expert mentors give {topic} companies one-to-one advice on technology, legal, accounting and marketing.",
        ],
        oko=[
            "전담 멘토 배정과 정기 멘토링",
            "분야별 전문가 컨설팅 {hours}시간",
            "데모데이 참가 기회",
            "선배 창업가 네트워크",
        ],
        ozh=[
            "配备专属导师并定期辅导",
            "各领域专家咨询{hours}小时",
            "参加成果路演日",
            "加入创业者校友网络",
        ],
        oen=[
            "a dedicated mentor and regular sessions",
            "{hours} hours of expert consulting",
            "a place at demo day",
            "an alumni network of founders",
        ],
    ),
    "education": S(
        kind="mentoring",
        related={"mentoring", "events", "talent"},
        ko=[
            "{year} {topic} 창업 아카데미 교육생 모집",
            "{topic} 실전 창업 부트캠프",
            "{region} 예비창업자 {topic} 교육과정",
        ],
        zh=[
            "{year}年{topic}创业学院学员招募",
            "{topic}实战创业训练营",
            "{region}{topic}创业培训课程",
        ],
        en=[
            "{year} {topic} Startup Academy",
            "{topic} Founder Bootcamp",
            "{region} {topic} Entrepreneurship Course",
        ],
        sko=[
            "{detail} 분야 창업을 준비하는 예비창업자를 위한 {weeks}주 교육과정입니다.",
            "고객 검증, 사업계획서 작성, 투자 유치까지 {topic} 창업의 전 과정을 배우는 실전 교육입니다.",
        ],
        szh=[
            "面向准备在{detail}领域创业的团队,为期{weeks}周的培训课程。",
            "从客户验证、商业计划书撰写到融资,系统学习{topic}创业全流程的实战课程。",
        ],
        sen=[
            "A {weeks}-week course for would-be founders preparing a venture in {detail}.",
            "Hands-on training in every step of a {topic} venture, from customer discovery to the business plan and fundraising.",
        ],
        oko=[
            "{weeks}주 집중 교육과 팀 프로젝트",
            "수료생 대상 우수 팀 시상",
            "사업계획서 작성 워크숍",
            "교육비 전액 무료",
        ],
        ozh=[
            "{weeks}周集中授课与团队项目",
            "结业优秀团队奖励",
            "商业计划书写作工作坊",
            "培训全程免费",
        ],
        oen=[
            "{weeks} weeks of classes and a team project",
            "awards for the best graduating teams",
            "a business-plan workshop",
            "free of charge",
        ],
    ),
    "events": S(
        kind="events",
        related={"education", "investment"},
        ko=[
            "{year} {topic} 스타트업 경진대회",
            "{topic} 해커톤 참가자 모집",
            "{region} {topic} 네트워킹 데이",
        ],
        zh=["{year}年{topic}创新创业大赛", "{topic}黑客马拉松报名", "{region}{topic}创业者交流会"],
        en=[
            "{year} {topic} Startup Competition",
            "{topic} Hackathon",
            "{region} {topic} Founders Networking Night",
        ],
        sko=[
            "{detail} 분야 창업팀이 아이디어를 겨루고 수상팀에게 상금과 후속 지원을 제공합니다.",
            "{topic} 창업가와 투자자, 수요기업이 한자리에 모이는 행사입니다.",
        ],
        szh=[
            "{detail}领域的创业团队同台竞技,获奖团队可获奖金和后续支持。",
            "汇聚{topic}创业者、投资人和企业客户的交流活动。",
        ],
        sen=[
            "Founding teams in {detail} compete; winners get prize money and follow-on support.",
            "An evening that brings {topic} founders, investors and corporate buyers together.",
        ],
        oko=[
            "총상금 {amount}",
            "수상팀 후속 보육 연계",
            "투자자·수요기업 네트워킹",
            "언론 홍보 기회",
        ],
        ozh=["总奖金{amount}", "获奖团队入驻孵化", "投资人与企业客户交流", "媒体宣传机会"],
        oen=[
            "prize money {amount} in total",
            "incubation for the winners",
            "networking with investors and corporate buyers",
            "press coverage",
        ],
    ),
    "market_cn": S(
        kind="sales_overseas",
        related={"market_sea", "market_us"},
        ko=[
            "{topic} 기업 중국 진출 지원 프로그램",
            "{year} 중국 시장 진출 액셀러레이팅 ({topic})",
            "베이징·상하이 현지 진출 {topic} 스타트업 모집",
        ],
        zh=[
            "{topic}企业落地中国支持计划",
            "{year}年海外创业企业来华落地加速营({topic})",
            "境外{topic}初创企业入驻北京上海招募",
        ],
        en=[
            "China Market Entry Program for {topic} Startups",
            "{year} China Landing Accelerator ({topic})",
            "Beijing and Shanghai Soft Landing for {topic} Startups",
        ],
        sko=[
            "{detail} 분야 기업의 중국 현지 법인 설립, 파트너 발굴과 판로 개척을 지원합니다.",
            "중국 시장에 진출하려는 {topic} 스타트업에 현지 사무공간과 바이어 매칭을 제공합니다.",
        ],
        szh=[
            "协助{detail}领域的海外企业在中国设立公司、寻找合作伙伴并开拓渠道。",
            "为希望进入中国市场的{topic}初创企业提供本地办公空间和客户对接。",
        ],
        sen=[
            "Help for companies in {detail} to set up in China, find partners and open sales channels.",
            "Local office space and buyer matching for {topic} startups entering the Chinese market.",
        ],
        oko=[
            "현지 법인 설립·인허가 컨설팅",
            "중국 바이어·파트너 매칭",
            "현지 사무공간 {months}개월 제공",
            "중국 투자자 IR 기회",
        ],
        ozh=[
            "公司注册与资质办理咨询",
            "对接中国客户与合作伙伴",
            "提供{months}个月本地办公空间",
            "面向中国投资人的路演",
        ],
        oen=[
            "help with company registration and licences",
            "matching with Chinese buyers and partners",
            "a local office for {months} months",
            "a pitch to Chinese investors",
        ],
    ),
    "market_kr": S(
        kind="soft_landing",
        related={"market_cn"},
        ko=[
            "해외 {topic} 스타트업 국내 정착 지원 프로그램",
            "{year} 글로벌 스타트업 한국 진출 지원 ({topic})",
            "외국인 창업자 대상 {topic} 코리아 랜딩 프로그램",
        ],
        zh=[
            "海外{topic}初创企业落地韩国支持计划",
            "{year}年全球创业企业进入韩国项目({topic})",
            "面向外国创业者的{topic}韩国落地计划",
        ],
        en=[
            "Korea Soft Landing Program for {topic} Startups",
            "{year} Global Startup Korea Entry Program ({topic})",
            "Launch in Korea: {topic} Program for Foreign Founders",
        ],
        sko=[
            "{detail} 분야 해외 스타트업의 한국 법인 설립, 비자, 국내 파트너 발굴을 지원합니다.",
            "한국 시장에 진출하려는 외국인 {topic} 창업자에게 사무공간과 정착 서비스를 제공합니다.",
        ],
        szh=[
            "协助{detail}领域的海外初创企业在韩国设立公司、办理签证并寻找本地合作伙伴。",
            "为希望进入韩国市场的外国{topic}创业者提供办公空间和落地服务。",
        ],
        sen=[
            "Company set-up, visas and local partners for overseas startups in {detail} that want to build in Korea.",
            "Office space and settling-in services for foreign {topic} founders entering the Korean market.",
        ],
        oko=[
            "창업비자(D-8-4) 취득 지원",
            "한국 법인 설립·세무 컨설팅",
            "국내 대기업·투자자 매칭",
            "정착지원금 {amount}",
        ],
        ozh=[
            "协助办理创业签证(D-8-4)",
            "韩国公司注册与税务咨询",
            "对接韩国大企业与投资人",
            "落地补贴{amount}",
        ],
        oen=[
            "help getting a startup visa (D-8-4)",
            "company registration and tax advice in Korea",
            "meetings with Korean corporates and investors",
            "a relocation grant {amount}",
        ],
    ),
    "market_us": S(
        kind="sales_overseas",
        related={"market_sea", "market_cn"},
        ko=[
            "{topic} 스타트업 실리콘밸리 진출 프로그램",
            "{year} 미국 시장 진출 지원 ({topic})",
            "북미 현지 액셀러레이팅 {topic} 기업 모집",
        ],
        zh=[
            "{topic}企业硅谷出海计划",
            "{year}年美国市场拓展支持({topic})",
            "北美本地加速{topic}企业招募",
        ],
        en=[
            "Silicon Valley Expansion Program for {topic} Startups",
            "{year} US Market Entry Support ({topic})",
            "North America Acceleration for {topic} Companies",
        ],
        sko=[
            "{detail} 분야 기업이 미국 현지에서 고객 검증과 투자 유치를 할 수 있도록 지원합니다.",
            "실리콘밸리 현지 파트너와 함께 {topic} 스타트업의 북미 진출을 돕습니다.",
        ],
        szh=[
            "帮助{detail}领域企业在美国当地完成客户验证与融资。",
            "联合硅谷本地合作伙伴,助力{topic}初创企业拓展北美市场。",
        ],
        sen=[
            "Customer validation and fundraising on the ground in the US for companies working on {detail}.",
            "With partners in Silicon Valley, we help {topic} startups expand into North America.",
        ],
        oko=[
            "현지 액셀러레이터 {weeks}주 프로그램",
            "미국 법인 설립 및 법률 자문",
            "현지 VC 대상 데모데이",
            "항공·체재비 {amount} 지원",
        ],
        ozh=[
            "当地加速器{weeks}周课程",
            "美国公司注册与法律咨询",
            "面向当地风投的路演日",
            "差旅费用{amount}",
        ],
        oen=[
            "a {weeks}-week programme with a local accelerator",
            "US incorporation and legal advice",
            "a demo day for local VCs",
            "travel costs covered {amount}",
        ],
    ),
    "market_sea": S(
        kind="sales_overseas",
        related={"market_us", "market_cn"},
        ko=[
            "{topic} 기업 동남아 시장 진출 지원",
            "{year} 싱가포르·베트남 진출 프로그램 ({topic})",
            "아세안 바이어 매칭 {topic} 수출 지원",
        ],
        zh=[
            "{topic}企业出海东南亚支持计划",
            "{year}年新加坡与越南市场拓展项目({topic})",
            "东盟采购商对接{topic}出口服务",
        ],
        en=[
            "Southeast Asia Expansion Program for {topic} Companies",
            "{year} Singapore and Vietnam Market Program ({topic})",
            "ASEAN Buyer Matching for {topic} Exporters",
        ],
        sko=[
            "{detail} 분야 기업의 싱가포르·베트남·인도네시아 시장 진출을 현지 파트너와 함께 지원합니다.",
            "동남아 바이어 상담회와 현지화 컨설팅으로 {topic} 기업의 수출을 돕습니다.",
        ],
        szh=[
            "联合当地伙伴,支持{detail}领域企业进入新加坡、越南和印尼市场。",
            "通过东南亚采购商洽谈会和本地化咨询,帮助{topic}企业拓展出口。",
        ],
        sen=[
            "With local partners we take companies in {detail} into Singapore, Vietnam and Indonesia.",
            "Buyer meetings in Southeast Asia and localisation advice to grow {topic} exports.",
        ],
        oko=[
            "현지 바이어 상담회 참가",
            "현지화·인증 컨설팅",
            "현지 유통 파트너 매칭",
            "출장비 {amount} 지원",
        ],
        ozh=["参加当地采购商洽谈会", "本地化与认证咨询", "对接当地分销伙伴", "差旅补贴{amount}"],
        oen=[
            "a seat at buyer meetings in the region",
            "localisation and certification advice",
            "introductions to distributors",
            "travel support {amount}",
        ],
    ),
    "rnd": S(
        kind="rnd",
        related={"testbed", "grant"},
        ko=[
            "{year}년 {topic} 기술개발(R&D) 과제 공고",
            "{topic} 창업성장 기술개발사업 참여기업 모집",
            "{region} {topic} 산학연 공동 R&D 지원",
        ],
        zh=[
            "{year}年{topic}关键技术研发项目申报指南",
            "{topic}科技型中小企业技术创新项目",
            "{region}{topic}产学研联合攻关项目",
        ],
        en=[
            "{year} {topic} R&D Grant Call",
            "{topic} Technology Development Program",
            "{region} Joint Industry-Academia R&D in {topic}",
        ],
        sko=[
            "{detail} 분야의 핵심 기술 개발 과제를 공모하여 최대 2년간 연구개발비를 지원합니다.",
            "대학·연구소와 함께 {topic} 원천기술을 개발하는 기업을 지원합니다.",
        ],
        szh=[
            "面向{detail}方向征集关键技术攻关课题,给予最长两年的研发经费支持。",
            "支持企业联合高校与科研院所开展{topic}核心技术研发。",
        ],
        sen=[
            "Research funding for up to two years for core technology projects in {detail}.",
            "Support for companies developing {topic} technology together with universities and research institutes.",
        ],
        oko=[
            "과제당 연구개발비 {amount}",
            "대학·출연연 공동연구 매칭",
            "연구장비 공동 활용",
            "기술이전·특허 지원",
        ],
        ozh=[
            "每个项目研发经费{amount}",
            "对接高校与科研院所联合研究",
            "共享科研仪器设备",
            "技术转移与专利支持",
        ],
        oen=[
            "research funding {amount} per project",
            "matching with university and institute labs",
            "shared research equipment",
            "help with technology transfer and patents",
        ],
    ),
    "talent": S(
        kind="talent",
        related={"education"},
        ko=[
            "{topic} 스타트업 인재 채용 지원사업",
            "{year} {topic} 청년 인턴십 매칭",
            "{region} {topic} 전문인력 인건비 지원",
        ],
        zh=[
            "{topic}初创企业人才招聘支持",
            "{year}年{topic}青年实习对接计划",
            "{region}{topic}专业人才薪资补贴",
        ],
        en=[
            "{topic} Startup Hiring Support",
            "{year} {topic} Graduate Internship Matching",
            "{region} Salary Support for {topic} Specialists",
        ],
        sko=[
            "{detail} 분야 스타트업이 개발자와 전문인력을 채용할 때 인건비를 지원합니다.",
            "대학 졸업생과 {topic} 스타트업을 연결하는 채용 매칭 프로그램입니다.",
        ],
        szh=[
            "{detail}领域初创企业招聘工程师和专业人才时给予薪资补贴。",
            "连接高校毕业生与{topic}初创企业的招聘对接项目。",
        ],
        sen=[
            "Salary support when startups working on {detail} hire engineers and specialists.",
            "A hiring programme that connects graduates with {topic} startups.",
        ],
        oko=[
            "신규 채용 인력 인건비 {amount}",
            "채용 박람회 참가",
            "인턴 매칭과 교육",
            "채용 공고 홍보",
        ],
        ozh=["新招聘人员薪资补贴{amount}", "参加专场招聘会", "实习生对接与培训", "招聘信息推广"],
        oen=[
            "salary support {amount} per new hire",
            "a stand at the hiring fair",
            "intern matching and training",
            "job ads promoted to our network",
        ],
    ),
}
KIND_OF_MARKET_ABROAD = {
    "market_cn": "soft_landing"
}  # a Chinese host welcoming startups into China

AMOUNTS = {
    "ko": ["최대 3천만원", "최대 5천만원", "최대 1억원", "최대 2억원"],
    "zh": ["最高30万元", "最高50万元", "最高100万元", "最高200万元"],
    "en": [
        "of up to USD 25,000",
        "of up to USD 40,000",
        "of up to USD 80,000",
        "of up to USD 150,000",
    ],
}
STAGES = {
    "pre_seed": {"ko": "예비창업자", "zh": "预创业团队", "en": "pre-seed teams"},
    "seed": {
        "ko": "창업 3년 이내 초기 기업",
        "zh": "成立三年以内的初创企业",
        "en": "seed-stage startups under three years old",
    },
    "series_a": {
        "ko": "창업 7년 이내 도약기 기업",
        "zh": "成立七年以内的成长期企业",
        "en": "Series A startups under seven years old",
    },
    "growth": {
        "ko": "매출이 발생한 성장단계 기업",
        "zh": "已有营收的成长型企业",
        "en": "growth-stage companies with revenue",
    },
}
HEAD = {
    "ko": ["□ 사업 개요", "□ 지원 대상", "□ 지원 내용", "□ 선정 절차", "□ 신청 방법"],
    "zh": ["一、项目简介", "二、申报对象", "三、支持内容", "四、评审流程", "五、申报方式"],
    "en": ["About the program", "Who can apply", "What you get", "Selection", "How to apply"],
}
WHERE = {"ko": "□ 지역: {region}", "zh": "六、所在地区:{region}", "en": "Location: {region}"}
PREFERRED = {
    "ko": " {region} 소재 기업을 우대합니다.",
    "zh": "优先支持{region}企业。",
    "en": " Companies based in {region} are preferred.",
}
ELIGIBLE = {
    "ko": ["{detail} 분야의 {stage}", "{region} 소재 또는 이전 예정인 {stage} ({detail} 분야)"],
    "zh": ["{detail}领域的{stage}", "注册在{region}或计划落户{region}的{stage}({detail}方向)"],
    "en": [
        "{stage} working on {detail}",
        "{stage} based in {region} or ready to move there, working on {detail}",
    ],
}
SELECTION = {
    "ko": [
        "서류 평가 → 발표 평가 → 최종 선정",
        "서면 심사 → 대면 인터뷰 → 협약 체결",
        "온라인 접수 → 전문가 심사 → 결과 개별 통보",
    ],
    "zh": [
        "材料初审 → 路演答辩 → 最终入选",
        "书面评审 → 面试 → 签订协议",
        "线上申报 → 专家评审 → 结果另行通知",
    ],
    "en": [
        "paper review, then a pitch to the panel, then final selection",
        "written review, an interview, then the agreement",
        "online application, expert review, results by e-mail",
    ],
}
APPLY = {
    "ko": [
        "{org} 누리집에서 온라인 신청 (붙임 공고문 참조)",
        "신청서와 사업계획서를 이메일로 제출",
        "K-Startup 누리집을 통해 온라인 접수",
    ],
    "zh": [
        "登录{org}官网在线申报(详见附件通知)",
        "将申请表和商业计划书发送至指定邮箱",
        "通过线上申报系统提交材料",
    ],
    "en": [
        "apply online on the {org} website (see the attached call)",
        "send the application form and your deck by e-mail",
        "apply through the online portal",
    ],
}
JOIN = {"ko": "\n", "zh": "\n", "en": "\n"}

# --- organisations: region, languages they write in, what they run, which topics -----------

ALL = None
Org = dict
ORGS: list[dict] = [
    Org(
        slug="seoul-startup-hub",
        region="seoul",
        kind="government",
        lang={"ko": 0.85, "en": 0.15},
        name={"ko": "서울창업허브", "en": "Seoul Startup Hub"},
        supports={
            "space": 3,
            "mentoring": 3,
            "investment": 2,
            "events": 2,
            "market_us": 1,
            "market_sea": 1,
            "grant": 2,
            "education": 2,
        },
        topics=ALL,
        weight=5,
    ),
    Org(
        slug="seoul-robot-center",
        region="seoul",
        kind="innovation_center",
        lang={"ko": 0.9, "en": 0.1},
        name={"ko": "서울 로봇산업 실증센터"},
        supports={"testbed": 5, "rnd": 2, "space": 1, "events": 1, "prototype": 1},
        topics=[
            "service_robot",
            "industrial_robot",
            "vision_ai",
            "autonomous",
            "drone_uam",
            "smart_city",
            "silver_care",
        ],
        weight=3,
    ),
    Org(
        slug="gyeonggi-pangyo-center",
        region="pangyo",
        kind="innovation_center",
        lang={"ko": 0.85, "en": 0.15},
        name={"ko": "경기혁신센터 판교", "en": "Gyeonggi Innovation Center Pangyo"},
        supports={
            "open_innovation": 3,
            "investment": 2,
            "mentoring": 2,
            "market_us": 1,
            "market_cn": 1,
            "space": 2,
        },
        topics=[
            "gen_ai",
            "vision_ai",
            "ai_chip",
            "fabless",
            "saas",
            "cybersecurity",
            "games",
            "xr",
            "autonomous",
        ],
        weight=4,
    ),
    Org(
        slug="busan-technopark",
        region="busan",
        kind="government",
        lang={"ko": 0.95, "en": 0.05},
        name={"ko": "부산테크노파크"},
        supports={"testbed": 3, "rnd": 2, "grant": 2, "prototype": 2, "space": 1},
        topics=[
            "smart_factory",
            "materials",
            "autonomous",
            "drone_uam",
            "renewable",
            "circular",
            "industrial_robot",
            "ev_battery",
        ],
        weight=3,
    ),
    Org(
        slug="daedeok-deeptech-campus",
        region="daejeon",
        kind="university",
        lang={"ko": 0.9, "en": 0.1},
        name={"ko": "대덕 딥테크 캠퍼스"},
        supports={"rnd": 3, "education": 2, "prototype": 2, "space": 2, "testbed": 1},
        topics=[
            "ai_chip",
            "fabless",
            "space_tech",
            "biopharma",
            "materials",
            "renewable",
            "drone_uam",
        ],
        weight=3,
    ),
    Org(
        slug="daegu-medivalley",
        region="daegu",
        kind="government",
        lang={"ko": 0.95, "en": 0.05},
        name={"ko": "대구 메디밸리 창업지원센터"},
        supports={"testbed": 2, "rnd": 2, "space": 2, "grant": 2, "mentoring": 1},
        topics=["medical_device", "digital_health", "biopharma", "silver_care"],
        weight=3,
    ),
    Org(
        slug="gwangju-ai-camp",
        region="gwangju",
        kind="government",
        lang={"ko": 0.95, "en": 0.05},
        name={"ko": "광주 인공지능 창업캠프"},
        supports={"space": 2, "grant": 2, "mentoring": 1, "testbed": 2, "rnd": 1},
        topics=["gen_ai", "vision_ai", "ev_battery", "autonomous", "smart_city", "digital_health"],
        weight=3,
    ),
    Org(
        slug="songdo-global-campus",
        region="incheon",
        kind="incubator",
        lang={"ko": 0.6, "en": 0.4},
        name={"ko": "송도 글로벌 창업캠퍼스", "en": "Songdo Global Startup Campus"},
        supports={"market_kr": 2, "space": 2, "market_us": 1, "testbed": 1, "rnd": 1},
        topics=["biopharma", "medical_device", "ecommerce", "beauty", "smart_city", "proptech"],
        weight=3,
    ),
    Org(
        slug="seoul-fintech-lab",
        region="seoul",
        kind="incubator",
        lang={"ko": 0.85, "en": 0.15},
        name={"ko": "서울핀테크랩", "en": "Seoul Fintech Lab"},
        supports={"space": 2, "mentoring": 2, "investment": 2, "market_sea": 1, "testbed": 1},
        topics=["payments", "wealthtech", "blockchain", "cybersecurity"],
        weight=3,
    ),
    Org(
        slug="seoul-content-lab",
        region="seoul",
        kind="government",
        lang={"ko": 0.95, "en": 0.05},
        name={"ko": "서울 콘텐츠 창업랩"},
        supports={
            "space": 2,
            "grant": 2,
            "market_us": 1,
            "market_cn": 1,
            "market_sea": 1,
            "events": 2,
            "education": 1,
        },
        topics=["webtoon", "games", "xr", "edtech"],
        weight=3,
    ),
    Org(
        slug="iksan-foodtech-center",
        region="jeonbuk",
        kind="government",
        lang={"ko": 1.0},
        name={"ko": "농식품 벤처육성센터"},
        supports={"testbed": 2, "space": 1, "grant": 2, "rnd": 2, "market_sea": 1},
        topics=["smart_farm", "foodtech", "seed_breeding"],
        weight=3,
    ),
    Org(
        slug="seoul-climate-hub",
        region="seoul",
        kind="accelerator",
        lang={"ko": 0.8, "en": 0.2},
        name={"ko": "기후테크 스타트업 허브", "en": "Climate Tech Startup Hub"},
        supports={
            "grant": 2,
            "investment": 2,
            "open_innovation": 2,
            "market_us": 1,
            "mentoring": 1,
        },
        topics=["carbon_neutral", "renewable", "circular", "ev_battery"],
        weight=3,
    ),
    Org(
        slug="seongsu-social-hub",
        region="seoul",
        kind="incubator",
        lang={"ko": 1.0},
        name={"ko": "성수 소셜벤처 허브"},
        supports={"space": 2, "mentoring": 2, "investment": 1, "education": 2},
        topics=["social_venture", "silver_care", "circular", "edtech"],
        weight=2,
    ),
    Org(
        slug="kic-beijing",
        region="beijing",
        kind="innovation_center",
        lang={"ko": 0.9, "en": 0.1},
        name={"ko": "한국혁신센터 베이징"},
        supports={"market_cn": 5, "mentoring": 1, "events": 1},
        topics=ALL,
        weight=2,
    ),
    Org(
        slug="shanghai-korea-desk",
        region="shanghai",
        kind="government",
        lang={"ko": 1.0},
        name={"ko": "상하이 한국 스타트업 지원센터"},
        supports={"market_cn": 4, "events": 1},
        topics=["ecommerce", "beauty", "games", "webtoon", "foodtech", "payments"],
        weight=1,
    ),
    Org(
        slug="k-global-office",
        region="seoul",
        kind="government",
        lang={"en": 0.8, "ko": 0.2},
        name={"en": "K-Global Startup Office", "ko": "K-글로벌 스타트업 오피스"},
        supports={"market_kr": 5, "space": 1, "mentoring": 1},
        topics=ALL,
        weight=3,
    ),
    Org(
        slug="seoul-global-startup-center",
        region="seoul",
        kind="government",
        lang={"en": 0.7, "ko": 0.15, "zh": 0.15},
        name={"en": "Seoul Global Startup Center", "ko": "서울글로벌창업센터"},
        supports={"market_kr": 3, "space": 2, "mentoring": 2, "talent": 1, "education": 1},
        topics=ALL,
        weight=3,
    ),
    Org(
        slug="hangang-university-startup",
        region="seoul",
        kind="university",
        lang={"ko": 1.0},
        name={"ko": "한강대학교 창업지원단"},
        supports={"education": 3, "space": 2, "prototype": 2, "grant": 1, "talent": 2, "events": 1},
        topics=ALL,
        weight=3,
    ),
    Org(
        slug="hanbit-ventures",
        region="pangyo",
        kind="investor",
        lang={"ko": 0.9, "en": 0.1},
        name={"ko": "한빛벤처스", "en": "Hanbit Ventures"},
        supports={"investment": 4, "mentoring": 2},
        topics=ALL,
        weight=2,
    ),
    Org(
        slug="daon-electronics-oi",
        region="pangyo",
        kind="corporate",
        lang={"ko": 0.8, "en": 0.2},
        name={"ko": "다온전자", "en": "Daon Electronics"},
        supports={"open_innovation": 4, "testbed": 1, "investment": 1},
        topics=[
            "gen_ai",
            "vision_ai",
            "ai_chip",
            "fabless",
            "smart_factory",
            "service_robot",
            "industrial_robot",
            "ev_battery",
            "xr",
        ],
        weight=2,
    ),
    Org(
        slug="kr-sme-finance",
        region="seoul",
        kind="government",
        lang={"ko": 1.0},
        name={"ko": "중소벤처 정책금융센터"},
        supports={"loan": 5, "grant": 1},
        topics=ALL,
        weight=2,
    ),
    Org(
        slug="seoul-talent-center",
        region="seoul",
        kind="government",
        lang={"ko": 1.0},
        name={"ko": "서울 스타트업 인재매칭센터"},
        supports={"talent": 4, "education": 2},
        topics=ALL,
        weight=1,
    ),
    Org(
        slug="kr-silicon-valley-center",
        region="silicon_valley",
        kind="government",
        lang={"ko": 0.8, "en": 0.2},
        name={"ko": "코리아 스타트업 센터 실리콘밸리"},
        supports={"market_us": 5, "mentoring": 1},
        topics=ALL,
        weight=2,
    ),
    Org(
        slug="kr-singapore-desk",
        region="singapore",
        kind="government",
        lang={"ko": 1.0},
        name={"ko": "싱가포르 한국창업지원데스크"},
        supports={"market_sea": 4, "events": 1},
        topics=ALL,
        weight=1,
    ),
    # China
    Org(
        slug="zgc-robotics-center",
        region="beijing",
        kind="innovation_center",
        lang={"zh": 0.9, "en": 0.1},
        name={"zh": "中关村机器人创新中心"},
        supports={"testbed": 5, "rnd": 2, "space": 1, "prototype": 2},
        topics=[
            "service_robot",
            "industrial_robot",
            "vision_ai",
            "autonomous",
            "drone_uam",
            "smart_factory",
            "silver_care",
        ],
        weight=3,
    ),
    Org(
        slug="beijing-ai-park",
        region="beijing",
        kind="government",
        lang={"zh": 0.9, "en": 0.1},
        name={"zh": "北京人工智能创新园"},
        supports={
            "space": 2,
            "grant": 2,
            "rnd": 2,
            "investment": 1,
            "open_innovation": 1,
            "testbed": 1,
        },
        topics=["gen_ai", "vision_ai", "ai_chip", "saas"],
        weight=3,
    ),
    Org(
        slug="zgc-startup-street",
        region="beijing",
        kind="incubator",
        lang={"zh": 0.85, "en": 0.15},
        name={"zh": "中关村创业大街孵化中心"},
        supports={"space": 3, "mentoring": 2, "events": 2, "investment": 2, "education": 1},
        topics=ALL,
        weight=4,
    ),
    Org(
        slug="haidian-university-camp",
        region="beijing",
        kind="university",
        lang={"zh": 1.0},
        name={"zh": "海淀高校创业训练营"},
        supports={"education": 3, "events": 2, "talent": 2, "prototype": 1},
        topics=ALL,
        weight=2,
    ),
    Org(
        slug="beijing-intl-service",
        region="beijing",
        kind="government",
        lang={"zh": 0.7, "en": 0.3},
        name={"zh": "北京国际创业服务中心", "en": "Beijing International Startup Service Center"},
        supports={"market_cn": 5, "space": 1, "talent": 1},
        topics=ALL,
        weight=3,
    ),
    Org(
        slug="zhangjiang-bio-incubator",
        region="shanghai",
        kind="incubator",
        lang={"zh": 0.9, "en": 0.1},
        name={"zh": "张江科学城生物医药孵化器"},
        supports={"space": 3, "rnd": 2, "testbed": 2, "investment": 1, "grant": 1},
        topics=["biopharma", "medical_device", "digital_health", "ai_chip", "fabless"],
        weight=3,
    ),
    Org(
        slug="shanghai-fintech-center",
        region="shanghai",
        kind="government",
        lang={"zh": 0.85, "en": 0.15},
        name={"zh": "上海金融科技创新中心"},
        supports={"testbed": 2, "space": 2, "investment": 2, "market_sea": 1},
        topics=["payments", "wealthtech", "blockchain", "cybersecurity"],
        weight=2,
    ),
    Org(
        slug="shanghai-intl-innovation-port",
        region="shanghai",
        kind="innovation_center",
        lang={"zh": 0.7, "en": 0.3},
        name={"zh": "上海国际创新港", "en": "Shanghai International Innovation Port"},
        supports={"market_cn": 4, "events": 1, "market_sea": 1},
        topics=ALL,
        weight=2,
    ),
    Org(
        slug="shenzhen-hardware-accelerator",
        region="shenzhen",
        kind="accelerator",
        lang={"zh": 0.8, "en": 0.2},
        name={"zh": "深圳硬件创新加速器", "en": "Shenzhen Hardware Accelerator"},
        supports={"prototype": 5, "mentoring": 2, "market_us": 1, "market_sea": 1, "investment": 1},
        topics=[
            "service_robot",
            "industrial_robot",
            "drone_uam",
            "ev_battery",
            "medical_device",
            "smart_factory",
            "materials",
            "xr",
            "silver_care",
            None,
        ],
        weight=4,
    ),
    Org(
        slug="nanshan-startup-service",
        region="shenzhen",
        kind="government",
        lang={"zh": 1.0},
        name={"zh": "南山区创业服务中心"},
        supports={"space": 2, "grant": 2, "loan": 2, "talent": 2, "events": 1},
        topics=ALL,
        weight=3,
    ),
    Org(
        slug="hangzhou-crossborder-park",
        region="hangzhou",
        kind="incubator",
        lang={"zh": 1.0},
        name={"zh": "杭州跨境电商创业园"},
        supports={"space": 2, "market_sea": 2, "market_us": 1, "mentoring": 1, "events": 1},
        topics=["ecommerce", "beauty", "saas", "payments", "games"],
        weight=2,
    ),
    Org(
        slug="hangzhou-future-tech-city",
        region="hangzhou",
        kind="government",
        lang={"zh": 1.0},
        name={"zh": "杭州未来科技城"},
        supports={"space": 2, "grant": 2, "talent": 2, "open_innovation": 1, "investment": 1},
        topics=["gen_ai", "vision_ai", "saas", "cybersecurity", "smart_city", "ecommerce"],
        weight=3,
    ),
    Org(
        slug="suzhou-nano-city",
        region="suzhou",
        kind="government",
        lang={"zh": 1.0},
        name={"zh": "苏州纳米城"},
        supports={"testbed": 2, "prototype": 2, "rnd": 2, "space": 1, "loan": 1},
        topics=["materials", "fabless", "ai_chip", "medical_device", "ev_battery"],
        weight=2,
    ),
    Org(
        slug="pinggu-agritech-park",
        region="beijing",
        kind="government",
        lang={"zh": 1.0},
        name={"zh": "平谷农业科技创新园"},
        supports={"testbed": 2, "rnd": 2, "grant": 2, "events": 1},
        topics=["smart_farm", "foodtech", "seed_breeding"],
        weight=2,
    ),
    Org(
        slug="shanghai-carbon-center",
        region="shanghai",
        kind="innovation_center",
        lang={"zh": 1.0},
        name={"zh": "上海碳中和技术创新中心"},
        supports={"testbed": 2, "grant": 2, "rnd": 2, "open_innovation": 1},
        topics=["carbon_neutral", "renewable", "circular", "ev_battery"],
        weight=2,
    ),
    Org(
        slug="beijing-culture-tech-park",
        region="beijing",
        kind="government",
        lang={"zh": 1.0},
        name={"zh": "北京文化科技园"},
        supports={"space": 2, "grant": 2, "events": 2, "market_sea": 1},
        topics=["webtoon", "games", "xr", "edtech"],
        weight=2,
    ),
    Org(
        slug="beijing-tech-finance",
        region="beijing",
        kind="government",
        lang={"zh": 1.0},
        name={"zh": "北京科技金融服务中心"},
        supports={"loan": 4, "investment": 2},
        topics=ALL,
        weight=2,
    ),
    Org(
        slug="shenzhen-smart-city-lab",
        region="shenzhen",
        kind="innovation_center",
        lang={"zh": 1.0},
        name={"zh": "深圳智慧城市创新实验室"},
        supports={"testbed": 3, "open_innovation": 2, "rnd": 1},
        topics=["smart_city", "proptech", "autonomous", "vision_ai", "drone_uam"],
        weight=2,
    ),
    Org(
        slug="beijing-space-center",
        region="beijing",
        kind="innovation_center",
        lang={"zh": 1.0},
        name={"zh": "北京商业航天创新中心"},
        supports={"testbed": 2, "rnd": 2, "space": 1, "investment": 1},
        topics=["space_tech", "drone_uam"],
        weight=2,
    ),
    Org(
        slug="china-singapore-bridge",
        region="singapore",
        kind="accelerator",
        lang={"zh": 0.7, "en": 0.3},
        name={"zh": "中新创业加速中心"},
        supports={"market_sea": 3, "market_cn": 1},
        topics=ALL,
        weight=1,
    ),
    # elsewhere, in English
    Org(
        slug="lion-city-ventures",
        region="singapore",
        kind="accelerator",
        lang={"en": 1.0},
        name={"en": "Lion City Venture Studio"},
        supports={"market_sea": 3, "mentoring": 2, "investment": 2, "space": 1},
        topics=["payments", "wealthtech", "ecommerce", "saas", "foodtech", "carbon_neutral"],
        weight=3,
    ),
    Org(
        slug="bay-bridge-accelerator",
        region="silicon_valley",
        kind="accelerator",
        lang={"en": 1.0},
        name={"en": "Bay Bridge Accelerator"},
        supports={"market_us": 3, "mentoring": 3, "investment": 2},
        topics=["gen_ai", "saas", "digital_health", "cybersecurity", "vision_ai"],
        weight=3,
    ),
    Org(
        slug="rhine-industrial-oi",
        region="berlin",
        kind="corporate",
        lang={"en": 1.0},
        name={"en": "Rhine Industrial Open Innovation"},
        supports={"open_innovation": 3, "testbed": 2, "mentoring": 1},
        topics=[
            "smart_factory",
            "industrial_robot",
            "materials",
            "ev_battery",
            "autonomous",
            "renewable",
        ],
        weight=2,
    ),
    Org(
        slug="nordic-health-bridge",
        region="berlin",
        kind="accelerator",
        lang={"en": 1.0},
        name={"en": "Nordic Health Bridge"},
        supports={"mentoring": 2, "investment": 1, "market_us": 1, "testbed": 1},
        topics=["digital_health", "medical_device", "silver_care", "biopharma"],
        weight=1,
    ),
]

# --- the queries: hand-written in a founder's words, with their intent ------------------------
# (lang, text, topics, supports, regions); regions are region ids or country codes.


def Q(*fields) -> tuple:  # noqa: N802 - reads as a table row
    return fields


QUERIES: list[tuple] = [
    # ---- Korean ----
    Q(
        "ko",
        "배달 로봇을 아파트 단지에서 시범 운행해 볼 수 있는 곳",
        ["service_robot"],
        ["testbed"],
        [],
    ),
    Q(
        "ko",
        "베이징에서 서비스로봇 실증할 수 있는 프로그램",
        ["service_robot"],
        ["testbed"],
        ["beijing"],
    ),
    Q("ko", "협동로봇 공장 적용 테스트", ["industrial_robot"], ["testbed"], []),
    Q("ko", "LLM 기반 서비스 만드는 초기 스타트업 사업화 자금", ["gen_ai"], ["grant"], []),
    Q(
        "ko",
        "중국 베이징에 있는 인공지능 스타트업 입주 공간",
        ["gen_ai", "vision_ai"],
        ["space"],
        ["beijing"],
    ),
    Q("ko", "항저우 AI 기업 지원금", ["gen_ai", "vision_ai"], ["grant"], ["hangzhou"]),
    Q("ko", "CCTV 영상 분석 솔루션 대기업 협업", ["vision_ai"], ["open_innovation"], []),
    Q("ko", "NPU 설계 스타트업 연구개발 과제", ["ai_chip"], ["rnd"], []),
    Q(
        "ko",
        "쑤저우 반도체 시제품 공정 지원",
        ["fabless", "ai_chip"],
        ["prototype", "testbed"],
        ["suzhou"],
    ),
    Q("ko", "원격진료 앱 투자 받고 싶어요", ["digital_health"], ["investment"], []),
    Q("ko", "상하이 바이오 실험실 입주", ["biopharma"], ["space"], ["shanghai"]),
    Q("ko", "의료기기 임상 실증 지원 대구", ["medical_device"], ["testbed"], ["daegu"]),
    Q("ko", "신약 후보물질 개발 R&D 지원금", ["biopharma"], ["rnd"], []),
    Q("ko", "어르신 낙상 감지 기기 만드는 회사 지원사업", ["silver_care"], [], []),
    Q("ko", "결제 서비스 핀테크 사무실", ["payments"], ["space"], ["KR"]),
    Q(
        "ko",
        "상하이 핀테크 규제 샌드박스 테스트",
        ["payments", "wealthtech", "blockchain"],
        ["testbed"],
        ["shanghai"],
    ),
    Q("ko", "로보어드바이저 자산관리 스타트업 투자", ["wealthtech"], ["investment"], []),
    Q("ko", "블록체인 창업 멘토링", ["blockchain"], ["mentoring"], []),
    Q("ko", "자율주행 셔틀 중국 시범운행 지구", ["autonomous"], ["testbed"], ["CN"]),
    Q("ko", "자율주행 라이다 스타트업 연구개발", ["autonomous"], ["rnd"], []),
    Q("ko", "전기차 배터리 재활용 기술 사업화", ["ev_battery"], ["grant"], []),
    Q("ko", "드론 비행 시험장 지원", ["drone_uam"], ["testbed"], []),
    Q("ko", "선전에서 드론 시제품 만들기", ["drone_uam"], ["prototype"], ["shenzhen"]),
    Q("ko", "위성 스타트업 지원 프로그램", ["space_tech"], [], []),
    Q("ko", "베이징 상업용 로켓 위성 기업 지원", ["space_tech"], [], ["beijing"]),
    Q("ko", "수소 연료전지 기술개발 과제", ["renewable"], ["rnd"], []),
    Q("ko", "탄소배출량 측정 솔루션 투자유치", ["carbon_neutral"], ["investment"], []),
    Q("ko", "상하이 탄소중립 기술 실증", ["carbon_neutral"], ["testbed"], ["shanghai"]),
    Q("ko", "플라스틱 재활용 스타트업", ["circular"], [], []),
    Q("ko", "웹툰 IP 해외 진출", ["webtoon"], ["market_us", "market_sea", "market_cn"], []),
    Q("ko", "인디게임 개발사 사무실 입주", ["games"], ["space"], []),
    Q("ko", "게임 회사 중국 퍼블리싱 진출", ["games"], ["market_cn"], []),
    Q("ko", "VR 콘텐츠 제작사 지원금", ["xr"], ["grant"], []),
    Q("ko", "화장품 브랜드 중국 수출", ["beauty"], ["market_cn"], []),
    Q("ko", "항저우 크로스보더 이커머스 창업원 입주", ["ecommerce"], ["space"], ["hangzhou"]),
    Q("ko", "라이브커머스 동남아 진출", ["ecommerce"], ["market_sea"], []),
    Q("ko", "에듀테크 창업 교육", ["edtech"], ["education"], []),
    Q("ko", "스마트팜 실증단지", ["smart_farm"], ["testbed"], []),
    Q(
        "ko",
        "베이징 농업기술 실증 기회",
        ["smart_farm", "foodtech", "seed_breeding"],
        ["testbed"],
        ["beijing"],
    ),
    Q("ko", "대체육 배양육 연구개발 지원", ["foodtech"], ["rnd"], []),
    Q("ko", "신품종 종자 육종 기업 지원", ["seed_breeding"], [], []),
    Q("ko", "제조 공장 예지보전 솔루션 대기업 PoC", ["smart_factory"], ["open_innovation"], []),
    Q("ko", "탄소섬유 복합재 양산 기술 개발", ["materials"], ["rnd"], []),
    Q("ko", "스마트시티 솔루션 선전 실증", ["smart_city"], ["testbed"], ["shenzhen"]),
    Q("ko", "건설현장 안전 기술 스타트업 지원", ["proptech"], [], []),
    Q("ko", "보안 솔루션 스타트업 미국 진출", ["cybersecurity"], ["market_us"], []),
    Q("ko", "SaaS 스타트업 실리콘밸리 액셀러레이터", ["saas"], ["market_us", "mentoring"], ["US"]),
    Q("ko", "사회적기업 사무실 지원", ["social_venture"], ["space"], []),
    Q("ko", "선전 하드웨어 스타트업 양산 지원", [], ["prototype"], ["shenzhen"]),
    Q("ko", "베이징 창업 공간 입주 모집", [], ["space"], ["beijing"]),
    Q("ko", "중국 현지 법인 설립 도와주는 프로그램", [], ["market_cn"], []),
    Q("ko", "싱가포르 진출 액셀러레이팅", [], ["market_sea"], ["singapore"]),
    Q("ko", "창업 3년차 저금리 대출", [], ["loan"], ["KR"]),
    Q("ko", "선전 스타트업 대출 지원", [], ["loan"], ["shenzhen"]),
    Q("ko", "개발자 채용할 때 인건비 지원", [], ["talent"], ["KR"]),
    Q("ko", "베이징 대학생 창업 경진대회", [], ["events"], ["beijing"]),
    Q("ko", "투자자 앞에서 피칭할 기회 데모데이", [], ["investment"], ["KR"]),
    Q("ko", "중국 쪽 투자자 만날 수 있는 IR 행사", [], ["investment"], ["CN"]),
    Q(
        "ko",
        "베를린 제조기업 오픈이노베이션",
        ["smart_factory", "industrial_robot", "materials"],
        ["open_innovation"],
        ["berlin"],
    ),
    Q(
        "ko",
        "싱가포르 핀테크 멘토링 프로그램",
        ["payments", "wealthtech", "blockchain"],
        ["mentoring"],
        ["singapore"],
    ),
    Q("ko", "상하이 의료기기 연구개발 지원", ["medical_device"], ["rnd"], ["shanghai"]),
    # ---- Chinese ----
    Q("zh", "送餐机器人想找医院做试点", ["service_robot"], ["testbed"], []),
    Q(
        "zh",
        "首尔有没有机器人测试场地",
        ["service_robot", "industrial_robot"],
        ["testbed"],
        ["seoul"],
    ),
    Q("zh", "机械臂产线自动化验证", ["industrial_robot"], ["testbed"], []),
    Q("zh", "大模型创业公司 补贴", ["gen_ai"], ["grant"], []),
    Q("zh", "韩国光州人工智能创业营", ["gen_ai", "vision_ai"], ["space", "grant"], ["gwangju"]),
    Q("zh", "图像识别 和大企业合作做概念验证", ["vision_ai"], ["open_innovation"], []),
    Q("zh", "AI芯片研发项目申报", ["ai_chip"], ["rnd"], []),
    Q("zh", "韩国大田 半导体研发合作", ["fabless", "ai_chip"], ["rnd"], ["daejeon"]),
    Q("zh", "互联网医疗项目融资", ["digital_health"], ["investment"], []),
    Q("zh", "韩国大邱医疗器械临床验证", ["medical_device"], ["testbed"], ["daegu"]),
    Q("zh", "生物医药孵化器入驻 张江", ["biopharma"], ["space"], ["shanghai"]),
    Q("zh", "养老科技创业支持", ["silver_care"], [], []),
    Q("zh", "首尔金融科技办公空间", ["payments", "wealthtech", "blockchain"], ["space"], ["seoul"]),
    Q("zh", "跨境支付创业者导师辅导", ["payments"], ["mentoring"], []),
    Q("zh", "区块链项目投资", ["blockchain"], ["investment"], []),
    Q("zh", "在韩国做自动驾驶测试", ["autonomous"], ["testbed"], ["KR"]),
    Q("zh", "无人驾驶技术攻关课题", ["autonomous"], ["rnd"], []),
    Q("zh", "电池回收初创企业资助", ["ev_battery"], ["grant"], []),
    Q("zh", "釜山 二次电池 测试认证", ["ev_battery"], ["testbed"], ["busan"]),
    Q("zh", "无人机试飞验证", ["drone_uam"], ["testbed"], []),
    Q("zh", "卫星公司 研发支持", ["space_tech"], ["rnd"], []),
    Q("zh", "韩国 航天 初创", ["space_tech"], [], ["KR"]),
    Q("zh", "氢能 科研项目", ["renewable"], ["rnd"], []),
    Q("zh", "气候科技公司怎么找投资", ["carbon_neutral"], ["investment"], []),
    Q(
        "zh",
        "首尔碳中和创业加速",
        ["carbon_neutral"],
        ["mentoring", "grant", "investment"],
        ["seoul"],
    ),
    Q("zh", "废塑料再生项目扶持", ["circular"], [], []),
    Q("zh", "韩国漫画公司合作 进军中国", ["webtoon"], ["market_cn"], []),
    Q("zh", "游戏工作室 众创空间", ["games"], ["space"], []),
    Q("zh", "首尔游戏开发团队入驻", ["games"], ["space"], ["seoul"]),
    Q("zh", "元宇宙内容 资金扶持", ["xr"], ["grant"], []),
    Q("zh", "韩国化妆品品牌", ["beauty"], [], ["KR"]),
    Q("zh", "美妆品牌出海东南亚", ["beauty"], ["market_sea"], []),
    Q("zh", "跨境电商 入驻园区", ["ecommerce"], ["space"], []),
    Q("zh", "教育科技 创业培训", ["edtech"], ["education"], []),
    Q("zh", "韩国 智慧农业 示范基地", ["smart_farm"], ["testbed"], ["KR"]),
    Q("zh", "植物肉 研发经费", ["foodtech"], ["rnd"], []),
    Q("zh", "种业企业支持政策", ["seed_breeding"], [], []),
    Q("zh", "工厂数字化 大企业合作", ["smart_factory"], ["open_innovation"], []),
    Q(
        "zh",
        "釜山制造业测试验证",
        ["smart_factory", "materials", "industrial_robot"],
        ["testbed"],
        ["busan"],
    ),
    Q("zh", "碳纤维材料 样机 打样", ["materials"], ["prototype"], []),
    Q("zh", "智慧城市 场景验证", ["smart_city"], ["testbed"], []),
    Q("zh", "装配式建筑 科技公司扶持", ["proptech"], [], []),
    Q("zh", "网络安全企业 去美国发展", ["cybersecurity"], ["market_us"], []),
    Q("zh", "企业软件 硅谷加速器", ["saas"], ["market_us", "mentoring"], ["US"]),
    Q("zh", "社会企业 孵化", ["social_venture"], ["space", "mentoring"], []),
    Q("zh", "外国人在韩国创业 签证和落地", [], ["market_kr"], []),
    Q("zh", "中国团队想去韩国发展 有什么支持", [], ["market_kr"], []),
    Q("zh", "首尔 创业孵化器 入驻", [], ["space"], ["seoul"]),
    Q("zh", "韩国 样机制作 补贴", [], ["prototype"], ["KR"]),
    Q("zh", "首尔 创业者 一对一辅导", [], ["mentoring"], ["seoul"]),
    Q("zh", "韩国 初创企业 贷款", [], ["loan"], ["KR"]),
    Q("zh", "深圳 科技企业 贴息贷款", [], ["loan"], ["shenzhen"]),
    Q("zh", "首尔 招聘 实习生 补贴", [], ["talent"], ["seoul"]),
    Q("zh", "韩国 创业大赛", [], ["events"], ["KR"]),
    Q("zh", "路演 投资人 对接", [], ["investment"], ["CN"]),
    Q("zh", "新加坡市场拓展", [], ["market_sea"], ["singapore"]),
    Q(
        "zh",
        "柏林 工业 开放创新",
        ["smart_factory", "industrial_robot", "materials"],
        ["open_innovation"],
        ["berlin"],
    ),
    Q("zh", "数字健康 硅谷", ["digital_health"], ["market_us", "mentoring"], ["US"]),
    Q("zh", "韩国 板桥 游戏公司投资", ["games"], ["investment"], ["pangyo"]),
    Q("zh", "益山 食品科技", ["foodtech", "smart_farm", "seed_breeding"], [], ["jeonbuk"]),
    # ---- English ----
    Q("en", "where can I pilot a delivery robot in Korea", ["service_robot"], ["testbed"], ["KR"]),
    Q(
        "en",
        "robot testing facility in Beijing",
        ["service_robot", "industrial_robot"],
        ["testbed"],
        ["beijing"],
    ),
    Q(
        "en",
        "cobot pilot line for factories",
        ["industrial_robot"],
        ["testbed", "open_innovation"],
        [],
    ),
    Q("en", "grant for an LLM startup", ["gen_ai"], ["grant"], []),
    Q(
        "en",
        "AI startup office space in Hangzhou",
        ["gen_ai", "vision_ai"],
        ["space"],
        ["hangzhou"],
    ),
    Q(
        "en",
        "computer vision startup corporate proof of concept",
        ["vision_ai"],
        ["open_innovation"],
        [],
    ),
    Q("en", "AI chip design R&D funding Korea", ["ai_chip", "fabless"], ["rnd"], ["KR"]),
    Q(
        "en",
        "semiconductor prototyping Suzhou",
        ["fabless", "ai_chip", "materials"],
        ["prototype"],
        ["suzhou"],
    ),
    Q("en", "raise money for a telehealth app", ["digital_health"], ["investment"], []),
    Q("en", "biotech incubator lab space Shanghai", ["biopharma"], ["space"], ["shanghai"]),
    Q(
        "en",
        "clinical validation for medical devices in Daegu",
        ["medical_device"],
        ["testbed"],
        ["daegu"],
    ),
    Q("en", "drug discovery research grant", ["biopharma"], ["rnd"], []),
    Q("en", "support for startups building tech for elderly people", ["silver_care"], [], []),
    Q(
        "en",
        "fintech incubator Seoul",
        ["payments", "wealthtech", "blockchain"],
        ["space", "mentoring"],
        ["seoul"],
    ),
    Q("en", "payments sandbox pilot in China", ["payments"], ["testbed"], ["CN"]),
    Q("en", "robo advisor startup funding", ["wealthtech"], ["investment", "grant"], []),
    Q("en", "blockchain mentoring", ["blockchain"], ["mentoring"], []),
    Q("en", "self-driving car testing zone in China", ["autonomous"], ["testbed"], ["CN"]),
    Q("en", "autonomous vehicle research project Korea", ["autonomous"], ["rnd"], ["KR"]),
    Q("en", "battery recycling startup grant", ["ev_battery"], ["grant"], []),
    Q("en", "EV battery testing in Busan", ["ev_battery"], ["testbed"], ["busan"]),
    Q("en", "drone flight test site", ["drone_uam"], ["testbed"], []),
    Q("en", "build a drone prototype in Shenzhen", ["drone_uam"], ["prototype"], ["shenzhen"]),
    Q("en", "satellite company R&D support", ["space_tech"], ["rnd"], []),
    Q("en", "space startups in Daejeon", ["space_tech"], [], ["daejeon"]),
    Q("en", "hydrogen fuel cell research call", ["renewable"], ["rnd"], []),
    Q("en", "climate tech investors", ["carbon_neutral"], ["investment"], []),
    Q("en", "carbon capture pilot Shanghai", ["carbon_neutral"], ["testbed"], ["shanghai"]),
    Q("en", "plastic recycling startup support", ["circular"], [], []),
    Q("en", "webtoon studio support in Korea", ["webtoon"], [], ["KR"]),
    Q("en", "indie game studio office", ["games"], ["space"], []),
    Q("en", "game studio expanding to China", ["games"], ["market_cn"], []),
    Q("en", "VR content production grant", ["xr"], ["grant"], []),
    Q("en", "cosmetics brand export to China", ["beauty"], ["market_cn"], []),
    Q("en", "K-beauty startup program Korea", ["beauty"], [], ["KR"]),
    Q("en", "live commerce Southeast Asia expansion", ["ecommerce"], ["market_sea"], []),
    Q("en", "edtech founder bootcamp", ["edtech"], ["education"], []),
    Q("en", "vertical farm demonstration site Korea", ["smart_farm"], ["testbed"], ["KR"]),
    Q("en", "alternative protein R&D funding", ["foodtech"], ["rnd"], []),
    Q("en", "seed breeding company support", ["seed_breeding"], [], []),
    Q(
        "en",
        "agritech pilot in Beijing",
        ["smart_farm", "foodtech", "seed_breeding"],
        ["testbed"],
        ["beijing"],
    ),
    Q(
        "en",
        "predictive maintenance startup corporate partner",
        ["smart_factory"],
        ["open_innovation"],
        [],
    ),
    Q("en", "carbon fibre composites development project", ["materials"], ["rnd"], []),
    Q("en", "smart city pilot Shenzhen", ["smart_city"], ["testbed"], ["shenzhen"]),
    Q("en", "construction safety tech startup", ["proptech"], [], []),
    Q("en", "cybersecurity startup US expansion", ["cybersecurity"], ["market_us"], []),
    Q(
        "en",
        "social enterprise incubation Seoul",
        ["social_venture"],
        ["space", "mentoring"],
        ["seoul"],
    ),
    Q("en", "moving my startup to Korea visa and office", [], ["market_kr"], []),
    Q("en", "soft landing China for foreign startups", [], ["market_cn"], []),
    Q("en", "hardware prototyping Shenzhen", [], ["prototype"], ["shenzhen"]),
    Q("en", "co-working space in Beijing for startups", [], ["space"], ["beijing"]),
    Q("en", "startup incubator Busan", [], ["space"], ["busan"]),
    Q("en", "low interest loan for startups in Korea", [], ["loan"], ["KR"]),
    Q("en", "hiring subsidy for startups in Shenzhen", [], ["talent"], ["shenzhen"]),
    Q("en", "startup competition in Beijing", [], ["events"], ["beijing"]),
    Q("en", "demo day investors Korea", [], ["investment"], ["KR"]),
    Q("en", "mentoring program Seoul founders", [], ["mentoring"], ["seoul"]),
    Q("en", "Southeast Asia expansion program", [], ["market_sea"], []),
    Q(
        "en",
        "AI accelerator in Pangyo",
        ["gen_ai", "vision_ai"],
        ["mentoring", "open_innovation", "investment"],
        ["pangyo"],
    ),
    Q("en", "digital health research funding Shanghai", ["digital_health"], ["rnd"], ["shanghai"]),
    Q("en", "smart manufacturing grant China", ["smart_factory"], ["grant"], ["CN"]),
]


# --- grading -------------------------------------------------------------------------------


def related_topics(a: str, b: str) -> bool:
    return a != b and bool(TOPICS[a]["families"] & TOPICS[b]["families"])


def grade(intent: dict, truth: dict) -> int:
    """0-3 from the query's intent and the program's ground truth (see README.md)."""
    topics, supports, regions = intent["topics"], intent["supports"], intent["regions"]
    t1, t2, s = truth["topic"], truth["topic2"], truth["support"]
    if topics:
        if t1 in topics:
            tm = "primary"
        elif t2 in topics:
            tm = "secondary"
        elif t1 is None:
            tm = "general"
        elif any(related_topics(t1, t) for t in topics) or (
            t2 and any(related_topics(t2, t) for t in topics)
        ):
            tm = "related"
        else:
            tm = "none"
    if supports:
        if s in supports:
            km = "same"
        elif SUPPORTS[s]["related"] & set(supports):
            km = "related"
        else:
            km = "none"
    if topics and supports:
        if tm == "primary" and km == "same":
            g = 3
        elif (tm == "primary" and km == "related") or (
            tm in ("secondary", "general") and km == "same"
        ):
            g = 2
        elif (
            tm == "primary"
            or (tm == "secondary" and km == "related")
            or (tm == "related" and km == "same")
        ):
            g = 1
        else:
            g = 0
    elif topics:
        g = {"primary": 3, "secondary": 2, "related": 1}.get(tm, 0)
    elif supports:
        g = {"same": 3 if t1 is None else 2, "related": 1}.get(km, 0)
    else:
        g = 0
    # a market-entry program is judged by where it takes you (its kind), not by where it is run
    located = not s.startswith("market_")
    if g and regions and located and truth["region"] not in region_set(regions):
        g = max(0, g - 2)
    return g


# --- writing programs ----------------------------------------------------------------------


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), list(weights.values()))[0]


def _fmt(template: str, slots: dict, lang: str) -> str:
    text = template.format(**{k: (v[lang] if isinstance(v, dict) else v) for k, v in slots.items()})
    return text[:1].upper() + text[1:] if lang == "en" else text


def _english_name(org: dict) -> str:
    """How a translation names an organisation that has no name in that language."""
    return " ".join(
        word.upper() if len(word) <= 3 else word.title() for word in org["slug"].split("-")
    )


def _topic_texts(topic: str | None, lang: str) -> tuple[list[str], list[str]]:
    table = TOPICS[topic] if topic else GENERAL
    return table[lang], table["d" + lang]


def write_program(rng: random.Random, org: dict, truth: dict, year: int) -> dict:
    """Title, summary and description in each of the program's languages, same choices in
    every language (a translation, not a different program)."""
    topic, support = truth["topic"], truth["support"]
    spec = SUPPORTS[support]
    i_name = rng.randrange(3)
    i_detail = rng.randrange(2)
    i_title = rng.randrange(3)
    i_summary = rng.randrange(2)
    offers = rng.sample(range(4), k=rng.choice([2, 3, 4]))
    i_amount = rng.randrange(4)
    i_elig = rng.randrange(2)
    i_sel = rng.randrange(3)
    i_apply = rng.randrange(3)
    preferred = rng.random() < 0.5
    n, months, hours, weeks = (
        rng.randint(1, 9),
        rng.choice([6, 12, 24]),
        rng.choice([10, 20, 40]),
        rng.choice([4, 6, 8, 12]),
    )
    out = {"title": {}, "summary": {}, "description": {}}
    for lang in truth["languages"]:
        names, details = _topic_texts(topic, lang)
        org_name = org["name"].get(lang) or org["name"].get("en") or _english_name(org)
        slots = {
            "topic": names[i_name],
            "detail": details[i_detail],
            "region": REGIONS[truth["region"]][{"ko": 1, "zh": 2, "en": 3}[lang]],
            "org": org_name,
            "year": str(year),
            "n": str(n),
            "months": str(months),
            "hours": str(hours),
            "weeks": str(weeks),
            "amount": AMOUNTS[lang][i_amount],
            "stage": STAGES[truth["stage"]][lang],
        }
        title = _fmt(spec[lang][i_title], slots, lang)
        summary = _fmt(spec["s" + lang][i_summary], slots, lang)
        if truth["topic2"]:
            other = TOPICS[truth["topic2"]][lang][0]
            summary += {
                "ko": f" {other} 분야와의 융합 기술도 환영합니다.",
                "zh": f"欢迎与{other}融合的项目。",
                "en": f" Projects that combine it with {other.lower()} are welcome.",
            }[lang]
        if preferred:
            summary += _fmt(PREFERRED[lang], slots, lang)
        bullet = {"ko": "- ", "zh": "· ", "en": "- "}[lang]
        head = HEAD[lang]
        body = [
            head[0], summary,
            head[1], _fmt(ELIGIBLE[lang][i_elig], slots, lang),
            head[2], "\n".join(bullet + _fmt(spec["o" + lang][k], slots, lang) for k in offers),
            head[3], SELECTION[lang][i_sel],
            head[4], _fmt(APPLY[lang][i_apply], slots, lang),
            _fmt(WHERE[lang], slots, lang),
        ]  # fmt: skip
        out["title"][CODE[lang]] = title
        out["summary"][CODE[lang]] = summary
        out["description"][CODE[lang]] = "\n".join(body)
    return out


def draw_truth(rng: random.Random, org: dict, support=None, topic="any", region=None) -> dict:
    support = support or _pick(rng, org["supports"])
    if topic == "any":
        pool = org["topics"] if org["topics"] is not ALL else [*TOPICS, None]
        general = 0.3 if org["topics"] is ALL else 0.12
        for _ in range(50):
            topic = None if rng.random() < general else rng.choice(pool)
            if topic is not None and support == "testbed" and topic in NO_TESTBED:
                continue
            if support == "prototype" and topic not in HARDWARE:
                continue
            break
    topic2 = None
    if topic and rng.random() < 0.15:
        near = [t for t in TOPICS if related_topics(topic, t)]
        topic2 = rng.choice(near or [t for t in TOPICS if t != topic])
    original = _pick(rng, org["lang"])
    languages = [original]
    if rng.random() < 0.12:  # some programs carry a translation
        extra = "en" if original != "en" else next((lg for lg in org["lang"] if lg != "en"), "ko")
        if extra != original:
            languages.append(extra)
    stage = rng.choice(["pre_seed", "seed", "seed", "series_a", "growth"])
    return {
        "topic": topic,
        "topic2": topic2,
        "support": support,
        "region": region or org["region"],
        "org": org["slug"],
        "languages": languages,
        "stage": stage,
    }


def model_kind(truth: dict, org: dict) -> str:
    if truth["support"] == "market_cn" and REGIONS[org["region"]][0] == "CN":
        return "soft_landing"
    return SUPPORTS[truth["support"]]["kind"]


def build() -> tuple[dict, dict]:
    rng = random.Random(SEED)
    orgs = {o["slug"]: o for o in ORGS}
    weights = [o["weight"] for o in ORGS]
    truths = [draw_truth(rng, rng.choices(ORGS, weights)[0]) for _ in range(N_PROGRAMS)]
    intents = [
        {"lang": q[0], "text": q[1], "topics": q[2], "supports": q[3], "regions": q[4]}
        for q in QUERIES
    ]
    # top up thin cells: every query gets MIN_TOP programs of grade 3, from organisations that
    # run that kind of support (in the asked-for region when there is one)
    seeded = 0
    for intent in intents:
        have = sum(grade(intent, t) == 3 for t in truths)
        attempts = 0
        while have < MIN_TOP and attempts < 200:
            attempts += 1
            support = rng.choice(intent["supports"]) if intent["supports"] else None
            topic = rng.choice(intent["topics"]) if intent["topics"] else None
            regions = region_set(intent["regions"]) if intent["regions"] else None
            fits = [
                o for o in ORGS
                if (support is None or support in o["supports"])
                and (regions is None or o["region"] in regions)
                and (topic is None or o["topics"] is ALL or topic in o["topics"])
            ]  # fmt: skip
            if not fits:
                fits = [o for o in ORGS if (support is None or support in o["supports"])]
                fits = [o for o in fits if regions is None or o["region"] in regions] or fits
            org = rng.choice(fits)
            truth = draw_truth(rng, org, support=support, topic=topic)
            if support is None:
                truth["support"] = support or _pick(rng, org["supports"])
            if grade(intent, truth) == 3:
                truths.append(truth)
                have += 1
                seeded += 1
    programs = []
    slugs = set()
    for k, truth in enumerate(truths):
        org = orgs[truth["org"]]
        year = rng.choice([2024, 2025, 2025, 2026])
        texts = write_program(rng, org, truth, year)
        slug = f"{org['slug']}-{truth['support'].replace('_', '-')}-{k:04d}"
        assert slug not in slugs
        slugs.add(slug)
        sectors = [TOPICS[t]["sector"] for t in (truth["topic"], truth["topic2"]) if t]
        programs.append(
            {
                "id": f"p{k:04d}",
                "slug": slug[:100],
                "organization": org["slug"],
                **texts,
                "original_language": CODE[truth["languages"][0]],
                "kind": model_kind(truth, org),
                "sectors": sorted({s for s in sectors if s}),
                "stages": [truth["stage"]],
                "city": REGIONS[truth["region"]][3],
                "country": REGIONS[truth["region"]][0],
                "truth": truth,
            }
        )
    organizations = [
        {
            "slug": o["slug"],
            "name": {CODE[lg]: v for lg, v in o["name"].items()},
            "original_language": CODE[next(iter(o["name"]))],
            "kind": o["kind"],
            "city": REGIONS[o["region"]][3],
            "country": REGIONS[o["region"]][0],
            "time_zone": ZONES[REGIONS[o["region"]][0]],
        }
        for o in ORGS
    ]
    queries = []
    for k, intent in enumerate(intents):
        judged = {p["id"]: g for p in programs if (g := grade(intent, p["truth"]))}
        top = [p for p in programs if judged.get(p["id"]) == 3]
        own = sum(intent["lang"] in p["truth"]["languages"] for p in top)
        share = own / len(top)
        queries.append(
            {
                "id": f"q{k:03d}",
                **intent,
                "crosslingual": share < 0.5,
                "top_in_query_language": round(share, 3),
                "judgements": judged,
            }
        )
    corpus = {
        "about": "Synthetic startup-support programs for the relevance benchmark; see README.md.",
        "seed": SEED,
        "seeded_for_queries": seeded,
        "organizations": organizations,
        "programs": programs,
    }
    return corpus, {
        "about": "Graded judgements (0-3; 0 omitted); see README.md.",
        "queries": queries,
    }


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files")
    args = parser.parse_args()
    corpus, queries = build()
    files = {"corpus.json": _dump(corpus), "queries.json": _dump(queries)}
    if args.check:
        stale = [n for n, text in files.items() if (OUT / n).read_text(encoding="utf-8") != text]
        print("up to date" if not stale else f"stale: {', '.join(stale)}")
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (OUT / name).write_text(text, encoding="utf-8")
    qs = queries["queries"]
    print(
        f"{len(corpus['programs'])} programs ({corpus['seeded_for_queries']} seeded for thin "
        f"cells); {len(qs)} queries: "
        + ", ".join(f"{lg} {sum(q['lang'] == lg for q in qs)}" for lg in LANGS)
        + f"; cross-lingual {sum(q['crosslingual'] for q in qs)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
