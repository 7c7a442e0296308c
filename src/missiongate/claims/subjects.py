"""Whom a cue is about and who says it: the subject countries of a cue, the speaker, the operation and a
destination that is no known operation."""

from __future__ import annotations

import re

from missiongate.claims import lexicon as lx
from missiongate.claims.frames import PRONOUN_NP, is_name, sentence_subject, speech_of
from missiongate.claims.gazetteer import country_name
from missiongate.claims.missions import MissionRef, find_missions
from missiongate.claims.model import Mention
from missiongate.claims.sentence import (
    Analysis,
    Context,
    Cue,
    Frame,
    clause_after,
    in_spans,
    window_start,
)

_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
# "Sending soldiers to the Red Sea is off the table, the premier said": the speaker's country refuses
_GERUND_SUBJECT = re.compile(
    r"\s*(?:sending|deploying|contributing|joining|taking part|participating)\b", re.I
)
_BARE_VERB_GROUP = re.compile(
    r"^\s*(?:(?:did|does|do|has|have|had|will|would|is|are|was|were|not|never|also|then|n't)\s*)*"
    r"(?:(?:shown|made|given|expressed|signalled|signaled|voiced)\s+)?$",
    re.I,
)
_AFTER_CONJUNCTION = re.compile(r"\b(?:but|and)\s*$", re.I)
_NOT_SUBJECT_WINDOW = re.compile(
    r"\b(?:force|mission|operation|coalition|UN|council|states|countries|nations|resolution|plan|it|they)\b",
    re.IGNORECASE,
)
# "participation of Azerbaijan", "no decision has been made on whether Irish troops will remain"
_RIGHT_ATTACH = re.compile(
    r"^\s+(?:of|from|by|(?:[\w]+\s+){0,4}?(?:on|about|over) whether)\s+(?:the\s+)?$", re.IGNORECASE
)


def _eligible(sent: Analysis, mention: Mention, pos: int, host_ok: bool = False) -> bool:
    """Can `mention` be the subject of a cue at `pos`? Not when it names the speaker of that cue, nor the
    place of an operation unless the cue is consent (a host consents: `host_ok`)."""
    if in_spans(mention.start, sent.suppressed) or (is_host(sent, mention) and not host_ok):
        return False
    if lx.REQUESTER_AFTER.match(sent.text, mention.end):
        return False  # "Washington's request for troops": the one who asks
    for frame in sent.frames:
        governs = frame.scope_start <= pos < frame.scope_end
        if governs and frame.np_start <= mention.start < frame.np_end:
            return False
        if 0 <= frame.object_start <= mention.start < frame.scope_start:
            return False  # the addressee: "Baku informed Washington that ..."
    return not _after_preposition(sent, mention)


def is_host(sent: Analysis, mention: Mention) -> bool:
    """A country named as the place of an operation ("a Haiti contribution") hosts it, not a contributor."""
    return any(0 <= r.host_start <= mention.start < r.end for r in sent.missions)


def _after_preposition(sent: Analysis, mention: Mention) -> bool:
    head = mention
    if lx.FINITE_AFTER.match(sent.text, mention.end):
        return False  # "for Haiti, Peru had postponed its decision": a clause's subject, not a list item
    for other in reversed([m for m in sent.mentions if m.end <= mention.start]):
        if lx.COORDINATION.match(sent.text[other.end : head.start]):
            head = other
        else:
            break
    if lx.PART_NOUN_BEFORE.search(sent.text, max(0, head.start - 60), head.start):
        return False  # "troops from Bangladesh will join": the troops are Bangladesh's
    if lx.ORGAN_OF_BEFORE.search(sent.text, max(0, head.start - 90), head.start):
        return False  # "the government of Bhutan has agreed"
    return bool(lx.PREPOSITION_BEFORE.search(sent.text, max(0, head.start - 40), head.start))


