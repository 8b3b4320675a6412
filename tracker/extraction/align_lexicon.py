"""What aligning two accounts of one meeting needs beyond the shared bilingual lexicon
(`bilingual.py`, which follow-up reading uses too): who acts, what kind of act it is, and the
names and dates a pledge is pinned to, in English and Chinese.

- **Actor.** A readout's sentences are spoken by the leaders ("the two leaders agreed ...",
  "两国元首同意 ..."); what matters is who is to act. The leaders themselves ("the two leaders will
  stay in touch", "两国元首同意继续保持经常性联系", "a call between President Biden and President Xi")
  and the people they delegate to (teams, officials, ministers, the two militaries, a working
  group) are two different pledges even when both are about "communication".
- **Act.** The class of the pledged act (set up, resume, keep up, expand, discuss, carry out,
  visit, cut, buy, hold a meeting): "tasked their teams to discuss them further" and
  "责成工作团队跟进和落实共识" share their actor and their vocabulary but not their act.
- **Names and dates.** Officials and places named by a pledge (a visit by a named secretary, talks
  in a named city), traded goods and instruments that recur in China-US readouts, destinations of
  visits, months and relative years ("early next year" / "明年早些时候").

Pure Python, no Django, no downloaded model: each row is an English regular expression (matched
case-insensitively at a word start) and Chinese substrings.
"""

from __future__ import annotations

import datetime
import re

# --- Who acts ------------------------------------------------------------------------------------
LEADERS = "leaders"
DELEGATED = "delegated"

_LEADERS_EN = re.compile(
    r"\b(?:the two|both|two) (?:leaders|presidents|heads of state)\b"
    r"|\bleader-level\b|\bleaders[’']? (?:call|meeting|talks)\b"
    r"|\bbetween president \w+ and president \w+",
    re.I,
)
_LEADERS_ZH = ("元首", "领导人", "两国首脑")
_DELEGATED_EN = re.compile(
    r"\b(?:teams?|officials|ministers?|ministerial|secretar(?:y|ies)|envoys?|diplomats|delegations?|negotiators"
    r"|agencies|departments|working[- ]level|working group|military-to-military|mil-mil|theat(?:er|re) commanders?"
    r"|defen[cs]e chiefs?|counterparts|intergovernmental|government-to-government|governments)\b",
    re.I,
)
_DELEGATED_ZH = (
    "团队",
    "官员",
    "部长",
    "外长",
    "防长",
    "国务卿",
    "特使",
    "工作组",
    "两军",
    "战区",
    "部门",
    "代表团",
    "工作层",
    "牵头人",
    "外交部",
    "国防部",
    "财政部",
    "商务部",
    "政府间",
    "两国政府",
)


# What leaders do themselves: keep in touch, call, meet, visit. "两国元首同意建立…对话" names the
# leaders only as the ones who agreed; the dialogue is the governments'.
_OWN_ACT_EN = re.compile(r"contact|in touch|communicat|\bcalls?\b|phone|\bmeet|visit|summit|exchange of letters", re.I)
_OWN_ACT_ZH = ("联系", "沟通", "通话", "电话", "会晤", "会面", "见面", "访", "交往", "通信")


def actor(text: str, language: str) -> str | None:
    """LEADERS when the leaders themselves are to act (keep in touch, call, meet, visit), DELEGATED
    when someone they name is (teams, officials, militaries, governments), None when the sentence
    does not say."""
    if language == "zh":
        delegated = any(word in text for word in _DELEGATED_ZH)
        leaders = any(word in text for word in _LEADERS_ZH) and any(word in text for word in _OWN_ACT_ZH)
    else:
        delegated = bool(_DELEGATED_EN.search(text))
        leaders = bool(_LEADERS_EN.search(text)) and bool(_OWN_ACT_EN.search(text))
    if delegated:
        return DELEGATED  # "the two leaders agreed that their teams will ..." delegates
    return LEADERS if leaders else None


