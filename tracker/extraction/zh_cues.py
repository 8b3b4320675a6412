"""The grammar of a Chinese commitment, one named rule per cue: subject -> cue -> future action.

A clause is read in two steps (``read_clause``):
1. its commitment cue: the earliest of the cue rules in ``CUE_RULES`` (agreement, will, committed to,
   intent, a call for the parties' own joint action, explore / consider);
2. the vetoes of ``VETO_RULES``, each a named reason of the labelling rules (devset-zh/README.md):
   willingness, hope, "should", need, condition, past, ongoing, discussion, calls on others,
   welcomes, third parties, positions, predictions, logistics, principles. Most look only at the
   words before the cue ("中方愿…加强合作" is willingness; "双方同意…，希望…" is not vetoed by a
   later hope), a few at the whole clause.
A clause with neither a cue nor a veto is neutral: it continues a commitment begun before it in the
sentence, or an agreement carried in by a list lead-in.

将 is "will" only when it is not the object marker of 将 X 作为 / 定为 / 确定为 / 列入 / 打造成 ... (= 把).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

FIRM, INTENT, HEDGED = "firm", "intent", "hedged"

# --- cue patterns -----------------------------------------------------------------------------

# 责成 (tasked): the principals instruct their teams, as "tasked their teams to" does in English
# 就…达成一致 (reached agreement on) is agreed too
AGREEMENT = re.compile(r"一致同意|同意|商定|约定|决定(?!性)|承诺|确认将|重申将|责成|达成一致|达成共识")
# 将 as the object marker: "将2025年确定为…", "将创新合作打造成…", "将16家实体列入…名单"
OBJECT_MARKER = re.compile(
    r"将(?!于|在|继续|进一步|共同|积极|向|与|同|和|为)[^，。；：]{1,30}?"
    r"(?:作为|视为|定为|确定为|列为|列入|纳入|打造成|打造为|建设成|建成为|转为|转化为|变为|置于|引入|提升为|写入)"
)
# "宣布2024年为“中国东盟人文交流年”": a designated year of a joint programme
DESIGNATION = re.compile(r"宣布(?=\d{4}(?:[—–-]\d{4})?年为)")
# not 即将 (about to), 将近 (nearly), 将军 / 将领 (a general)
WILL = re.compile(r"(?<!即)将(?!近|军|领|士|来)(?:继续|进一步|共同|积极|加快|尽快|尽早)?")
COMMITTED_TO = re.compile(r"致力于")
# 计划 and 拟 as verbs ("计划明年举行", "拟建立"), not the nouns of "行动计划" or "模拟"
INTENT_CUE = re.compile(
    r"将共同努力|共同努力|将努力|致力于推动|致力于促进|(?<!行动)(?<!合作)(?<!发展)(?<!工作)(?<!五年)计划(?![和、，。；书》”])"
    r"|(?<![模虚])拟(?!定|订)|争取|力争"
)
# 支持 / 主张 / 呼吁 + a concrete joint action of the parties themselves: called for own action (intent)
OWN_CALL = re.compile(
    r"(?:支持|主张|呼吁)(?:双方|两国|各方|中.双方|我们|彼此)?(?:尽快|尽早|早日|积极|共同)?"
    r"(?:启动|建立|签署|商签|举行|召开|达成|落实|开展|设立|成立|恢复|重启)"
)
# 可 is "may" only before a verb of doing ("双方可在…", "可视情…"), not in 可行, 可预期, 可持续
EXPLORE = re.compile(
    r"探讨|探索|(?<!可行性)(?<!前期)(?<!联合)(?<!课题)研究(?=[\u4e00-\u9fff])(?!报告|成果|中心|机构|院|所|项目)"
    r"|积极考虑|考虑|可以|可(?=在|就|由|视|根据|按|通过|探讨|考虑|研究|开展|进一步|适时)|视情|在[^，。；]{1,12}条件下"
)
# "原则上同意…" (agreed in principle): the action still waits on terms, as "subject to agreement" (hedged)
IN_PRINCIPLE = re.compile(r"原则上(?=同意|接受|批准|赞同)")
# "中方不会对…采取新的贸易限制措施": a pledged negative action (firm), not a position that stays unchanged
NEGATIVE_WILL = re.compile(
    r"(?:不会|不再|将不)(?:对[^，。；]{1,20}?)?(?:采取|实施|加征|征收|部署|设立|出售|提高|限制|进行)"
)
# "将根据国内产业发展情况，" : the basis of an action the next clause names, which sets its strength
BASIS = re.compile(r"将(?:根据|按照|依据|结合|视)[^，。；]{0,24}(?:情况|需要|需求|要求|形势|进展)[，,]?$")
# 重申 + carrying out a named agreement ("重申将全面落实《…协定》"): a reaffirmed commitment (firm);
# 重申 + a principle, a consensus or a position is not
REAFFIRMED = re.compile(r"重申(?:将|继续)?(?:全面|认真|切实)?(?:落实|履行|遵守|执行)[^，。；]{0,30}《")
# "将积极考虑", "还将探讨", "同意探索建立", "将共同努力", "责成外交部门研究…" (tasked to study): the verb
# after 将 or 同意 sets the strength, as "will explore" and "agreed to explore" do
MODAL_THEN = re.compile(
    r"(?:将|一致同意|同意|商定|决定|责成[^，。；]{1,12}?)(?:进一步|继续|积极|共同|一道|联合|携手|认真|深入)?"
    r"(?=探讨|探索|研究|积极考虑|考虑|视情|酌情|共同努力|努力|争取|力争)"
)
# A concrete joint action that a proposal (建议) may name: a negotiation, consultations, an agreement
# or a mechanism to set up, a meeting to hold. Proposals of "more cooperation in a field" are vague.
JOINT_ACTION = re.compile(
    r"(?:推进|推动|恢复|完成|启动|重启|建立|签署|商签|举行|召开|达成|设立|成立|制定|谈判|磋商|加快|实施|建设)"
    r"[^，；。]{0,24}?(?:谈判|磋商|协定|协议|准则|机制|会议|对话|平台|中心|基金|网络|扩员|合作计划|行动计划)"
)

# --- veto patterns ----------------------------------------------------------------------------

# not the nouns 愿景 (a vision: "落实好“旧金山愿景”") and 心愿
WILLINGNESS = re.compile(r"愿意|(?<!心)愿(?!景)|准备|有意")
HOPE = re.compile(r"希望|期待|期望|盼")
NORMATIVE = re.compile(
    r"应当|应该|(?<![因答回相供适响反呼顺感效理])应(?![对用邀约急届])|(?<![重主需纲摘必首只])要(?![求点素闻])|必须"
)
# "…进展表明，双方可以…": what events show is a view, and it governs the clauses after it
NEED = re.compile(r"有必要|认为|相信|强调.{0,10}重要|表明|证明")
CONDITION = re.compile(r"如果|(?<![例比诸])如(?![下期何今实此])|若(?!干)|倘若|一旦|前提是|前提下")
PAST = re.compile(r"已经|已(?!有)|曾|过去|宣布完成|见证签署")
# "已同意于10月举行…": an agreement already reached on a future act is no past act
AGREED_ON_FUTURE = re.compile(r"已(?:经)?(?:一致)?(?:同意|商定|决定)(?:于|将|在|年内|明年|今年)")
# 了 after a verb marks a completed act wherever it stands ("共同努力恢复和新建了…渠道")
PERFECTIVE = re.compile(r"(?<![为除])了(?!解)")
ONGOING = re.compile(r"正在|持续推进")
DISCUSSED = re.compile(r"讨论|交换意见|探讨了|进行了")
CALL_ON_OTHERS = re.compile(r"敦促|呼吁.{0,6}(?:日方|美方|各国|国际社会)|鼓励.{0,8}(?:企业|公司|机构|航空)")
WELCOMED = re.compile(r"欢迎|注意到|赞赏|感谢")
SUPPORT = re.compile(r"支持|主张|反对")
UNCHANGED = re.compile(r"没有变|不会变|不变|没变|不会动摇|不寻求|不会")
# 将 + support or a standing position: "中方将坚定支持…", "将继续奉行…", "将始终把…置于…"
# 将坚持 + a policy to carry out ("双方将坚持双向开放") is "will"; + a principle or a position it is not
POSITION_AFTER_WILL = re.compile(
    r"将(?:继续|始终|一如既往地?)?(?:坚定)?(?:地)?(?:支持|奉行|恪守|站在|把|同.{0,6}站在)"
    r"|将(?:继续|始终)?(?:坚定)?坚持[^，。；]{0,16}(?:原则|政策|立场|方针|道路|主张|定位|理念)"
)
PREDICTION = re.compile(
    r"^(?:这|此|该|它|这些|这将)|必将|将为[^，。；]{0,30}(?:空间|条件|机遇|动力|贡献|作出|做出|注入|开辟|创造)"
    r"|将成为|将是|带来|有利于|相信"
)
# What a commitment is for, not a commitment: "（不仅）为彼此经济社会建设提供坚实助力"
BENEFIT = re.compile(
    r"^(?:不仅|也|还|从而|进而)?为[^，。；]{0,24}(?:提供|注入|增添|带来)[^，。；]{0,8}(?:助力|动力|支撑|保障|活力|福祉)"
)
# 同意 + someone's view: "同意习近平主席的看法" agrees with an opinion, not to act
AGREED_VIEW = re.compile(r"同意[^，。；]{0,24}(?:看法|观点|意见|判断|评估|分析|十分重要|很重要|重要)[，。；]?$")
LOGISTICS = re.compile(
    r"(?:将于|定于).{0,20}(?:出席|访问|会见|会晤|主持|访华|出访)"
    r"|(?:将于|定于).{0,20}(?:举行|召开|举办)(?:[^，。；]{0,30}(?:会议|会谈|会晤|峰会|论坛|对话|磋商|年会|会)|[。，；]|$)"
    r"|(?:会晤|会议|峰会|论坛|对话|磋商|年会)[^，。；]{0,8}(?:将于|将在|定于)[^，。；]{0,20}(?:举行|召开|举办)"
    r"|出席|访问|举行会晤|下次[^，。；]{0,12}(?:会议|会晤|峰会|对话|磋商)|下一次|下一轮|下一届|下届|接任|轮值主席"
)
# Actors not named: "有关成员国将…", "有意愿的成员国…", "部分国家…" (a commitment needs named parties)
UNNAMED = re.compile(r"(?:有关|有意愿的|感兴趣的|部分|一些|个别)(?:成员国|国家|方面|各方|伙伴)")
# A clause opening with a principle verb: "坚持公平正义", "共同维护世界和平稳定", "反对霸权主义"
# or one upholding an order ("维护以联合国为核心的国际体系"), or steering a direction ("推动…朝着…方向发展")
PRINCIPLE = re.compile(
    r"^(?:共同|继续|始终)?(?:坚持|恪守|奉行|反对|维护(?:世界|地区|国际)|尊重)"
    r"|(?:^|致力于|重申|同意)(?:共同|继续|始终)?维护[^，。；]{0,30}(?:秩序|体系|体制|宗旨|权威|多边主义)"
    r"|朝着[^，。；]{0,24}方向"
    # "坚决维护中国企业的正当权益", "维护自身领土主权": defending rights or interests is a position
    # (also after a short subject: "我们将坚决维护…正当权益")
    r"|^(?:[^，。；]{1,6}?(?:将|坚决|坚定|共同|继续|始终)+|(?:将|坚决|坚定|共同|继续|始终)*)维护[^，。；]{0,24}(?:权益|利益|主权|尊严)"
    # "根据事情本身的是非曲直决定自己的立场": 决定 as "determine", a position
    r"|根据[^，。；]{0,30}决定|决定[^，。；]{0,8}(?:立场|态度)"
)


@dataclass(frozen=True)
class Cue:
    strength: str
    position: int
    kind: str  # the rule that found it, for reviewers


@dataclass(frozen=True)
class Reading:
    """What a clause says: a cue (a commitment starts or changes strength here), a veto reason (it
    does not commit and ends any commitment before it), or neither (it continues what came before)."""

    cue: Cue | None = None
    veto: str | None = None


# --- cue rules: one function per trigger kind ---------------------------------------------------


def _first(pattern: re.Pattern[str], clause: str, strength: str, kind: str) -> Cue | None:
    match = pattern.search(clause)
    return Cue(strength, match.start(), kind) if match else None


def own_call(clause: str) -> Cue | None:
    """支持双方尽快启动…谈判: called for the parties' own concrete action (intent)."""
    return _first(OWN_CALL, clause, INTENT, "own-call")