def subjects_of(
    sent: Analysis, cue: Cue, frame: Frame | None, ctx: Context
) -> tuple[tuple[str, ...], list[tuple[int, int]]]:
    """Countries the cue is about: named before it in its clause, then a pronoun, then one named right
    after a noun cue ("no decision on sending Azerbaijani servicemen"), then the speaker's own country."""
    if cue.kind == "arrival" and (owner := _demonym_of(sent, cue)):
        return (owner.code,), [(owner.start, owner.end)]  # "a party of Bangladeshi engineers arrived"
    soft = window_start(sent, cue.start, hard=False)
    if found := _named_subjects(sent, cue, soft):
        return found
    speaker_frame = speech_of(sent, frame, cue.start)
    window = sent.text[soft : cue.start]
    anaphors = list(lx.ANAPHOR.finditer(window))
    if anaphors:
        anaphor = anaphors[-1]  # the pronoun nearest the cue
        if anaphor["third"] and lx.OTHERS_SUBJECT.search(window, 0, anaphor.start()):
            return (), []  # "ten countries had confirmed they would send troops": not the speaker's
        return _resolve_anaphor(sent, anaphor, speaker_frame, soft, ctx), []
    if found := _named_subjects(sent, cue, window_start(sent, cue.start, hard=True)):
        return found
    passive = cue.kind != "received" or "been received" in sent.text[cue.start : cue.end].lower()
    if cue.kind in lx.RIGHT_SUBJECT and passive and (right := _right_subject(sent, cue)):
        return (right.code,), [(right.start, right.end)]
    if agents := _passive_agents(sent, cue):
        return tuple(dict.fromkeys(m.code for m in agents)), [(m.start, m.end) for m in agents]
    if lead := _coordinated_verb_subject(sent, cue):
        return tuple(dict.fromkeys(m.code for m in lead)), [(m.start, m.end) for m in lead]
    if not _NOT_SUBJECT_WINDOW.search(window) and (len(window.split()) <= 6 or _GERUND_SUBJECT.match(window)):
        return _frame_countries(sent, speaker_frame, ctx), []
    return (), []


def _demonym_of(sent: Analysis, cue: Cue) -> Mention | None:
    """The country right before an arrival, unless it is the operation's place ("the Haiti force landed")."""
    return next(
        (
            m
            for m in sent.mentions
            if m.end <= cue.start and not sent.text[m.end : cue.start].strip() and not is_host(sent, m)
        ),
        None,
    )


def _named_subjects(
    sent: Analysis, cue: Cue, start: int
) -> tuple[tuple[str, ...], list[tuple[int, int]]] | None:
    candidates = [
        m
        for m in sent.mentions
        if start <= m.start and m.end <= cue.start and _eligible(sent, m, cue.start, cue.kind in lx.CONSENT)
    ]
    if not candidates:
        return None
    chain = _coordinated(sent, candidates)
    if lx.WISH_BEFORE.search(sent.text, max(0, chain[0].start - 30), chain[0].start):
        return (), []  # "hoped Indonesia would send": a wish, not a claim
    return tuple(dict.fromkeys(m.code for m in chain)), [(m.start, m.end) for m in chain]


def _coordinated_verb_subject(sent: Analysis, cue: Cue) -> list[Mention]:
    """`Bahrain's king pledged support but did not commit troops`: the sentence's subject."""
    hard = window_start(sent, cue.start, hard=True)
    if not _BARE_VERB_GROUP.match(sent.text[hard : cue.start]) or not _AFTER_CONJUNCTION.search(
        sent.text, 0, hard
    ):
        return []
    subject = sentence_subject(sent.text)
    if subject is None:
        return []
    return [
        m
        for m in sent.mentions
        if subject[0] <= m.start < subject[1] + 2 and not in_spans(m.start, sent.suppressed)
    ]


