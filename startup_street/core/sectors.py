"""The sector taxonomy shipped with Startup Street (loaded by a data migration)."""

SECTORS = [
    ("robotics", "Robotics", "로봇", "机器人"),
    ("ai", "Artificial intelligence", "인공지능", "人工智能"),
    ("bio", "Bio and healthcare", "바이오·헬스케어", "生物医疗"),
    ("content", "Content and media", "콘텐츠·미디어", "内容与媒体"),
    ("fashion", "Fashion and beauty", "패션·뷰티", "时尚美妆"),
    ("mobility", "Mobility", "모빌리티", "出行"),
    ("fintech", "Fintech", "핀테크", "金融科技"),
    ("energy", "Energy and climate", "에너지·기후", "能源与气候"),
    ("commerce", "Commerce and retail", "커머스·유통", "电商零售"),
    ("edtech", "Education", "에듀테크", "教育科技"),
    ("agrifood", "Agriculture and food", "농식품", "农业食品"),
    ("semiconductors", "Semiconductors and hardware", "반도체·하드웨어", "半导体与硬件"),
    ("software", "Software and SaaS", "소프트웨어·SaaS", "软件与SaaS"),
    ("manufacturing", "Smart manufacturing", "스마트 제조", "智能制造"),
    ("drones", "Drones and aerospace", "드론·항공우주", "无人机与航空航天"),
    ("games", "Games", "게임", "游戏"),
    # 2026-12: fields of K-Startup's and Chinese incubators' calls that had no sector
    ("tourism", "Tourism and leisure", "관광·레저", "文旅与休闲"),
    ("proptech", "Real estate and construction", "부동산·건설", "地产与建筑"),
    ("social", "Social ventures and impact", "소셜벤처·사회적경제", "社会企业与社会创新"),
    ("smart_city", "Smart city", "스마트시티", "智慧城市"),
    ("sports", "Sports and fitness", "스포츠·피트니스", "体育与健身"),
]


def ensure_sectors(sector_model) -> None:
    """Create or refresh the shipped sectors (used by the data migration and the demo)."""
    for position, (code, en, ko, zh) in enumerate(SECTORS):
        sector_model.objects.update_or_create(
            code=code, defaults={"name": {"en": en, "ko": ko, "zh-hans": zh}, "position": position}
        )