# --- What kind of act ------------------------------------------------------------------------------
# "continue" / "继续" is an aspect of any act, not an act, and is left out; so is the pledge verb itself
# ("agree", "同意"), which every commitment has.
ACTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "establish": (r"establish|set up|launch|creat|form a|inaugurat", ("建立", "成立", "设立", "启动", "组建", "建设")),
    "resume": (r"resum|restor|re-?establish|reopen|reinstat", ("恢复", "重启", "重新开放")),
    "maintain": (r"maintain|keep|sustain|stay in|remain in|preserve|use of", ("保持", "维持", "用好", "维护")),
    "expand": (r"increas|expan|enlarg|broaden|deepen|boost|scale up", ("增加", "扩大", "拓展", "深化", "提升")),
    "discuss": (
        r"discuss\b|discussing|negotiat|talk (?:further|about)|consult on|explore",
        ("谈下去", "商谈", "讨论", "谈判", "探讨"),
    ),
    "implement": (
        r"implement|follow[- ]?up|follow through|carry out|deliver on|act on",
        ("落实", "跟进", "执行", "兑现"),
    ),
    "visit": (r"visit|trip to|travel to", ("访问", "访华", "访美", "互访", "到访", "出访")),
    "meet": (
        r"hold (?:a|the|talks|meetings?)|convene|meet (?:again|in)|host",
        ("举行", "召开", "举办", "会面", "会晤"),
    ),
    "reduce": (
        r"reduc|lower|cut\b|lift|remov|suspend|pause|cancel|roll back|eliminat|waiv",
        ("降低", "取消", "暂停", "削减", "下调", "豁免", "移除"),
    ),
    "purchase": (r"purchas|buy|import\b|imports of", ("采购", "购买", "进口")),
    "cooperate": (r"cooperat|collaborat|work together|partner on", ("合作",)),
    "combat": (
        r"combat|counter(?!part)|crack down|fight|curb|prevent|stem\b",
        ("打击", "遏制", "防止", "禁毒", "管控"),
    ),
    "support": (r"support|promot|encourag|facilitat|welcome\b", ("支持", "推动", "推进", "鼓励", "促进", "便利")),
}
_ACT_EN = {key: re.compile(r"(?<![a-z])(?:" + en + ")", re.I) for key, (en, _zh) in ACTS.items()}


# Acts a paraphrase keeps: "set up" is never "resume" or "discuss", but "keep up", "expand", "support",
# "cooperate" and "combat" are often how one side words the other's act, and rule nothing out.
HARD_ACTS = frozenset({"establish", "resume", "discuss", "implement", "visit", "meet", "reduce", "purchase"})


def primary_act(text: str, language: str) -> str | None:
    """The first act the sentence names: its main verb more often than not ("tasked their teams to
    discuss ..." -> discuss), where later ones sit in clauses ("..., including during upcoming visits")."""
    first: tuple[int, str] | None = None
    for key, (_en, zh) in ACTS.items():
        if language == "zh":
            positions = [text.find(word) for word in zh if word in text]
        else:
            match = _ACT_EN[key].search(text)
            positions = [match.start()] if match else []
        if positions and (first is None or min(positions) < first[0]):
            first = (min(positions), key)
    return first[1] if first else None


def acts(text: str, language: str) -> set[str]:
    """The classes of act a commitment names ("resume", "discuss", ...)."""
    if language == "zh":
        return {key for key, (_en, zh) in ACTS.items() if any(word in text for word in zh)}
    return {key for key, pattern in _ACT_EN.items() if pattern.search(text)}


# --- Chinese false friends ---------------------------------------------------------------------------
# Words that contain a concept's Chinese word but mean something else: 核心 ("core", not 核 nuclear),
# 健康发展 ("healthy development", not health), 冠军 ("champion", not 军 military). Masked before the
# concepts of a Chinese text are read.
FALSE_FRIENDS_ZH = (
    "核心",
    "核实",
    "审核",
    "考核",
    "健康发展",
    "健康稳定",
    "稳定健康",
    "健康、稳定",
    "稳定、健康",
    "健康、可持续",
    "健康可持续",
    "冠军",
    "进军",
)
_FALSE_FRIENDS_ZH = re.compile("|".join(re.escape(word) for word in FALSE_FRIENDS_ZH))


def mask_false_friends(text: str) -> str:
    """The text with each Chinese false friend replaced by as many neutral marks."""
    return _FALSE_FRIENDS_ZH.sub(lambda m: "〇" * len(m.group(0)), text)