def _passive_agents(sent: Analysis, cue: Cue) -> list[Mention]:
    """`Soldiers will be provided by Mongolia and Fiji`: the agents after "by", with coordination."""
    if not re.search(r"\b(?:be|been|was|were)\b", sent.text[cue.start : cue.end], re.IGNORECASE):
        return []
    agents: list[Mention] = []
    for mention in sent.mentions:
        if mention.start < cue.end:
            continue
        gap = sent.text[agents[-1].end if agents else cue.end : mention.start]
        if (lx.PASSIVE_BY if not agents else lx.COORDINATION).match(gap):
            agents.append(mention)
        else:
            break
    return agents


def _coordinated(sent: Analysis, candidates: list[Mention]) -> list[Mention]:
    chain = [candidates[-1]]
    for mention in reversed(candidates[:-1]):
        if lx.COORDINATION.match(sent.text[mention.end : chain[0].start]):
            chain.insert(0, mention)
        else:
            break
    return chain


def _right_subject(sent: Analysis, cue: Cue) -> Mention | None:
    """`participation of Azerbaijan`, `no decision on sending Azerbaijani servicemen` (same clause)."""
    clause_end = sent.text.find(",", cue.end)
    for mention in sent.mentions:
        if cue.kind == "approval" and cue.start < mention.start < cue.end and mention.kind == "demonym":
            return mention  # "signed off on a 900-strong Nepali contingent"
        if mention.start < cue.end or (clause_end >= 0 and mention.start > clause_end):
            continue
        if _RIGHT_ATTACH.match(sent.text[cue.end : mention.start]) or _eligible(sent, mention, cue.start):
            return mention
    return None


def _resolve_anaphor(
    sent: Analysis, anaphor: re.Match[str], frame: Frame | None, offset: int, ctx: Context
) -> tuple[str, ...]:
    own = _frame_countries(sent, frame, ctx)
    if anaphor["first"] or own:
        return own
    before = [m for m in sent.mentions if m.end <= offset + anaphor.start() and not is_host(sent, m)]
    eligible = [
        m for m in before if not _after_preposition(sent, m) and not in_spans(m.start, sent.suppressed)
    ]
    if not eligible and any(_in_condition(sent, m) for m in before):
        return ()  # "If Brazil sent engineers, they would need ...": the pronoun is as hypothetical
    pick = eligible or [m for m in before if not _after_preposition(sent, m)]
    return (pick[-1].code,) if pick else ctx.last_countries


def _in_condition(sent: Analysis, mention: Mention) -> bool:
    """Is the mention inside a suppressed "if" clause (a hypothetical, not a question's "whether")?"""
    return any(
        start <= mention.start < end and re.match(r"\W*if\b", sent.text[start:end], re.IGNORECASE)
        for start, end in sent.suppressed
    )


def _frame_countries(sent: Analysis, frame: Frame | None, ctx: Context) -> tuple[str, ...]:
    if frame is not None and frame.np_start >= 0:
        inside = [m for m in sent.mentions if frame.np_start <= m.start < frame.np_end]
        if inside:
            chain = _coordinated(
                sent, inside[:1] + [m for m in inside[1:] if _is_coordinated(sent, inside, m)]
            )
            return tuple(dict.fromkeys(m.code for m in chain))
        if frame.np and PRONOUN_NP.match(frame.np.strip()):
            return ctx.last_countries  # "he said": the speaker of the previous claims, about them
        return _registered(frame.np, ctx)
    if frame is None and sent.turn_speaker:
        return _registered(sent.turn_speaker, ctx) or ctx.last_countries
    return ()


def _is_coordinated(sent: Analysis, inside: list[Mention], mention: Mention) -> bool:
    index = inside.index(mention)
    return bool(lx.COORDINATION.match(sent.text[inside[index - 1].end : mention.start]))


def _registered(np: str | None, ctx: Context) -> tuple[str, ...]:
    for word in (np or "").split():
        if (countries := ctx.registry.get(word.strip(",.").lower())) is not None:
            return countries
    return ()