def will_then_verb(clause: str) -> Cue | None:
    """将探讨 / 同意探索 / 将积极考虑 (hedged), 将共同努力 / 将争取 (intent): the verb after 将 or 同意
    decides."""
    match = MODAL_THEN.search(clause)
    if match is None:
        return None
    after = clause[match.end() :]
    strength = INTENT if re.match(r"共同努力|努力|争取|力争", after) else HEDGED
    return Cue(strength, match.start(), "will-then-verb")


def agreement(clause: str) -> Cue | None:
    """同意 / 一致同意 / 商定 / 决定 / 承诺: agreed, decided, pledged (firm)."""
    return _first(AGREEMENT, clause, FIRM, "agreement")


def in_principle(clause: str) -> Cue | None:
    """原则上同意: agreed in principle (hedged)."""
    return _first(IN_PRINCIPLE, clause, HEDGED, "in-principle")


def negative_will(clause: str) -> Cue | None:
    """不会 / 不再 + a measure: will not act (a negative pledge, firm)."""
    return _first(NEGATIVE_WILL, clause, FIRM, "negative-pledge")


def intent(clause: str) -> Cue | None:
    """共同努力 / 计划 / 拟 / 争取 / 致力于推动: will work to, plan, aim (intent)."""
    return _first(INTENT_CUE, clause, INTENT, "intent")


