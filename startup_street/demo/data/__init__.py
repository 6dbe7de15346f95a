"""Hand-written texts the demo world is generated from (ko, zh-hans, en side by side)."""


def T(ko: str, zh: str, en: str) -> dict[str, str]:
    """One text in the three content languages."""
    return {"ko": ko, "zh-hans": zh, "en": en}


# Sector names as they read inside a sentence ("for {sector} startups").
SECTOR_WORDS = {
    "robotics": T("로봇", "机器人", "robotics"),
    "ai": T("인공지능", "人工智能", "AI"),
    "bio": T("바이오·헬스케어", "生物医疗", "bio and healthcare"),
    "content": T("콘텐츠", "文化内容", "content and media"),
    "fashion": T("패션·뷰티", "时尚美妆", "fashion and beauty"),
    "mobility": T("모빌리티", "智能出行", "mobility"),
    "fintech": T("핀테크", "金融科技", "fintech"),
    "energy": T("에너지·기후테크", "能源与气候", "energy and climate"),
    "commerce": T("커머스", "电商零售", "commerce"),
    "edtech": T("에듀테크", "教育科技", "education"),
    "agrifood": T("농식품", "农业食品", "agrifood"),
    "semiconductors": T("반도체", "半导体", "semiconductor"),
    "software": T("소프트웨어", "软件", "software"),
    "manufacturing": T("스마트 제조", "智能制造", "smart manufacturing"),
    "drones": T("드론·항공우주", "无人机与航空航天", "drone and aerospace"),
    "games": T("게임", "游戏", "games"),
}

# Stands in for a sector in sentences about programs open to every sector.
ANY_SECTOR = T("신산업", "新兴产业", "innovative")