# --- Names, goods, places and dates ----------------------------------------------------------------
# (key, English expression, Chinese words). Named people and goods weigh as named mechanisms do;
# the leaders themselves are in every sentence and are left to `actor`.
NAMES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # officials who recur in China-US readouts
    ("blinken", r"blinken", ("布林肯",)),
    ("yellen", r"yellen", ("耶伦",)),
    ("sullivan", r"sullivan", ("沙利文",)),
    ("austin", r"austin\b", ("奥斯汀",)),
    ("raimondo", r"raimondo", ("雷蒙多",)),
    ("kerry", r"kerry", ("克里特使", "约翰·克里")),
    ("burns", r"burns\b", ("伯恩斯",)),
    ("campbell", r"campbell", ("坎贝尔",)),
    ("tai", r"ambassador tai|katherine tai|\btai\b", ("戴琪",)),
    ("rubio", r"rubio", ("鲁比奥",)),
    ("bessent", r"bessent", ("贝森特",)),
    ("greer", r"greer\b", ("格里尔",)),
    ("lutnick", r"lutnick", ("卢特尼克",)),
    ("hegseth", r"hegseth", ("赫格塞思", "赫格塞斯")),
    ("wang-yi", r"wang yi\b", ("王毅",)),
    ("he-lifeng", r"he lifeng", ("何立峰",)),
    ("liu-he", r"liu he\b", ("刘鹤",)),
    ("li-qiang", r"li qiang", ("李强",)),
    ("dong-jun", r"dong jun", ("董军",)),
    ("wang-wentao", r"wang wentao", ("王文涛",)),
    ("xie-zhenhua", r"xie zhenhua", ("解振华",)),
    ("liu-zhenmin", r"liu zhenmin", ("刘振民",)),
    ("li-chenggang", r"li chenggang", ("李成钢",)),
    ("podesta", r"podesta", ("波德斯塔",)),
    ("wang-xiaohong", r"wang xiaohong", ("王小洪",)),
    ("xie-feng", r"xie feng", ("谢锋",)),
    ("ma-zhaoxu", r"ma zhaoxu", ("马朝旭",)),
    ("zhang-youxia", r"zhang youxia", ("张又侠",)),
    ("pan-gongsheng", r"pan gongsheng", ("潘功胜",)),
    ("perdue", r"perdue", ("珀杜", "帕杜")),
    ("landau", r"landau", ("兰道",)),
    ("kritenbrink", r"kritenbrink", ("康达",)),
)
# Goods, instruments and programmes of China-US talks.
GOODS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("rare-earths", r"rare earth|critical mineral", ("稀土", "关键矿产")),
    ("soybeans", r"soybean|soy\b", ("大豆",)),
    # farm goods in general: "12 million tons of soybeans" is what "农产品采购" names
    (
        "farm-goods",
        r"agricultural (?:products|purchases|goods|exports)|farm (?:goods|products)"
        r"|soybean|sorghum|corn\b|wheat|pork|beef",
        ("农产品", "大豆", "高粱", "玉米", "小麦", "猪肉", "牛肉"),
    ),
    ("entity-list", r"entity list", ("实体清单",)),
    ("port-fees", r"port fee|shipbuilding|maritime, logistics", ("港口费", "造船")),
    ("tiktok", r"tiktok", ("TikTok", "抖音")),
    ("boeing", r"boeing|aircraft", ("波音", "飞机")),
    ("reciprocal-tariffs", r"reciprocal tariff", ("对等关税",)),
    ("phase-one", r"phase one", ("第一阶段",)),
    ("detained", r"detain|exit ban|wrongful", ("被拘留", "在押", "出境限制", "禁止出境")),
    ("pandas", r"panda", ("大熊猫", "熊猫")),
    ("air-agreement", r"air transport(?:ation)? agreement", ("航空运输协定",)),
    ("sunnylands", r"sunnylands", ("阳光之乡",)),
    ("military-ai", r"military (?:use of )?(?:ai|artificial intelligence)", ("人工智能军事", "军事领域人工智能")),
    ("nuclear-command", r"human control over the decision to use nuclear", ("人类控制", "核武器使用")),
    ("economic-working-group", r"economic (?:and financial )?working group", ("经济工作组", "金融工作组")),
    ("consultation-mechanism", r"economic and trade consultation", ("经贸磋商机制",)),
    # where a visit goes
    (
        "to-china",
        r"visit(?:s|ing)? (?:to )?(?:china|beijing)|travel to (?:china|beijing)",
        ("访华", "来华", "到访中国"),
    ),
    ("to-us", r"visit(?:s|ing)? (?:to )?(?:the united states|the u\.s\.|washington)", ("访美", "赴美")),
)
# Cities where talks are held or to which visits go. A city may be where the whole meeting took place,
# which every item of both accounts shares, so it weighs as a field does, less than a named official.
PLACES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("beijing", r"beijing", ("北京",)),
    ("washington", r"washington", ("华盛顿",)),
    ("geneva", r"geneva", ("日内瓦",)),
    ("london", r"london", ("伦敦",)),
    ("stockholm", r"stockholm", ("斯德哥尔摩",)),
    ("madrid", r"madrid", ("马德里",)),
    ("kuala-lumpur", r"kuala lumpur", ("吉隆坡",)),
    ("busan", r"busan", ("釜山",)),
    ("vienna", r"vienna", ("维也纳",)),
    ("bangkok", r"bangkok", ("曼谷",)),
    ("malta", r"malta", ("马耳他",)),
    ("singapore", r"singapore|shangri-la", ("新加坡", "香格里拉")),
    ("new-york", r"new york", ("纽约",)),
    ("shanghai", r"shanghai", ("上海",)),
    ("anchorage", r"anchorage|alaska", ("安克雷奇", "阿拉斯加")),
    ("tianjin", r"tianjin", ("天津",)),
    ("osaka", r"osaka", ("大阪",)),
    ("zurich", r"zurich", ("苏黎世",)),
    ("rome", r"rome\b", ("罗马",)),
)
# Subjects of bilateral pledges the shared lexicon (`bilingual.CONCEPTS`) does not have, or has in one
# language only ("counterterrorism" as one word, "网络犯罪", "游客"). They weigh as a field does.
SUBJECTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "cybercrime",
        r"cyber ?crime|cyber-enabled crime|crimes? (?:online|in cyberspace)",
        ("网络犯罪", "电信诈骗", "网络诈骗"),
    ),
    ("consular", r"consula(?:r|te)", ("领事", "领馆", "总领事馆")),
    ("counterterrorism", r"counter-?terroris|terroris", ("反恐", "恐怖")),
    ("illegal-fishing", r"illegal(?:, unreported)?(?: and unregulated)? fishing|iuu fishing", ("非法捕捞", "非法渔业")),
    ("wildlife", r"wildlife", ("野生动植物", "野生动物")),
    ("think-tanks", r"think[- ]tanks?", ("智库",)),
    ("tourism", r"touris", ("旅游", "游客")),
    ("plastics", r"plastic", ("塑料",)),
    ("carbon-capture", r"carbon capture|ccus\b", ("碳捕集", "碳捕获")),
    ("methane", r"methane", ("甲烷",)),
    ("fulbright", r"fulbright", ("富布赖特",)),
    ("joint-commission", r"joint commission|jcct", ("联委会", "联合委员会")),
)
_KEYED = (
    [(f"name:{key}", en, zh) for key, en, zh in NAMES + GOODS]
    + [(f"place:{key}", en, zh) for key, en, zh in PLACES]
    + [(f"subject:{key}", en, zh) for key, en, zh in SUBJECTS]
)
_NAMES_EN = [(key, re.compile(r"(?<![a-z])(?:" + en + ")", re.I)) for key, en, _zh in _KEYED]
_NAMES_ZH = [(key, zh) for key, _en, zh in _KEYED]
PEOPLE = frozenset(key for key, _en, _zh in NAMES)
_LABELS = {"to-china": "a visit to China", "to-us": "a visit to the United States", "tiktok": "TikTok", "tai": "Tai"}