def explore(clause: str) -> Cue | None:
    """探讨 / 探索 / 研究 / 积极考虑 / 可: explore, consider, may (hedged)."""
    return _first(EXPLORE, clause, HEDGED, "explore")


def designation(clause: str) -> Cue | None:
    """宣布2024年为“…交流年”: a year of a joint programme announced (firm)."""
    return _first(DESIGNATION, clause, FIRM, "designation")


def reaffirmed(clause: str) -> Cue | None:
    """重申落实《…》: reaffirmed a named, still-valid agreement or plan (firm)."""
    return _first(REAFFIRMED, clause, FIRM, "reaffirmed")


def will(clause: str) -> Cue | None:
    """将 / 将继续 / 将进一步: will (firm), unless 将 marks an object (将 X 定为 …)."""
    markers = [(m.start(), m.end()) for m in OBJECT_MARKER.finditer(clause)]
    for match in WILL.finditer(clause):
        if not any(a == match.start() for a, _b in markers):
            return Cue(FIRM, match.start(), "will")
    return None


def committed_to(clause: str) -> Cue | None:
    """致力于 + an action: committed to (firm); with only an aim it is vague (see ``is_vague``)."""
    return _first(COMMITTED_TO, clause, FIRM, "committed-to")


# The order breaks ties at one position: "将共同努力" is intent before it is "将".
CUE_RULES: tuple[Callable[[str], Cue | None], ...] = (
    in_principle,
    negative_will,
    own_call,
    will_then_verb,
    intent,
    explore,
    agreement,
    reaffirmed,
    designation,
    committed_to,
    will,
)