# --- speaker, mission, quote ------------------------------------------------------------------------------


def speaker_of(sent: Analysis, frame: Frame | None, ctx: Context) -> tuple[str | None, str | None]:
    if frame is None or not frame.np:
        if sent.turn_speaker:
            return split_speaker(sent.turn_speaker)
        if header := lx.DOCUMENT_HEADER.match(sent.text):
            return split_speaker(header.group("np") or header.group("owner") or header.group("role"))
        if organ := lx.ORGAN_SUBJECT.match(sent.text):
            return split_speaker(organ.group("np"))
        return None, None
    if PRONOUN_NP.match(frame.np.strip()):
        return ctx.last_speaker if ctx.last_speaker[0] else (None, None)
    return split_speaker(frame.np)


def split_speaker(np: str) -> tuple[str, str | None]:
    """("Interior Minister Daniel Kiprono") -> ("Daniel Kiprono", "Interior Minister")."""
    np = np.strip(" ,.“”\"'")
    head, _, apposed = np.rpartition(",")
    if head and is_name(apposed.strip()):
        return apposed.strip(), head.strip() or None
    words = np.split()
    cut = len(words)
    while cut > 0 and is_name(words[cut - 1]) and not (cut == 1 and len(words) > 1):
        cut -= 1
    name, role = " ".join(words[cut:]), " ".join(words[:cut])
    has_role = any(w.lower().strip(",.") in lx.ROLE_WORDS for w in words[:cut])
    if name and role and has_role:
        return name, role
    return np, (np if has_role else None)


def mission_of(
    sent: Analysis, cue: Cue, subject_spans: list[tuple[int, int]], ctx: Context
) -> tuple[str | None, bool]:
    def usable(ref: MissionRef) -> bool:
        overlaps = any(s < ref.end and ref.start < e for s, e in subject_spans)
        in_np = any(f.np_start <= ref.start < f.np_end for f in sent.frames)
        return not overlaps and not in_np and not in_spans(ref.start, sent.suppressed)

    refs = [ref for ref in sent.missions if usable(ref)]
    if not refs and not ctx.last_mission:  # "... arrived in Malakal, the UN mission in South Sudan said"
        refs = [r for r in sent.missions if any(f.np_start <= r.start < f.np_end for f in sent.frames)]
    if refs:
        nearest = min(
            refs, key=lambda r: (not r.by_name, min(abs(r.start - cue.end), abs(cue.start - r.end)))
        )
        return nearest.slug, False
    return (ctx.last_mission, True) if ctx.last_mission else (None, False)


def destination_of(sent: Analysis, cue: Cue, subjects: tuple[str, ...]) -> str | None:
    """A place or operation named in the cue's clause that is no known operation ("will send engineers to
    Mali", "UNISFA"): the claim is about another operation, so it cannot be checked against this one."""
    end = clause_after(sent, cue.end)
    comma = sent.text.find(",", cue.end)
    end = min(end, comma) if comma >= 0 else end
    for mention in sent.mentions:
        if (
            cue.start <= mention.start < end
            and mention.code not in subjects
            and not any(r.start <= mention.start < r.end for r in sent.missions)
            and not _hosts_known(mention)
            and lx.DESTINATION_BEFORE.search(sent.text, max(0, mention.start - 30), mention.start)
        ):
            return mention.code
    acronym = lx.OTHER_OPERATION.search(sent.text, cue.start, end)
    return acronym.group() if acronym and not find_missions(acronym.group()) else None


def _hosts_known(mention: Mention) -> bool:
    """Is the country where a known operation is ("the Lebanon mission", "Central African" troops)?"""
    return bool(find_missions(country_name(mention.code)))


def quote_span(s: str, at: int) -> tuple[int, int]:
    for match in _QUOTED.finditer(s):
        if match.start() < at < match.end():
            return match.start() + 1, match.end() - 1
    return 0, len(s)