def label(key: str) -> str:
    """How a reader sees a key of this module: "name:he-lifeng" -> "He Lifeng", "month:7" -> "July"."""
    kind, _, rest = key.partition(":")
    if kind == "month":
        return datetime.date(2000, int(rest), 1).strftime("%B")
    if rest in _LABELS:
        return _LABELS[rest]
    words = rest.replace("-", " ")
    return words.title() if kind == "place" or rest in PEOPLE else words


_MONTHS = [datetime.date(2000, month, 1).strftime("%B").lower() for month in range(1, 13)]
# Capitalised only: "may" and "march" are verbs too.
_MONTH_EN = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\b")
_MONTH_ZH = re.compile(r"(?<![\d一二三四五六七八九十])(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月")
_ZH_MONTH_NUMBERS = {"十": 10, "十一": 11, "十二": 12, **{c: i for i, c in enumerate("一二三四五六七八九", 1)}}
# Years counted from the document, the same in both languages.
_RELATIVE = (
    ("next-year", r"next year", ("明年",)),
    ("this-year", r"this year|by the end of the year|later this year", ("今年", "年内", "年底")),
    ("coming-weeks", r"coming weeks|weeks ahead|in the near future|soon\b", ("近期", "不久", "未来几周")),
)
_RELATIVE_EN = [(key, re.compile(r"\b(?:" + en + ")", re.I)) for key, en, _zh in _RELATIVE]


def names(text: str, language: str) -> set[str]:
    """Named people and goods ("name:yellen"), cities ("place:geneva"), subjects ("subject:consular"),
    months ("month:11") and relative dates ("when:next-year")."""
    if language == "zh":
        found = {key for key, zh in _NAMES_ZH if any(word in text for word in zh)}
        found |= {f"when:{key}" for key, _en, zh in _RELATIVE if any(word in text for word in zh)}
        for match in _MONTH_ZH.finditer(text):
            month = match.group(1)
            found.add(f"month:{int(month) if month.isdigit() else _ZH_MONTH_NUMBERS[month]}")
        return found
    found = {key for key, pattern in _NAMES_EN if pattern.search(text)}
    found |= {f"when:{key}" for key, pattern in _RELATIVE_EN if pattern.search(text)}
    found |= {f"month:{_MONTHS.index(m.group(1).lower()) + 1}" for m in _MONTH_EN.finditer(text)}
    return found