def find_cue(clause: str) -> Cue | None:
    found = [(cue.position, rank, cue) for rank, rule in enumerate(CUE_RULES) if (cue := rule(clause))]
    return min(found, key=lambda item: item[:2])[2] if found else None


# --- veto rules: a named reason each ------------------------------------------------------------

# (reason, pattern, scope): "head" looks before the cue (the whole clause when there is none),
# "clause" at the whole clause.
VETO_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("willingness", WILLINGNESS, "head"),
    ("hope", HOPE, "head"),
    ("normative", NORMATIVE, "head"),
    ("need", NEED, "head"),
    ("condition", CONDITION, "head"),
    ("past", PAST, "head"),
    ("past", PERFECTIVE, "clause"),
    ("ongoing", ONGOING, "head"),
    ("discussed", DISCUSSED, "head"),
    ("call on others", CALL_ON_OTHERS, "clause"),
    ("welcomed", WELCOMED, "head"),
    ("unnamed actors", UNNAMED, "head"),
    ("position", SUPPORT, "head"),
    ("position", UNCHANGED, "head"),
    ("position", POSITION_AFTER_WILL, "clause"),
    ("logistics", LOGISTICS, "clause"),
    ("agreed view", AGREED_VIEW, "clause"),
    ("prediction", BENEFIT, "clause"),
    ("principle", PRINCIPLE, "clause"),
)


