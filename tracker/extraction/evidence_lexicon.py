"""The words a follow-up is read with, in English and in Chinese.

Two tables, both small and meant to be edited:

- CONCEPTS: what a commitment and a later passage can both name — a mechanism (a working group,
  a dialogue, a call), a subject (counternarcotics, climate, military-to-military contacts), an
  official, a channel of communication, a meeting's place. Each concept is written as an English
  pattern and a list of Chinese terms, so that a Chinese passage and an English commitment (or the
  reverse) share the concept's key even though they share no word. The kinds say how a concept
  counts: a `subject` a commitment names must be named by the passage too (a dialogue on climate
  is not evidence for a pledge on people-to-people exchanges), a `channel` or an `official` is
  what a broad "keep communicating" pledge is about.
- The verb classes a passage is read with (see tracker/extraction/evidence.py): acts reported,
  creations (launched, resumed, 启动, 恢复), progress reported, plans, failures, restatements,
  discussion and appraisal.

The Chinese names of concepts come from the one bilingual lexicon (tracker/extraction/bilingual.py,
also used to align two readouts of one meeting): each concept here names the bilingual concepts
it shares (`shared=`), and adds only the terms that lexicon does not hold. The verb classes and
the concept kinds are specific to reading follow-ups and stay here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extraction import bilingual

SUBJECT = "subject"  # what the pledge is about; a passage must share it
MECHANISM = "mechanism"  # a named kind of meeting or body
CHANNEL = "channel"  # communication as such: the broad "keep communicating" pledges
OFFICIAL = "official"  # who meets
PERSON = "person"  # a named official: "Secretary of State Blinken will visit China"
PLACE = "place"  # where the pledge was made: "as discussed at the Woodside Summit"
FIELD = "field"  # a field of policy from the bilingual lexicon: counts, is not required


@dataclass(frozen=True)
class Concept:
    key: str
    kind: str
    english: re.Pattern[str] | None
    chinese: tuple[str, ...]


# The bilingual concepts an evidence concept stands for (by `shared=`, or below when its own terms
# are narrower on purpose). The other bilingual concepts are taken as they are (see the end of
# CONCEPTS), so that one table names a subject in both languages.
_COVERED: set[str] = set()


def _concept(key: str, kind: str, english: str, chinese: str = "", shared: tuple[str, ...] = ()) -> Concept:
    pattern = re.compile(r"\b(?:" + english + r")", re.IGNORECASE) if english else None
    terms = dict.fromkeys((*bilingual.chinese_terms(*shared), *chinese.split()))
    _COVERED.update(shared)
    return Concept(key, kind, pattern, tuple(term for term in terms if term))


# Bilingual concepts an evidence concept covers with narrower terms of its own: alignment groups
# "military" with 军 and 国防, "Ukraine" with Russia, "teams" with officials; a pledge on Ukraine is not
# reported on by a passage on Russia, and a single character is too loose to tie a passage to a pledge.
_COVERED.update(
    {
        "military",  # military
        "ukraine",  # ukraine
        "allies",  # allies (without 印太: the Indo-Pacific is a region, not the alliances)
        "human-rights",  # human_rights
        "students",  # people_to_people
        "journalists",  # people_to_people
        "exchanges",  # people_to_people
        "culture",  # people_to_people (tourism)
        "economy",  # trade
        "tariffs",  # trade (without sanctions)
        "investment",  # trade
        "nuclear",  # nonproliferation
        "arms-control",  # nonproliferation
        "maritime",  # maritime
        "international",  # too broad a subject: "regional", "international", "multilateral"
        "un",  # the United Nations: a forum, named in passing
        "south-china-sea",  # maritime
        "communication",  # communication
        "consultation",  # communication, dialogue_mechanism
        "diplomacy",  # communication
        "teams",  # teams, officials
        "high-level",  # high_level
    }
)
# How the bilingual lexicon's weights read as evidence kinds: a named mechanism or programme is a
# mechanism; its subjects and fields, written more loosely than the subjects above ("crime",
# "health", "research"), are fields: they count, but a pledge does not require them and one alone
# does not make a link. Its shared vocabulary (COMMON: cooperation, follow-up …) is left out.
_KIND_OF_WEIGHT = {bilingual.NAMED: MECHANISM, bilingual.SUBJECT: FIELD, bilingual.FIELD: FIELD}


def _from_bilingual() -> tuple[Concept, ...]:
    taken = []
    for concept in bilingual.CONCEPTS:
        kind = _KIND_OF_WEIGHT.get(concept.weight)
        if concept.key in _COVERED or kind is None:
            continue
        english = re.compile(r"(?<![a-z])(?:" + "|".join(concept.en) + ")", re.IGNORECASE)
        taken.append(Concept(concept.key, kind, english, concept.zh))
    return tuple(taken)


CONCEPTS: tuple[Concept, ...] = (
    # Subjects.
    _concept(
        "counternarcotics",
        SUBJECT,
        r"counter-?narcotics?|narcotics?|fentanyl|opioids?|synthetic\s+drugs?|illicit\s+drugs?|drug\s+(?:control|"
        r"trafficking|policy|enforcement)|precursors?|methamphetamine|heroin|cocaine|nitazenes?|xylazine|"
        r"(?:controlled|scheduled)\s+substances?|scheduling\s+of|under\s+(?:national\s+|class-wide\s+)?control",
        "麻醉品 列管 精神药品 管制品种 列入管制 尼秦 甲苯噻嗪",
        shared=("narcotics", "fentanyl"),
    ),
    _concept(
        "repatriation",
        SUBJECT,
        r"repatriat\w*|deport\w*|extradit\w*|fugitives?|(?:criminal\s+)?suspects|illegal\s+(?:immigra\w+|migrants?)|"
        r"undocumented\s+migrants?|(?:hand|turn)(?:s|ed|ing)?\s+over|sen[dt]\s+back|travel\s+documents?",
        "逃犯 外逃 犯罪嫌疑人 移交",
        shared=("fugitives",),
    ),
    _concept("cyber", SUBJECT, r"cyber\w*|hack\w*|malware|ransomware", "网络犯罪", shared=("cyber",)),
    _concept("law_enforcement", SUBJECT, r"law\s+enforcement", "", shared=("law-enforcement",)),
    _concept(
        "military",
        SUBJECT,
        r"military|mil-mil|defen[cs]e\s+policy|maritime\s+consultative|armed\s+forces|defen[cs]e\s+ministers?|"
        r"defen[cs]e\s+(?:chiefs?|secretar(?:y|ies)|officials?|leaders?|ministr(?:y|ies))|pentagon|"
        r"people's\s+liberation\s+army|\bpla\b",
        "两军 军事 军队 防务 国防部 防长",
    ),
    _concept("theater_command", SUBJECT, r"theat(?:er|re)\s+command\w*", "", shared=("theater-commanders",)),
    _concept(
        "climate",
        SUBJECT,
        r"climate|emissions?|cop\s?\d+|paris\s+agreement|carbon|methane|net[\s-]zero",
        "气变 碳排放 减排 碳中和 碳达峰",
        shared=("climate",),
    ),
    _concept("artificial_intelligence", SUBJECT, r"artificial\s+intelligence|\bai\b", "", shared=("ai",)),
    _concept(
        "flights", SUBJECT, r"(?:passenger\s+)?flights?|air\s+transport\w*|airlines?|aviation", "", shared=("flights",)
    ),
    _concept(
        "people_to_people",
        SUBJECT,
        r"people-to-people|students?|educational\s+exchanges?|tourism|journalists?",
        "人文交流 人员往来 人文 留学生 游客 记者",
    ),
    _concept(
        "export_controls",
        SUBJECT,
        r"export\s+controls?|advanced\s+(?:u\.s\.\s+)?technolog\w+|semiconductors?|chips?",
        "先进技术",
        shared=("export-controls",),
    ),
    _concept("ukraine", SUBJECT, r"ukrain\w*", "乌克兰"),
    _concept("taiwan", SUBJECT, r"taiwan", "", shared=("taiwan",)),
    _concept("allies", SUBJECT, r"allies|alliances?", "盟友 同盟"),
    _concept("vaccines", SUBJECT, r"vaccin\w+|covax", "疫苗"),
    _concept("maritime", SUBJECT, r"maritime|south\s+china\s+sea|law\s+of\s+the\s+sea|unclos", "海上 海洋 南海"),
    _concept("trade", SUBJECT, r"trade|tariffs?|market\s+access|investment", "贸易 经贸 关税 投资"),
    _concept("agriculture", SUBJECT, r"agricultur\w*|soybeans?|grain", "大豆", shared=("agriculture",)),
    _concept("nonproliferation", SUBJECT, r"arms\s+control|non-?proliferation|nuclear", "军控 防扩散 核"),
    _concept("principles", SUBJECT, r"principles|guiding\s+principles|best\s+practices", "原则 指导原则"),
    _concept("human_rights", SUBJECT, r"human\s+rights", "人权"),
    _concept("circular_economy", SUBJECT, r"circular\s+economy|circularity", "循环经济"),
    _concept("energy", SUBJECT, r"energy|renewables?|clean\s+power", "", shared=("energy",)),
    # Mechanisms: named kinds of meeting or body.
    _concept("working_group", MECHANISM, r"working\s+groups?", "", shared=("working-group",)),
    _concept(
        "dialogue_mechanism",
        MECHANISM,
        r"dialogues?|(?:high[\s-]level\s+)?mechanisms?",
        "机制性对话 对话机制 高级别对话 战略对话 对话会 磋商机制 沟通机制 对话沟通",
    ),
    _concept(
        "call",
        MECHANISM,
        r"(?:telephone|phone|video)\s+(?:calls?|conversations?)|calls?\b",
        "视频",
        shared=("phone-call",),
    ),
    _concept("visit", MECHANISM, r"visits?|visited|travel(?:led|ed|s)?\b|trips?", "出访", shared=("visits",)),
    _concept("summit", MECHANISM, r"summits?|leaders[’']?\s+meeting", "峰会 元首会晤"),
    _concept("hotline", MECHANISM, r"hotlines?", "", shared=("hotline",)),
    # Channels: communication as such.
    _concept(
        "communication",
        CHANNEL,
        r"communications?|channels?|lines\s+of\s+communication|diplomacy|interactions?|consultations?|contacts|"
        r"(?:discussions|talks)\s+(?:between|with)|(?:further|recent|positive|ongoing|continued)\s+(?:\w+\s+)?discussions|"
        r"(?:spoke|talked)\s+(?:by|on\s+the)\s+(?:tele)?phone",
        "沟通 联系 交往 互动 磋商 渠道 外交 通电话",
    ),
    # (Not 元首: "两国元首" is who speaks in every sentence of a Chinese readout, as "the two leaders" is
    # in English.)
    _concept("high_level", CHANNEL, r"high[\s-]level|leader[\s-]level", "高层 高级别"),
    # Officials.
    _concept(
        "officials",
        OFFICIAL,
        r"(?:senior|key)\s+officials?|special\s+envoys?|envoys?|senior\s+advis[eo]rs?|ministers?|secretar(?:y|ies)\s+of|"
        r"national\s+security\s+advis[eo]r",
        "高级官员 官员 特使 部长 国务卿 外长",
    ),
    # Named officials: a pledge that names one is reported on only by a passage naming the same.
    # The officials' teams a pledge tasks ("tasked their teams to discuss them further").
    _concept("teams", OFFICIAL, r"teams", "团队 工作团队"),
    _concept("blinken", PERSON, r"blinken", "布林肯"),
    _concept("podesta", PERSON, r"podesta", "波德斯塔"),
    _concept("kerry", PERSON, r"kerry", "克里"),
    # Places where pledges were made (joined with the commitment's own meeting, see evidence.py).
    _concept("bali", PLACE, r"bali", "", shared=("bali",)),
    _concept("woodside", PLACE, r"woodside|san\s+francisco", "伍德赛德", shared=("san-francisco",)),
    _concept("lima", PLACE, r"lima", "", shared=("lima",)),
)
CONCEPTS += _from_bilingual()

CONCEPT_KIND = {concept.key: concept.kind for concept in CONCEPTS}


def concepts_in(text: str) -> set[str]:
    """The keys of the concepts a text names, in either language."""
    found = set()
    for concept in CONCEPTS:
        if (concept.english is not None and concept.english.search(text)) or any(
            term in text for term in concept.chinese
        ):
            found.add(concept.key)
    return found


def without_concepts(text: str) -> str:
    """The text with the English words that name a concept blanked out: a word counts once, as its
    concept ("military" is the military concept, not also a word of its own)."""
    for concept in CONCEPTS:
        if concept.english is not None:
            text = concept.english.sub(lambda m: " " * len(m.group()), text)
    return text


# --- verb classes ----------------------------------------------------------------------------------


def _either(english: str, chinese: str = "", bare_chinese: str = "") -> re.Pattern[str]:
    """English alternatives at word bounds, Chinese terms as substrings; `bare_chinese` are verbs without an
    aspect marker (签署, not 签署了), which count only where they are not a relative clause (签署的协议)."""
    parts = [r"\b(?:" + english + r")\b"] if english else []
    parts.extend(re.escape(term) for term in chinese.split())
    parts.extend(re.escape(term) + "(?!的)" for term in bare_chinese.split())
    return re.compile("|".join(parts), re.IGNORECASE)


# A one-off act that brings the committed thing into being: done once, the pledge is kept.
CREATION = _either(
    r"launched|established|set\s+up|created|resumed|restored|inaugurated|(?:re-?)?opened|signed|concluded|"
    r"held\s+(?:its|their|the)\s+first|first\s+(?:meeting|round|session)|put\s+in(?:to)?\s+force|entered\s+into\s+force|"
    r"reached\s+(?:an?\s+)?(?:agreement|consensus|deal)|finali[sz]ed|adopted|first\s+(?:\w+\s+){0,3}since",
    "启动 建立了 成立 恢复了 重启 重建了 签署了 首次 正式生效 达成了 已达成 确立了 确定了 开通了",
    bare_chinese="签署 达成 恢复",
)
# Something done (a meeting held, a purchase made, a trip taken), past tense.
ACT = _either(
    r"held|hosted|convened|chaired|met|took\s+place|visited|travell?ed\s+to|handed\s+over|turned\s+over|"
    r"repatriated|deported|extradited|returned|arrested|seized|purchased|bought|delivered|shipped|"
    r"implemented|conducted|carried\s+out|co-chaired|"
    r"completed|fulfill?ed|achieved|accomplished|was\s+part\s+of|were\s+part\s+of|"
    r"spoke|talked",
    "举行 召开 举办 会见 会晤 通话了 访问了 出席 主持 移交了 遣返了 逮捕 破获 采购了 购买了 "
    "落实了 实施了 执行了 开展了 进行了 已经 业已 查获 缉获 通电话 已",
    bare_chinese="移交 遣返 采购 购买 进口",
)
# A measure taken: a rate changed, a rule put in place, a list extended ("lowered the additional
# tariffs to 10 percent", "placed ... under control", 实施免签政策, 列入…目录). Done once, it keeps a
# pledge to take that measure (MEASURE_PLEDGED).
MEASURE = _either(
    r"lowered|reduced|cut|raised|lifted|removed|waived|exempted|imposed|granted|placed|listed|added|introduced",
    "下调了 降低了 取消了 列入了 纳入了",
    bare_chinese="实施 列入 纳入 下调",
)
MEASURE_PLEDGED = _either(
    r"lower|reduce|cut|raise|lift|remove|waive|exempt|impose|grant|place|list|add|introduce",
    "下调 降低 取消 列入 纳入 列管 免签",
)
# Words before an act that make it not (yet) done: "will be held", "agreed to hold", 将举行, 同意举行.
# (English: right before the verb; Chinese: within the few characters before it, "同意近期举行".)
NOT_YET = re.compile(
    r"\b(?:will|would|shall|to|must|should|could|may)\s+(?:be\s+|have\s+been\s+)?$|"
    r"(?:将|同意|愿|计划|拟|要|准备|希望|期待|争取|商定)[^，。；]{0,6}$",
    re.IGNORECASE,
)
# A meeting held: the mechanism it belongs to is working.
MEETING_HELD = _either(
    r"held|hosted|convened|chaired|co-chaired|took\s+place|met|(?:was|were)\s+part\s+of",
    "举行 召开 举办 主持 会晤",
)
# Reported progress or results of carrying a pledge out.
PROGRESS = _either(
    r"(?:reviewed|discussed|made|recent|significant|concrete|good|positive)\s+progress|progress\s+(?:made|on\s+implementation)|"
    r"ongoing\s+efforts?|efforts\s+of\s+their|recent\s+(?:arrests|seizures|actions|discussions|positive\s+discussions|"
    r"positive)|results|achievements|recent\s+\w+\s+discussions",
    "取得 进展 成果 成效 顺利推进 积极进展 累计",
)
# A figure reached or counted: "purchases had reached 6 million tonnes", "More than 3,000 students
# are studying ...", 人数超过4000人. A result of carrying a pledge out, as of the document's date.
FIGURE_REACHED = re.compile(
    r"\b(?:reached|totall?ed|amounted\s+to|rose\s+to|grew\s+to|exceeded|surpassed)\s+(?:\w+\s+){0,2}\d|"
    r"\b(?:more\s+than|over|nearly|almost|some)\s+\d[\d,.]*\s+(?:[\w-]+\s+){0,3}(?:are|were|have|has|had)\b|"
    r"(?:达到|超过|突破|逾)\d",
    re.IGNORECASE,
)
# Not done yet, said of the act itself: "has not yet placed ...", "is still under review", 尚未.
PENDING = _either(
    r"(?:has|have|had)\s+not\s+(?:yet\s+)?(?:been\s+)?\w+ed|not\s+yet|still\s+under\s+(?:review|consideration|discussion)",
    "尚未 仍未 还没有 还未",
)
# "has yet to open", "is yet to be signed": the act named is still to be done, whatever the verb.
YET_TO = re.compile(r"\b(?:has|have|had|is|are|was|were)\s+yet\s+to\s+(?:be\s+)?\w+", re.IGNORECASE)
# A call or a contact held, even when what was said is given as a discussion ("spoke by telephone on
# September 2 and discussed ..."): the contact itself is the news of a pledge to keep talking.
CONTACT_HELD = _either(
    r"spoke\s+(?:by\s+(?:tele)?phone|on\s+the\s+(?:tele)?phone|with)|talked\s+by\s+(?:tele)?phone|"
    r"held\s+(?:a\s+)?(?:tele)?phone\s+(?:call|conversation)|held\s+a\s+video\s+(?:call|conference)",
    "通电话 通了电话 举行视频会晤",
)
# A plan, or a new date for the first instance.
PLAN = re.compile(
    _either(
        r"planned\s+to|planning\s+(?:for|to)|plans?\s+to|upcoming|forthcoming|scheduled|in\s+the\s+(?:coming|near|next)\s+"
        r"(?:weeks?|months?|days?|future)|later\s+this\s+(?:year|month)|next\s+(?:week|month|year)|"
        r"will\s+(?:hold|visit|travel|meet)|"
        # a meeting to be held on a date: a new date for it ("would be held in Brussels on July 14")
        r"(?:will|would|is\s+to|are\s+to)\s+be\s+held\b[^.;]{0,40}?\b(?:on|in|from|by|before)\s+"
        r"(?:(?:early|mid|late)[\s-]+)?(?:January|February|March|April|May|June|July|August|September|October|"
        r"November|December|\d)",
        "计划 即将 将于 拟于 择期 筹备",
    ).pattern
    # 近期 alone is "recent" as often as "soon": a plan only after an undertaking ("同意近期举行").
    + r"|(?:同意|商定|将|决定)[^，。；]{0,4}(?:近期|尽快|年内|明年|年底|下月|\d+月)"
    # 将 / 拟 right before an act verb ("美方将派团访华", "拟召开"): a plan, whatever follows.
    + r"|(?<![模比])(?:将|拟)(?=举行|召开|启动|签署|恢复|派|访|赴|采购|移交|遣返)",
    re.IGNORECASE,
)
STALLED = _either(
    r"suspended|halted|stalled|postponed|put\s+on\s+hold|froze|frozen|paused|delayed|cancell?ed|no\s+progress",
    "暂停 中止 搁置 推迟 取消 停滞",
)
BROKEN = _either(
    r"violated|breached|reneged|failed\s+to|refused\s+to|withdrew\s+from|pulled\s+out\s+of|abandoned|reversed",
    "违反 违背 拒绝 背弃 退出 未能",
)
PARTIAL = _either(r"partially|partly|in\s+part|only\s+(?:some|part|a\s+few|a\s+fraction)", "部分")
# The pledge said again: lineage, not evidence.
RESTATEMENT = _either(
    r"reaffirm(?:ed|s)?|reiterat(?:ed|es)|recall(?:ed|s)?|renewed|(?:underscored|reaffirmed|emphasi[sz]ed)\s+"
    r"(?:the\s+)?(?:[\w’'.-]+\s+){0,3}commitment|committed\s+to\s+maintaining|will\s+continue\s+to|"
    r"agreed\s+that\s+(?:their|the)\s+teams\s+will|welcomed\s+continued|continue\s+to\s+implement|will\s+cooperate",
    "重申 继续落实 落实好 同意继续 愿继续 将继续 承诺 致力于 再次确认 共识基础上",
)
# Talk about a subject, a need or an appraisal: not a report of anything done.
DISCUSSION = _either(
    r"discussed|discussions\s+focused|exchanged\s+(?:views|on)|focused\s+on\s+ways|noted\s+the\s+importance|"
    r"underscored\s+the\s+importance|stressed|emphasi[sz]ed\s+(?:the\s+)?(?:importance|concerns?|need)|"
    r"raised|expressed\s+concerns?|the\s+need\s+to|necessity|important\s+platform|opportunity\s+to\s+identify|"
    r"importance\s+of",
    "讨论 交换意见 交换了意见 探讨 深入交流 重要作用 重要性 意义",
)
# A measure kept in force past its date: "will continue to modify ... for an additional period",
# "extended the suspension until June", 延长…至. Said with "will continue", it is still news that the
# measure was taken (README of the evidence set), not a restatement.
EXTENSION = _either(
    r"for\s+an?\s+(?:additional|further)\s+(?:period|\w+\s+(?:days|weeks|months|years))|"
    r"extend(?:ed|s|ing)?\s+(?:the|its|their)\s+\w+|maintain\s+(?:its|their|the)\s+suspension",
    "延长 延期至 继续暂停 继续延长",
)
# A pledge that runs on ("maintain", "continue", "on an ongoing basis"): a further meeting or a
# plan is progress, not fulfilment.
OPEN_ENDED = _either(
    r"maintain\w*|continu\w+|ongoing|regular\w*|keep|deepen|strengthen|expand|sustain\w*|cooperat\w+|promot\w+",
    "继续 保持 加强 深化 办好 定期 常态化 持续 推进",
)
# The one-off acts a pledge can promise (the pledge is fulfilled when the passage reports one).
ONE_OFF = _either(
    r"establish\w*|launch\w*|resum\w+|restor\w+|set\s+up|creat\w+|hold|visit|sign|conclude|"
    r"inaugurat\w*|open|put\s+in\s+force",
    "建立 启动 恢复 举行 访问 签署 成立 开通",
)
# A channel reported kept up: the broad "keep communicating" pledges' own news.
CHANNEL_KEPT = re.compile(
    r"\b(?:maintain(?:ed|ing|s)?|kept\s+up|keeps?\s+up|keeping\s+up|sustain(?:ed|ing)?)\s+(?:\w+\s+){0,3}"
    r"(?:channels?|communications?|contacts?|dialogues?|consultations)\b|"
    r"\bregular\s+(?:\w+\s+)?(?:communications?|contacts?|consultations|exchanges)\b|"
    r"保持[^，。；]{0,6}(?:沟通|联系|接触|对话|磋商)|(?:经常性|定期|常态化)[^，。；]{0,4}(?:沟通|接触|联系|对话|磋商)",
    re.IGNORECASE,
)
# A step beyond the one pledged: "will further lower the tariffs", 进一步下调.
FURTHER = _either(r"further|additional(?:ly)?|again", "进一步 再次 再度")
# A pledge to hold a meeting (once): "agreed to hold the … Dialogue", 同意举行…会议.
TO_HOLD = _either(r"hold|convene|host", "举行 召开 举办")
# Both sides at once ("the two sides", 双方): joint conduct, no single party.
JOINT = _either(r"both\s+sides|two\s+sides|both\s+countries|two\s+countries|the\s+leaders|jointly", "双方 两国 共同")


# --- parties, as Chinese texts abbreviate them -------------------------------------------------------

CHINA = "China"
# One character per party in compounds: 中美 (China-US), 中欧 (China-EU), 美中 ...
CHINESE_ABBREVIATIONS = {
    "中": CHINA,
    "美": "United States",
    "欧": "EU",
    "日": "Japan",
    "俄": "Russia",
    "英": "United Kingdom",
    "法": "France",
    "德": "Germany",
    "印": "India",
    "澳": "Australia",
    "韩": "South Korea",
}
_OTHERS = "".join(ch for ch in CHINESE_ABBREVIATIONS if ch != "中")
CHINESE_PAIR = re.compile(
    f"(中[{_OTHERS}]|[{_OTHERS}]中)(?=两国|双方|关系|合作|元首|领导人|对话|禁毒|工作组|之间|经贸|人文|高级别|峰会|会晤|战略|联合"
    "|举行|会谈|磋商|海上|军事|两军|执法|气候|外交|高层|团队|航班|双边|年度|[，。、])"
    # 中美 is China and the United States before anything but 洲 (中美洲, Central America).
    "|(中美)(?!洲)"
)
# Titles Chinese media give China's own officials without naming the country.
# A Chinese state body as a sentence's subject, in Chinese media ("国家禁毒委员会办公室宣布…", "公安部…"):
# China acting, though no country is named.
CHINESE_STATE_BODY = re.compile(
    # (after a dateline: "新华社北京11月5日电 ")
    r"^\s*(?:\S{0,4}社\S{0,12}电\s*)?(?:据)?(?:国家[\u4e00-\u9fff]{1,10}?(?:委员会|局|署|办公室)|国务院|公安部|商务部|外交部|海关总署|财政部|"
    r"生态环境部|教育部|农业农村部)"
)
# An appraisal of the other side's conduct: "China welcomed the return by Australia of ...", 中方赞赏澳方….
# The conduct reported is that of the side named after the verb.
APPRAISAL = _either(r"welcomed|commended|appreciated|praised|applauded|hailed", "赞赏 积极评价 欢迎 肯定 感谢")
CHINESE_DOMESTIC_TITLE = re.compile(r"国家主席|国务院总理|国务院副总理|国务委员|外交部长|中共中央")
