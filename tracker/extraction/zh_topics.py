"""Chinese words for topics that the shared lexicon (``topics.py``) does not list, read only for Chinese
commitments: the infrastructure and finance of economic cooperation, coordination in multilateral
bodies, vocational training, the security of a partner's personnel and projects.

Each word stands for its topic wherever it appears in a committing clause, as the lexicon's own words
do; ``chinese._rank`` adds them to the lexicon's matches.
"""

from __future__ import annotations

import re

EXTRA_TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "trade": (
        "走廊",
        "机场",
        "港口",
        "经济论坛",
        "发展银行",
        "开发银行",
        "本币",
        "信贷",
        "零关税",
        "贸易额",
        "中小企业",
        "产业园",
        "工业园",
        "自贸区",
        "自由贸易区",
        "标准轨",
        "反补贴",
        "反倾销",
        "价格承诺",
        "关税豁免",
        "航道",
    ),
    "climate": ("节能", "环保", "防灾减灾", "减灾", "防灾"),
    "dialogue": (
        "论坛",
        "多边机制",
        "多边框架",
        "协调",
        "官方关系",
        "官方往来",
        "战略对话",
        "外交",
        "秘书处",
        "常设机构",
    ),
    "technology": ("数据中心", "数据"),
    "people-to-people": ("游客", "入境", "鲁班工坊", "职业技术", "职业教育", "人才培养", "智库"),
    "law-enforcement": ("网络赌博", "跨境犯罪", "机构安全", "人员安全", "安全保障"),
    "counter-narcotics": ("毒品走私", "缉毒", "扫毒", "贩毒", "制毒"),
}

_PATTERNS = {
    topic: re.compile("|".join(sorted(words, key=len, reverse=True))) for topic, words in EXTRA_TOPIC_WORDS.items()
}


def longest_matches(matches: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Topic words that overlap keep the longest only: Chinese writes no spaces, so "岛国防灾减灾" holds
    "国防" across a word boundary, and the longer word "防灾减灾" is the one written."""
    kept: list[tuple[int, int, str]] = []
    for match in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        if all(match[1] <= k[0] or match[0] >= k[1] for k in kept):
            kept.append(match)
    return sorted(kept)


def extra_topic_matches(text: str) -> list[tuple[int, int, str]]:
    """(start, end, topic) of every extra Chinese topic word in ``text``."""
    return sorted((m.start(), m.end(), topic) for topic, pattern in _PATTERNS.items() for m in pattern.finditer(text))