# Vetoes that a commitment carries on through when a committing clause follows them in the same
# sentence ("双方将坚持双向开放，反对“脱钩断链”，为对方企业提供…营商环境"): at its end they are left out.
SOFT_VETOES = frozenset({"principle", "position"})

# Vetoes that govern the clauses after them too, until one names its own actor or agrees:
# "金砖国家应该…，致力于…" is inside the scope of 应该.
MODAL_VETOES = frozenset({"willingness", "hope", "normative", "need", "condition"})


def veto_reason(clause: str, cue: Cue | None) -> str | None:
    head = clause[: cue.position] if cue else clause
    if cue is not None and AGREED_ON_FUTURE.search(clause):
        head = head.rstrip("已经")  # "已同意于10月举行": the agreement, not a past act, is what 已 marks
    for reason, pattern, scope in VETO_RULES:
        if pattern.search(head if scope == "head" else clause):
            return reason
    if cue is not None and PREDICTION.search(clause):
        return "prediction"
    return None


def read_clause(clause: str) -> Reading:
    cue = find_cue(clause)
    reason = veto_reason(clause, cue)
    if reason:
        return Reading(veto=reason)
    return Reading(cue=cue)


# --- the object: vague or concrete --------------------------------------------------------------

# Objects that make a commitment concrete even without a topic keyword.
CONCRETE = re.compile(
    r"合作|机制|对话|磋商|会议|协议|协定|计划|项目|资金|美元|亿|倡议|伙伴|沟通|交流|解决|中心|实验室|园区|基地|走廊|"
    r"工程|平台|基金|援助|援建|论坛|大赛|奖学金|名额|培训|免签|签证|航线|展馆|办事处|谈判|关税|参展|交流年|孵化园|准则|"
    r"大使|使馆|领事|联合工作组|工作组|派遣|派出|派团|互派|考察团|代表团|联合研究|联合实验室|经常性联系|保持联系|团队|"
    r"联合[^，。；]{0,8}行动|联合巡逻|联合执法"
)
# A pledged negative action is concrete by itself: "承诺不再同台湾发生任何官方关系"
NEGATIVE_PLEDGE = re.compile(r"(?:承诺|保证|同意)(?:不再|不进行|不会|永不|不)|" + NEGATIVE_WILL.pattern)
# "推进…务实合作", "深化战略伙伴关系": cooperation or a partnership with no field named
NO_FIELD = re.compile(
    r"^[^，；。]{0,30}?(?:务实合作|互利合作|各领域合作|战略伙伴关系|伙伴关系|友好关系|双边关系)(?:的?内涵|水平)?[，；。]?$"
)


# "为危机政治解决发挥建设性作用", "积极参与全球气候治理": a role to play, not an action
PLAY_A_ROLE = re.compile(r"发挥[^，。；]{0,10}作用|参与[^，。；]{0,10}治理")


# "双方同意保持沟通": keeping in touch, with no matter named (a commitment that says only this is vague)
KEEP_IN_TOUCH = re.compile(
    r"^[^，；。]{0,6}?(?:一致)?(?:同意|将)?(?:继续)?保持(?:密切)?(?:沟通|沟通协调|沟通与协调)[，；。]?$"
)


def is_vague(clause: str, topics: list[str]) -> bool:
    """More cooperation without a field, a partnership to deepen, or a role to play: vague, like
    English "called for more collaboration" and "will play a constructive role"."""
    if NO_FIELD.search(clause) or PLAY_A_ROLE.search(clause):
        return True
    return not topics and not CONCRETE.search(clause) and not NEGATIVE_PLEDGE.search(clause)


# "用于缓解人道主义危机，支持…重建": what a commitment is for goes with it, whatever its verb
PURPOSE = re.compile(r"^(?:用于|以便|旨在|以帮助|用以)")
# "力争2030年…达到200亿美元" after a commitment: the aim it is measured by, not a weaker pledge
AIM = re.compile(r"^[^，。；]{0,4}(?:力争|争取)")


def proposal_reading(clause: str) -> Cue | None:
    """An item of one party's proposals reads like "called for": a concrete joint action is intent
    (探索建立 … hedged); more cooperation in a field is vague."""
    action = JOINT_ACTION.search(clause)
    if action is None:
        return None
    explored = EXPLORE.search(clause[: action.start() + 2])
    return Cue(HEDGED if explored else INTENT, action.start(), "proposal")
