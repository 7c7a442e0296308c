"""Find claims about countries' participation in operations, sentence by sentence.

A rule engine over regular expressions, no statistical model: for each sentence it finds stance cues
("agreed to send", "ruled out", "is studying the request"), the frames around them (who says it, whether
it is denied, asked, wished for, conditional or history), and the country each cue is about. Every
decision is local and explainable, and the whole pass costs well under a millisecond per sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from missiongate.claims import gate
from missiongate.claims import lexicon as lx
from missiongate.claims.gazetteer import country_name, find_countries
from missiongate.claims.learned import Backoff, load_backoff, masked
from missiongate.claims.missions import MissionRef, find_missions
from missiongate.claims.model import Claim, Mention, Stance
from missiongate.claims.segment import Sentence, double_quotes, split_sentences

_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_NP_STOP = re.compile(
    r",\s*(?:when|who|adding|speaking|in|on|as|after|before|during|citing|contradicting|noting|saying)\b"
    r"|\s+(?:in a statement|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|on \w+ \d+|late on"
    r"|earlier)\b|[.;!?]",
    re.IGNORECASE,
)
_ADVERBIAL = re.compile(
    r"^\s*(?:by contrast|for (?:its|their|his|her) part|however|meanwhile|in turn|too|also"
    r"|for now|so far|in response|in a statement|on \w+)\s*$",
    re.IGNORECASE,
)
_TRAILING_ADVERB = re.compile(
    r"(?:\s+(?:also|later|earlier|previously|again|then|now|meanwhile|repeatedly|separately|has|have"
    r"|had))+\s*$",
    re.IGNORECASE,
)
_LEADING_CONJUNCTION = re.compile(r"^\s*(?:and|but|or)?\s*$", re.IGNORECASE)
_CONJUNCTION_HEAD = re.compile(r"^\s*(?:and|but)\s+", re.IGNORECASE)
_ASIDE = re.compile(r"^\s*(?:speaking|writing|referring|responding|commenting)\b[^,]*,?\s*$", re.IGNORECASE)
_TRAILING_CONJUNCTION = re.compile(r"\s(?:and|but)\s*$", re.IGNORECASE)
_FINITE = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|did|does)\b", re.IGNORECASE)
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
_NOT_DENIED = re.compile(r"\b(?:nor|not|never|n't)\s+$", re.I)
_PRONOUN_NP = re.compile(r"^(?:he|she|they|it|we|i)$", re.IGNORECASE)
_NOT_SUBJECT_WINDOW = re.compile(
    r"\b(?:force|mission|operation|coalition|UN|council|states|countries|nations|resolution|plan|it|they)\b",
    re.IGNORECASE,
)
_ELLIPSIS = re.compile(
    r"\b(?:has|have|had|did|does|will|would|is|are|was)(?:\s+not|n't)(?:\s+yet)?(?=\s*(?:[.;,]|$))",
    re.IGNORECASE,
)
_UNSPOKEN = ("false", "premature")  # frames that deny a report without naming who denies it
# "participation of Azerbaijan", "no decision has been made on whether Irish troops will remain"
_RIGHT_ATTACH = re.compile(
    r"^\s+(?:of|from|by|(?:[\w]+\s+){0,4}?(?:on|about|over) whether)\s+(?:the\s+)?$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class _Frame:
    kind: str  # speech | denial | false | embedded
    np_start: int
    np_end: int
    scope_start: int
    scope_end: int
    np: str | None
    object_start: int = -1  # after the verb, before the scope: the addressee of "told"/"informed"


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    stance: Stance
    kind: str


@dataclass
class _Context:
    """What earlier sentences of the same document tell about later ones."""

    registry: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name word -> countries
    last_speaker: tuple[str | None, str | None] = (None, None)
    last_mission: str | None = None
    last_countries: tuple[str, ...] = ()
    participation: bool = False  # an earlier sentence talked about troops or a mission
    # a reporter's yes/no question just asked: (countries, the stance a "yes" gives, operation)
    question: tuple[tuple[str, ...], Stance, str | None] | None = None


@dataclass
class _Sentence:
    """One sentence under analysis: its text and everything found in it."""

    text: str
    offset: int
    mentions: list[Mention]
    suppressed: list[tuple[int, int]]
    frames: list[_Frame]
    missions: list[MissionRef]
    turn_speaker: str | None
    participation: bool
    operation: bool  # an international operation is named or meant here or earlier in the document
    original: str  # the sentence as written; `text` drops the marks of short scare quotes
    index: list[int] | None  # position in `text` -> position in `original` (None: the same)


def extract_claims(text: str, source: str | None = None) -> list[Claim]:
    """Every participation claim in `text`, in order; offsets index into `text`. Never raises on text."""
    context = _Context()
    claims: list[Claim] = []
    analysed = double_quotes(text)
    for sentence in split_sentences(analysed):
        claims.extend(_claims_in(text, analysed, sentence, context, source))
    return claims


def _claims_in(
    text: str, analysed: str, sentence: Sentence, ctx: _Context, source: str | None
) -> list[Claim]:
    original = text[sentence.start : sentence.end]
    if sentence.question_turn:
        _remember_question(analysed[sentence.start : sentence.end], ctx)
        return []
    question, ctx.question = ctx.question, None
    if _is_question(original) or _COUNTERFACTUAL_HEAD.match(original) or lx.INDIRECT_QUESTION.match(original):
        return []  # "Had Nepal accepted ..., its police would already be in Haiti": nothing happened
    if question and sentence.turn_speaker and (answer := _ANSWER.match(original)):
        return _answer_claims(text, sentence, question, answer, source)
    s, index = _unquote_short(_uncapitalised(analysed[sentence.start : sentence.end]))
    mentions = find_countries(s)
    suppressed = _suppressed_spans(s, mentions)
    frames = _frames(s, suppressed)
    missions = find_missions(s)
    sent = _Sentence(
        s,
        sentence.start,
        mentions,
        suppressed,
        frames,
        missions,
        sentence.turn_speaker,
        ctx.participation or bool(missions) or lx.PARTICIPATION_CONTEXT.search(s) is not None,
        ctx.last_mission is not None
        or any(not ref.historical for ref in missions)
        or lx.OPERATION_WORD.search(s) is not None,
        original,
        index,
    )
    _register_speakers(sent, ctx)
    found: dict[str, Claim] = {}
    mixed: set[str] = set()  # countries given opposite stances in one sentence
    for group in _cue_groups(sent):
        for cue in group:
            claims = _claims_for_cue(sent, cue, ctx, source)
            for claim in claims:
                first = found.setdefault(claim.country, claim)
                if first.caveat and claim.stance is Stance.AGREED and cue.kind in ("force", "pledged"):
                    found[claim.country] = claim  # "no combat, but its engineers will help": it takes part
                elif first.stance is not claim.stance and cue.kind != "nominal":
                    mixed.add(claim.country)  # a noun ("ruled out any Mexican participation") is no stance
            if claims:
                break
    _remember(sent, found, ctx)
    if not found and sent.operation and (backoff := load_backoff()) is not None:
        return _learned(sent, backoff, ctx, source)
    # "would train police but would not station troops": a mixed message is reported, never rebutted
    claims = [replace(c, qualified=True) if c.country in mixed else c for c in found.values()]
    return _gated(sent, claims)


def _gated(sent: _Sentence, claims: list[Claim]) -> list[Claim]:
    """The draft gate's sentence-wide reason (`gate.py`): another country named with another stance."""
    stances = {c.country: c.stance for c in claims}
    others: dict[str, Stance | None] = {m.code: stances.get(m.code) for m in sent.mentions}
    allowed = {
        m.code
        for m in sent.mentions
        if _hosts(sent, m) or any(f.np_start <= m.start < f.np_end for f in sent.frames)
    }
    return [
        replace(claim, review=gate.other_country_review(claim, others, allowed))
        if gate.could_draft(claim) and not claim.review
        else claim
        for claim in claims
    ]


def _learned(sent: _Sentence, backoff: Backoff, ctx: _Context, source: str | None) -> list[Claim]:
    """The learned back-off for a sentence the rules found no claim in, with an operation in sight (named
    or meant here or earlier in the document: "Kenyan police will investigate" is no claim): a claim about
    the first country that is not a speaker, a host or background, with the classifier's stance. It has no
    cue to explain it, so it is reported (`qualified`), never rebutted."""
    vector = backoff.vector(masked(sent.text, sent.mentions))
    if backoff.claim_probability(vector) < backoff.threshold:
        return []
    mention = next(
        (
            m
            for m in sent.mentions
            if not _inside(m.start, sent.suppressed)
            and not _hosts(sent, m)
            and not any(f.np_start <= m.start < f.np_end for f in sent.frames)
        ),
        None,
    )
    if mention is None:
        return []
    cue = _Cue(mention.start, mention.end, Stance(backoff.stance_of(vector)), "learned")
    speaker, role = _speaker(sent, _speech_of(sent, _governing(sent.frames, cue.start), cue.start), ctx)
    mission, inferred = _mission(sent, cue, [(mention.start, mention.end)], ctx)
    base = sent.offset
    return [
        Claim(
            text=sent.original,
            start=base,
            end=base + len(sent.original),
            country=mention.code,
            stance=cue.stance,
            speaker=speaker,
            speaker_role=role,
            mission=mission,
            mission_inferred=inferred,
            quote=sent.original,
            quote_start=base,
            quote_end=base + len(sent.original),
            qualified=True,
            source=source,
        )
    ]


_INNER_QUOTE = re.compile(r"[“\"]([^“”\"]{1,240})[”\"]")


def _unquote_short(s: str) -> tuple[str, list[int] | None]:
    """Drop the marks around short quotes ("would “never” send", "was “evaluating” an invitation") and
    quotes inside a clause ("said Algerian troops “will not participate in any force”"): they belong to
    the clause around them. Returns the text and where each of its characters came from."""
    spans = [m.span() for m in _INNER_QUOTE.finditer(s) if _inner(s, m)]
    if not spans:
        return s, None
    dropped = {i for start, end in spans for i in (start, end - 1)}
    index = [i for i in range(len(s)) if i not in dropped]
    return "".join(s[i] for i in index), [*index, len(s)]


_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'’-]{3,}\b")
_ACRONYM = re.compile(r"(?:UN|EU|MINU|MONU|AU|KFOR|NATO|ISAF|ISF|GSF)[A-Z]*")


def _uncapitalised(s: str) -> str:
    """An all-capitals headline ("PAKISTAN SAYS NO DECISION YET ON TROOPS") in title case, same length, so
    that names are recognised; acronyms of operations keep their capitals."""
    if any(ch.islower() for ch in s) or len(_CAPS_WORD.findall(s)) < 3:
        return s
    return _CAPS_WORD.sub(lambda m: m.group() if _ACRONYM.fullmatch(m.group()) else m.group().capitalize(), s)


def _inner(s: str, quote: re.Match[str]) -> bool:
    """A scare quote or a quote the clause reads through, not a statement quoted after "said," or ":"."""
    if quote.start() == 0:
        return False
    if len(quote.group(1).split()) <= 4:
        return True
    return not re.search(r"[,:]\s*$|^\s*$", s[: quote.start()])


def _is_question(s: str) -> bool:
    return s.rstrip(" \"”’')]").endswith("?")


# --- spans that carry no claim of their own -------------------------------------------------------------


def _suppressed_spans(s: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Relative clauses, appositions, whether/if clauses and leading conditions: background or unasked."""
    spans = [m.span() for m in lx.RELATIVE.finditer(s)]
    spans += [m.span() for m in lx.QUESTION_CLAUSE.finditer(s)]
    spans += [m.span() for m in lx.RETRACTION.finditer(s)]
    for regex in (lx.INVERTED_CONDITION, lx.LEADING_CONDITION):
        if match := regex.match(s):
            spans.append(match.span())
    for mention in mentions:
        match = lx.APPOSITIVE.match(s, mention.end)
        if match and not lx.SPEECH_VERB.search(match.group()):  # ", the presidential office said,"
            spans.append(match.span())
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in spans)


# --- who says it ------------------------------------------------------------------------------------------


def _frames(s: str, suppressed: list[tuple[int, int]]) -> list[_Frame]:
    frames = [f for v in _speech_verbs(s) if (f := _speech_frame(s, v, suppressed))]
    frames += _according_to(s)
    for match in lx.DENIAL.finditer(s):
        if _NOT_DENIED.search(s, 0, match.start()):
            continue  # "neither confirmed nor denied", "did not deny"
        start, end = _np_before(s, match.start(), suppressed)
        frames.append(
            _Frame("denial", start, end, match.start(), _clause_end(s, match.end()), s[start:end] or None)
        )
    for match in [*lx.FALSE_PREDICATE.finditer(s), *lx.CALLED_FALSE.finditer(s)]:
        # "reports of a deployment were premature": not false, only not decided yet
        premature = match.group().lower().endswith("premature") and not lx.FALSE_AFTER.match(s, match.end())
        kind = "premature" if premature else "false"
        frames.append(_Frame(kind, -1, -1, match.start(), match.end(), None))
    for match in lx.EMBED_NOUN.finditer(s):
        start, end = _np_before(s, match.start(), suppressed)
        frames.append(_Frame("embedded", start, end, match.end(), len(s), s[start:end] or None))
    for match in lx.CLAIM_BY.finditer(s):
        frames.append(
            _Frame("embedded", match.start("np"), match.end("np"), match.end(), len(s), match["np"])
        )
    return frames


@dataclass(frozen=True, slots=True)
class _Verb:
    """A speech verb with the auxiliaries and adverbs before it ("has also said")."""

    word: str
    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


def _speech_verbs(s: str) -> list[_Verb]:
    verbs = []
    for match in lx.SPEECH_VERB.finditer(s):
        if match.start() > 0 and match.group()[:1].isupper():
            continue  # "the United States", "Gulf States": part of a name, not a verb
        if match["verb"].lower() == "states" and not re.match(r"\s+that\b|[.,]", s[match.end() :]):
            continue  # "Gulf states to send troops": the noun
        if re.search(r"\bto\s+$", s[: match.start()]):
            continue  # "too soon to say whether": nobody says anything yet
        aux = lx.AUXILIARIES_BEFORE.search(s, 0, match.start())
        begin = aux.start() if aux else match.start()
        verbs.append(_Verb(match["verb"].lower(), begin, match.end()))
    return verbs


def _speech_frame(s: str, verb: _Verb, suppressed: list[tuple[int, int]]) -> _Frame | None:
    word = verb.word
    if re.search(r"\b(?:is|are|was|were|be|been)\s+$", s[: verb.start()], re.IGNORECASE):
        return None  # "is said to have agreed": a hedge, not an attribution
    if word.endswith("ing"):
        return _participial(s, verb)
    if word == "claims" and not lx.SPEECH_TAIL.match(s, verb.end()):
        return None  # only ", the envoy claims." -- elsewhere "claims" is usually the noun
    left, right = s[: verb.start()].rstrip(), s[verb.end() :]
    tail = _object_end(right) if word in lx.OBJECT_VERBS else 0
    postposed = lx.SPEECH_TAIL.match(right, tail) is not None
    if not postposed and left.endswith((",", "”", '"')) and (frame := _inverted(s, verb, right)):
        return frame
    if postposed and len(left) > 0:
        start, end = _np_before(s, verb.start(), suppressed)
        if end > start and start > 0 and not lx.SPEECH_VERB.search(s, start, end):
            return _Frame("speech", start, end, 0, start, s[start:end])
    that = re.match(r"\s+that\b", right[tail:])
    if word in lx.THAT_ONLY_VERBS and not that:
        return None
    start, end = _np_before(s, verb.start(), suppressed)
    if end <= start or len(s[start:end].split()) > 14:
        return None
    scope = verb.end() + tail + (that.end() if that else 0)
    return _Frame("speech", start, end, scope, _clause_end(s, scope), s[start:end], verb.end())


def _participial(s: str, verb: _Verb) -> _Frame | None:
    """`..., saying the country would not take part`: the speaker is the subject of the sentence."""
    that = re.match(r"\s+that\b", s[verb.end() :])
    if not s[: verb.start()].rstrip().endswith(",") and not that:
        return None
    subject = _sentence_subject(s)
    if subject is None:
        return None
    scope = verb.end() + (that.end() if that else 0)
    return _Frame("speech", subject[0], subject[1], scope, _clause_end(s, scope), s[subject[0] : subject[1]])


_SUBJECT = re.compile(r"(?:(?:the|a|an)\s+)?(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w'’-]*|[Hh]e|[Ss]he|[Tt]hey")


def _sentence_subject(s: str) -> tuple[int, int] | None:
    """The leading name of a sentence, after introductory phrases ("On 5 January, Ilham Aliyev ...")."""
    start = 0
    intro = re.match(
        r"(?:(?:On|In|At|After|Before|During|Speaking|Asked|While|Referring|Responding)\b[^,]*,\s*)+", s
    )
    if intro:
        start = intro.end()
    match = _SUBJECT.match(s, start)
    if match is None:
        return None
    return match.start(), match.start() + len(match.group().rstrip())


def _inverted(s: str, verb: _Verb, right: str) -> _Frame | None:
    """`..., said the minister.` / `...," said Khalid Nordin, when asked ...`."""
    stop = _NP_STOP.search(right)
    np = right[: stop.start()] if stop else right
    words = np.split()
    if not words or len(words) > 12 or _PRONOUN_NP.match(words[0]) or words[0].lower() == "that":
        return None
    if _FINITE.search(np):
        return None  # "..., said Islamabad had made no commitment": a clause, not an inverted speaker
    start = verb.end() + len(np) - len(np.lstrip())
    return _Frame("speech", start, verb.end() + len(np.rstrip()), 0, verb.start(), np.strip())


def _object_end(right: str) -> int:
    """Length of the indirect object after `told`/`informed` ("reporters", "the BBC on Tuesday")."""
    match = re.match(r"(?:\s+[\w.'’-]+){1,6}?(?=\s+that\b)", right)
    if match:
        return match.end()
    match = re.match(r"\s+(?:the |a |an |local |state )?[\w.'’-]+(?:\s+[A-Z][\w'’-]*)*", right)
    return match.end() if match else 0


def _according_to(s: str) -> list[_Frame]:
    frames = []
    for match in lx.ACCORDING_TO.finditer(s):
        rest = s[match.end() :]
        stop = re.search(r",|[.;!?](?:\s|$)", rest)
        np_end = match.end() + (stop.start() if stop else len(rest.rstrip()))
        np = s[match.end() : np_end]
        if match.start() == 0 or not s[: match.start()].strip(" ,"):
            frames.append(_Frame("speech", match.end(), np_end, np_end, len(s), np))
        else:
            frames.append(_Frame("speech", match.end(), np_end, 0, match.start(), np))
    return frames


def _np_before(s: str, end: int, suppressed: list[tuple[int, int]]) -> tuple[int, int]:
    """The noun phrase that ends at `end`: back to the previous comma, quote, colon or clause start,
    skipping relative clauses and adverbials ("Egypt, by contrast, has said")."""
    end = len(s[:end].rstrip())
    cut = end
    for span_start, span_end in suppressed:
        if span_start < end <= span_end + 1 and span_start < cut:
            cut = span_start
    start = _segment_start(s, cut)
    # Skip back over comma-separated adverbials; every step must move left, so this always ends.
    while start > 0 and (
        _ADVERBIAL.match(s[start:cut]) or _ASIDE.match(s[start:cut]) or not s[start:cut].strip()
    ):
        if not s[:start].rstrip().endswith(","):
            break
        cut = len(s[:start].rstrip(", "))
        start = _segment_start(s, cut)
    np_text = _TRAILING_ADVERB.sub("", s[start:cut])
    if _LEADING_CONJUNCTION.match(np_text) or _TRAILING_CONJUNCTION.search(np_text):
        # "..., and said Baku had ...": the subject of the coordinated verb leads the sentence.
        return _sentence_subject(s) or (start, start)
    if head := _CONJUNCTION_HEAD.match(np_text):  # ", but Germany said": Germany
        start, np_text = start + head.end(), np_text[head.end() :]
    lead = len(np_text) - len(np_text.lstrip(" ,“\"'"))
    start, end = start + lead, start + len(np_text.rstrip(" ,"))
    if start >= 2 and s[start - 2 : start] == ", " and _is_name(s[start:end]):
        # "the U.S. ambassador, Jane Doe, told ...": keep the role in front of the name.
        role_start = _segment_start(s, start - 2)
        role = s[role_start : start - 2]
        if len(role.split()) <= 6 and any(w.lower() in lx.ROLE_WORDS for w in role.split()):
            start = role_start + len(role) - len(role.lstrip(" ,“\"'"))
    return start, end


_SEGMENT_BOUNDARY = re.compile(r",\s|[“”\";:]\s*|\bthat\s|\b(?:and|but|while)\s(?=[a-z])")


def _segment_start(s: str, end: int) -> int:
    best = 0
    for match in _SEGMENT_BOUNDARY.finditer(s, 0, end):
        best = match.end()
    return best


def _clause_end(s: str, start: int) -> int:
    match = re.compile(r";|\s[—–]\s").search(s, start)
    return match.start() if match else len(s)


def _governing(frames: list[_Frame], pos: int) -> _Frame | None:
    order = {"denial": 0, "false": 0, "premature": 0, "embedded": 1, "speech": 2}
    covering = [f for f in frames if f.scope_start <= pos < f.scope_end and not f.np_start <= pos < f.np_end]
    return min(covering, key=lambda f: (order[f.kind], -f.scope_start), default=None)


def _speech_of(sent: _Sentence, frame: _Frame | None, pos: int) -> _Frame | None:
    """The frame that names who speaks: a denial frame has its own speaker, a false-predicate does not."""
    if frame is not None and frame.kind in _UNSPOKEN:
        rest = [f for f in sent.frames if f.kind not in _UNSPOKEN]
        return _governing(rest, pos)
    return frame


# --- stance cues ------------------------------------------------------------------------------------------


def _cue_groups(sent: _Sentence) -> list[list[_Cue]]:
    """Cues in text order; overlapping matches form one group, tried longest-first until one yields."""
    lower = sent.text.lower()
    found = sorted(
        (
            _Cue(m.start("pred") if "pred" in regex.groupindex else m.start(), m.end(), stance, kind)
            for regex, stance, kind, keywords in lx.CUES
            if any(word in lower for word in keywords)
            for m in regex.finditer(sent.text)
        ),
        key=lambda c: (c.start, -c.end),
    )
    groups: list[list[_Cue]] = []
    group_end = -1
    for cue in found:
        if _inside(cue.start, sent.suppressed) or any(
            f.np_start <= cue.start < f.np_end for f in sent.frames
        ):
            continue
        if cue.kind not in lx.CONTEXT_FREE and not sent.participation:
            continue
        if groups and cue.start < group_end:
            groups[-1].append(cue)
            group_end = max(group_end, cue.end)
        else:
            groups.append([cue])
            group_end = cue.end
    if groups:
        # "Indonesia has offered troops, but Azerbaijan has not": the last verb, negated.
        last = groups[-1][0]
        groups += [
            [_Cue(m.start(), m.end(), last.stance, "ellipsis")]
            for m in _ELLIPSIS.finditer(sent.text, group_end)
        ]
    return groups


def _claims_for_cue(sent: _Sentence, cue: _Cue, ctx: _Context, source: str | None) -> list[Claim]:
    frame = _governing(sent.frames, cue.start)
    subjects, subject_spans = _subjects(sent, cue, frame, ctx)
    if not subjects:
        return []
    if subject_spans and lx.REQUEST_BETWEEN.search(sent.text, subject_spans[-1][1], cue.start):
        return []  # "Britain has urged Gulf states to send troops": Britain asks, it does not send
    after_subject = subject_spans[-1][1] if subject_spans else _window_start(sent, cue.start, hard=False)
    if lx.OPPOSED_BETWEEN.search(sent.text, after_subject, cue.start):
        return []  # "Israel would object to Turkish troops taking part": nobody claims a stance
    result = _stance(sent, cue, frame)
    if result is None:
        return []
    stance, hedged, conditional, caveat = result
    speaker, role = _speaker(sent, _speech_of(sent, frame, cue.start), ctx)
    mission, inferred = _mission(sent, cue, subject_spans, ctx)
    destination = None if mission else _destination(sent, cue, subjects)
    at = sent.index[cue.start] if sent.index else cue.start
    quote_start, quote_end = _quote(double_quotes(sent.original), at)
    base = sent.offset
    claims = [
        Claim(
            text=sent.original,
            start=base,
            end=base + len(sent.original),
            country=code,
            stance=stance,
            speaker=speaker,
            speaker_role=role,
            mission=mission,
            mission_inferred=inferred,
            quote=sent.original[quote_start:quote_end],
            quote_start=base + quote_start,
            quote_end=base + quote_end,
            cue=sent.text[cue.start : cue.end],
            hedged=hedged,
            conditional=conditional,
            caveat=caveat,
            qualified=_qualified(sent, cue, frame),
            destination=destination,
            source=source,
        )
        for code in subjects
    ]
    return [_local_gate(sent, claim, cue, subject_spans) for claim in claims]


def _local_gate(sent: _Sentence, claim: Claim, cue: _Cue, spans: list[tuple[int, int]]) -> Claim:
    """The draft gate's reasons that need the cue and the subject's span (`gate.local_review`)."""
    if not gate.could_draft(claim):
        return claim
    named = next(
        ((m.start, m.end) for m in sent.mentions if m.code == claim.country and (m.start, m.end) in spans),
        None,
    )
    return replace(claim, review=gate.local_review(sent.text, claim, (cue.start, cue.end), named))


def _qualified(sent: _Sentence, cue: _Cue, frame: _Frame | None) -> bool:
    """Too uncertain to rebut: a condition, forecast, rumour or request anywhere in the sentence; a
    denial, retraction or correction that is not the claim's own frame (the claim is disputed); a
    counterfactual ("Had Nepal accepted ..."); a year gone by in the cue's phrase (background); no forces
    or operation named in the sentence itself ("has agreed to supply gas": maybe no claim at all)."""
    s = sent.text
    if lx.QUALIFIED.search(sent.original) or lx.COUNTERFACTUAL.search(s):
        return True
    if lx.CONTRAST_REFUSAL.search(s, cue.end):
        return True  # "will send instructors, but none would be deployed with the force": mixed
    if not sent.missions and not lx.PARTICIPATION_CONTEXT.search(s):
        return True
    phrase_start = s.rfind(",", 0, cue.start) + 1
    phrase_end = s.find(",", cue.end)
    if lx.OLD_YEAR.search(s, phrase_start, phrase_end if phrase_end >= 0 else len(s)):
        return True
    past_exit = cue.kind in lx.EXIT and not re.match(
        r"(?:will|would|is|are|to|has|have)\b", s[cue.start :], re.I
    )
    if past_exit and lx.PAST_TIME.search(s, phrase_start, phrase_end if phrase_end >= 0 else len(s)):
        return True  # "left eastern Congo in the spring": an exit told as background is not rebutted
    own = frame if frame is not None and frame.kind in ("denial", *_UNSPOKEN) else None
    return any(
        not cue.start <= m.start() < cue.end and not (own and own.scope_start <= m.start() < own.scope_end)
        for m in lx.DISPUTED.finditer(s)
    )


def _stance(sent: _Sentence, cue: _Cue, frame: _Frame | None) -> tuple[Stance, bool, bool, bool] | None:
    """(stance, hedged, conditional, caveat) of the claim a cue makes, or None when it makes none."""
    s = sent.text
    window = s[_window_start(sent, cue.start, hard=True) : cue.start]
    words = s[cue.start : cue.end]
    negated = (
        cue.kind == "ellipsis"
        or bool(lx.NEGATION_BEFORE.search(window))
        or (
            (cue.stance is Stance.AGREED or cue.kind in lx.EXIT)
            and bool(lx.NEGATION_INSIDE.search(words) or lx.NOT_ONE.search(window))
        )
    )
    if cue.kind == "nominal" and not _nominal_attached(sent, cue, window, frame):
        return None
    if cue.kind == "headline" and not _headline_subject(sent, cue):
        return None
    if cue.kind in ("asked", "received") and negated:
        return None  # "has not been asked", "has not received any request": no stance
    if cue.kind == "asked" and re.search(r"\b(?:will|would)\s+$", window, re.IGNORECASE):
        return None  # "would be asked to contribute": a request still to come
    if cue.kind in ("force", "force-exit") and not sent.operation:
        return None  # "Kenyan police will investigate the shooting": at home, not in an operation
    if _background(sent, cue):
        return None  # "Uruguayan troops make up the bulk of the force": presence, no stance
    if cue.kind in lx.EXIT and (_is_history(sent, cue, window) or lx.AMONG_THAT.search(window)):
        return None  # "French troops left Mali in 2022"; "among the states that pulled out of Goma"
    if cue.kind == "approval" and lx.OBLIGATION_BEFORE.search(window):
        return None  # "parliament would first have to approve the deployment": a procedure, not a vote
    if cue.stance is Stance.AGREED and not negated and _is_history(sent, cue, window):
        return None
    if cue.stance is Stance.AGREED and (
        lx.NOT_FORCES.match(s, cue.end)
        or lx.REQUESTED_BEFORE.search(window)
        or lx.REQUEST_INSIDE.search(words)
        or lx.OPPOSED_PLAN.search(window + words)
    ):
        return None  # "will send a delegation to the talks", "was not asked to send troops"
    if cue.kind == "nominal" and lx.NOMINAL_UNDECIDED.match(s, cue.end):
        return None  # "its participation remains under review": the undecided predicate makes the claim
    if cue.kind == "nominal" and lx.TOPIC_BEFORE.search(s, max(0, cue.start - 80), cue.start):
        return None  # "a hearing on the country's peacekeeping commitments": a topic, not a stance
    if lx.SILENT_BEFORE.search(s, 0, cue.start) or lx.OTHER_OPERATIONS.match(s, cue.end):
        return None  # "have said nothing about contributing"; "sent officers to other operations"
    stance = _apply_negation(cue, negated, window + words)
    if cue.kind == "nominal" and lx.NOMINAL_ENDS.match(s, cue.end):
        stance = Stance.DECLINED if stance is Stance.AGREED else stance  # "its contribution would end"
    planned = lx.PLAN_BEFORE.search(window) or re.match(r"plans?\s+to\b", words, re.IGNORECASE)
    if cue.stance is Stance.AGREED and planned and lx.PLAN_DROPPED.match(s, cue.end):
        stance = Stance.DECLINED  # "a plan to contribute a medical unit has been shelved"
    if cue.kind == "nominal" and lx.WEIGHING_NOUN_BEFORE.search(s, max(0, cue.start - 60), cue.start):
        stance = Stance.CONSIDERING  # "Vilnius was still discussing its contribution"
    if stance is Stance.AGREED and lx.REVISIT_BEFORE.search(window):
        stance = Stance.CONSIDERING  # "will revisit its offer of police": open again
    if stance is Stance.AGREED and (lx.WEIGHING.search(words) or lx.PROBABLY.search(words)):
        stance = Stance.CONSIDERING  # "is ready to consider sending troops"
    if cue.stance is Stance.AGREED and lx.REFUSAL_GAP.search(words, 1):
        # "will refrain from sending troops", but "would not rule out sending" leaves it open; from 1:
        # "refused to withdraw" heads its own cue
        stance = Stance.CONSIDERING if negated else Stance.DECLINED
    if cue.stance is Stance.DECLINED and cue.kind not in lx.EXIT and lx.EXIT_AFTER.match(s, cue.end):
        stance = Stance.AGREED  # "no intention of withdrawing", "refused to pull out": it stays
    denied = frame is not None and frame.kind in ("denial", "false")
    if denied and cue.kind in lx.EXIT:
        stance = Stance.AGREED  # "reports that Austria was pulling out were false"
    elif frame is not None and frame.kind == "premature":
        stance = Stance.CONSIDERING  # "the envoy's suggestion ... was premature": not decided yet
    elif denied and cue.kind not in lx.UNDECIDED:
        stance = (
            Stance.DECLINED
        )  # "Baku denied reports that it had agreed"; "..., saying it has not decided" stays
    conditional = stance is not Stance.CONSIDERING and _conditional(s, cue, negated)
    if conditional:
        stance = Stance.CONSIDERING
    if lx.NOT_AMONG.search(window):
        stance = _apply_negation(cue, True, window + words)  # "is not among the countries that have offered"
    if cue.stance is Stance.AGREED and not negated and lx.MAYBE_BEFORE.search(window):
        stance = Stance.CONSIDERING
    if stance is Stance.AGREED and lx.FORECAST_BEFORE.search(s, max(0, cue.start - 80), cue.start):
        stance = Stance.CONSIDERING  # "analysts doubt that Azerbaijan will ever send troops"
    caveat = stance is Stance.DECLINED and _caveat(sent, cue)
    return stance, bool(lx.HEDGE.search(window + words)), conditional, caveat


def _background(sent: _Sentence, cue: _Cue) -> bool:
    """A country's forces named as background (round 4): what they number or make up, harm they suffered,
    presence since a year; aid carried by a ship is no contingent."""
    s, words = sent.text, sent.text[cue.start : cue.end]
    if cue.stance is Stance.AGREED and (lx.AID_CARGO.match(s, cue.end) or lx.EXERCISE.match(s, cue.end)):
        return True  # "sent a second ship carrying flour and medicine", "took part in a field exercise"
    if words.lower().startswith("return") and lx.TOUR_ENDED.match(s, cue.end):
        return True  # "the frigate returned to Den Helder after a four-month tour"
    if cue.kind not in ("force", "arrival") or re.match(r"(?:will|would|is|are|to)\b", words, re.I):
        return False
    if lx.BACKGROUND_PREDICATE.match(s, cue.start) or lx.HARM.search(s):
        return True
    serving = re.search(r"\bserv", words, re.IGNORECASE)
    return bool(serving) and bool(lx.SINCE_YEAR.search(s, cue.start, _clause_after(sent, cue.end)))


def _headline_subject(sent: _Sentence, cue: _Cue) -> bool:
    """`Kenya to send ...`, `Bangladesh Army to send ...`: a country heads the headline verb."""
    head = sent.text[: cue.start].rstrip()
    institution = lx.HEADLINE_SUBJECT.search(head)
    end = institution.start() if institution else len(head)
    return any(m.end == end for m in sent.mentions)


def _caveat(sent: _Sentence, cue: _Cue) -> bool:
    """Does a declined claim refuse only a role ("will not take part in combat operations") or a risk ("no
    intention of risking lives"), not taking part as such? A national caveat, not a refusal (domain A2)."""
    if lx.CAVEAT.search(sent.text, cue.start, _clause_after(sent, cue.end)):
        return True
    return bool(lx.DANGLING.search(sent.text, cue.start, cue.end)) and not lx.REFUSED_OBJECT.match(
        sent.text, cue.end
    )


def _apply_negation(cue: _Cue, negated: bool, near: str) -> Stance:
    # "is not expected to join" is still a forecast, "has not yet decided" still undecided
    if not negated or cue.kind in lx.UNDECIDED or cue.kind == "predicted":
        return cue.stance
    if cue.kind in lx.EXIT:
        return Stance.AGREED  # "is not leaving UNDOF", "will not withdraw"
    if cue.stance is Stance.AGREED:
        return Stance.CONSIDERING if lx.STILL_OPEN.search(near[-40:]) else Stance.DECLINED
    if cue.stance is Stance.CONSIDERING:
        return Stance.DECLINED
    return Stance.CONSIDERING  # "did not rule out"


def _nominal_attached(sent: _Sentence, cue: _Cue, window: str, frame: _Frame | None) -> bool:
    """A bare noun ("participation") is a claim only when tied to a country, negated or denied."""
    s = sent.text
    before = s[max(0, cue.start - 40) : cue.start]
    possessive = re.search(
        r"(?:'s|’s|\b(?:its|their|our|his country's|her country's))\s+(?:[\w-]+\s+)?$", before
    )
    if possessive:
        owner = next((m for m in reversed(sent.mentions) if m.end <= cue.start), None)
        # "Ethiopia rejected Egypt's participation": about Egypt, but nobody claims Egypt's stance.
        return owner is None or not lx.POSSESSOR_OBJECT.search(s, max(0, owner.start - 30), owner.start)
    if re.search(
        r"\b(?:no|made no|no such|confirmed|announced)\s+(?:[\w-]+\s+){0,2}$", before, re.IGNORECASE
    ):
        return True
    if attached := next(
        (
            m
            for m in sent.mentions
            if m.end <= cue.start and not s[m.end : cue.start].strip(" -") and not _hosts(sent, m)
        ),
        None,
    ):
        # "Israel has vetoed Turkish participation": nobody claims Turkey's stance
        return not lx.POSSESSOR_OBJECT.search(s, max(0, attached.start - 30), attached.start)
    if frame is not None and frame.kind in ("denial", *_UNSPOKEN):
        return True
    return bool(lx.CONDITIONAL_NOUN.search(s, cue.end)) and bool(window.strip())


def _is_history(sent: _Sentence, cue: _Cue, window: str) -> bool:
    """A past deployment stated as background ("deployed to Lebanon in 2006") is not a claim."""
    if cue.kind == "nominal":  # "its contribution to the Kosovo mission two decades ago"
        return bool(lx.PAST_MARKER.search(sent.text) or lx.PAST_YEAR.search(sent.text))
    if not lx.PAST_DEPLOY.match(sent.text, cue.start):
        return False
    if re.search(r"\b(?:has|have|had|will|would)\s+$", window, re.IGNORECASE):
        return False
    historical = any(ref.historical for ref in sent.missions)
    return historical or bool(lx.HISTORY.search(sent.text))


def _conditional(s: str, cue: _Cue, negated: bool) -> bool:
    after = s[cue.end :]
    if re.search(r"\bonly\b", s[cue.start : cue.end], re.IGNORECASE):
        return True  # "will only deploy troops under a UN mandate"
    condition = lx.CONDITION_AFTER.match(after)
    if condition and condition["cond"].lower() in ("until", "before") and not negated:
        condition = None  # "will stay until the new rotation arrives": how long, not whether
    if condition and condition["cond"].lower() == "once" and lx.PHASE_ENDS.match(after, condition.end()):
        condition = None  # "will bring its troops home once the current phase ends": when, not whether
    return bool(condition or lx.CONDITION_BEFORE.match(s)) or (
        bool(lx.CONDITIONAL_NOUN.match(after.lstrip(" ,")) or lx.CONDITIONAL_NOUN.search(after[:40]))
    )


# --- which country ----------------------------------------------------------------------------------------


def _clause_after(sent: _Sentence, pos: int) -> int:
    match = lx.HARD_BOUNDARY.search(sent.text, pos)
    return match.start() if match else len(sent.text)


def _window_start(sent: _Sentence, pos: int, hard: bool) -> int:
    s = sent.text
    start = 0
    for match in lx.HARD_BOUNDARY.finditer(s, 0, pos):
        if not _inside(match.start(), sent.suppressed):
            start = match.end()
    if hard:
        return start
    for match in lx.SOFT_BOUNDARY.finditer(s, start, pos):
        start = match.end()
    for frame in sent.frames:
        if frame.kind in ("speech", "denial") and start < frame.scope_start <= pos:
            start = frame.scope_start
    return start


def _eligible(sent: _Sentence, mention: Mention, pos: int) -> bool:
    """Can `mention` be the subject of a cue at `pos`? Not when it names the speaker of that cue."""
    if _inside(mention.start, sent.suppressed) or _hosts(sent, mention):
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


def _hosts(sent: _Sentence, mention: Mention) -> bool:
    """A country named as the place of an operation ("a Haiti contribution") hosts it, not a contributor."""
    return any(not r.by_name and r.start <= mention.start < r.end for r in sent.missions)


def _after_preposition(sent: _Sentence, mention: Mention) -> bool:
    head = mention
    for other in reversed([m for m in sent.mentions if m.end <= mention.start]):
        if lx.COORDINATION.match(sent.text[other.end : head.start]):
            head = other
        else:
            break
    if lx.PART_NOUN_BEFORE.search(sent.text, max(0, head.start - 60), head.start):
        return False  # "troops from Bangladesh will join": the troops are Bangladesh's
    if lx.ORGAN_OF_BEFORE.search(sent.text, max(0, head.start - 40), head.start):
        return False  # "the government of Bhutan has agreed"
    return bool(lx.PREPOSITION_BEFORE.search(sent.text, max(0, head.start - 40), head.start))


def _subjects(
    sent: _Sentence, cue: _Cue, frame: _Frame | None, ctx: _Context
) -> tuple[tuple[str, ...], list[tuple[int, int]]]:
    """Countries the cue is about: named before it in its clause, then a pronoun, then one named right
    after a noun cue ("no decision on sending Azerbaijani servicemen"), then the speaker's own country."""
    if cue.kind == "arrival" and (owner := _demonym_of(sent, cue)):
        return (owner.code,), [(owner.start, owner.end)]  # "a party of Bangladeshi engineers arrived"
    soft = _window_start(sent, cue.start, hard=False)
    if found := _named_subjects(sent, cue, soft):
        return found
    speaker_frame = _speech_of(sent, frame, cue.start)
    window = sent.text[soft : cue.start]
    anaphors = list(lx.ANAPHOR.finditer(window))
    if anaphors:
        anaphor = anaphors[-1]  # the pronoun nearest the cue
        if anaphor["third"] and lx.OTHERS_SUBJECT.search(window, 0, anaphor.start()):
            return (), []  # "ten countries had confirmed they would send troops": not the speaker's
        return _resolve_anaphor(sent, anaphor, speaker_frame, soft, ctx), []
    if found := _named_subjects(sent, cue, _window_start(sent, cue.start, hard=True)):
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


def _demonym_of(sent: _Sentence, cue: _Cue) -> Mention | None:
    return next(
        (m for m in sent.mentions if m.end <= cue.start and not sent.text[m.end : cue.start].strip()), None
    )


def _named_subjects(
    sent: _Sentence, cue: _Cue, start: int
) -> tuple[tuple[str, ...], list[tuple[int, int]]] | None:
    candidates = [
        m for m in sent.mentions if start <= m.start and m.end <= cue.start and _eligible(sent, m, cue.start)
    ]
    if not candidates:
        return None
    chain = _coordinated(sent, candidates)
    if lx.WISH_BEFORE.search(sent.text, max(0, chain[0].start - 30), chain[0].start):
        return (), []  # "hoped Indonesia would send": a wish, not a claim
    return tuple(dict.fromkeys(m.code for m in chain)), [(m.start, m.end) for m in chain]


def _coordinated_verb_subject(sent: _Sentence, cue: _Cue) -> list[Mention]:
    """`Bahrain's king pledged support but did not commit troops`: the sentence's subject."""
    hard = _window_start(sent, cue.start, hard=True)
    if not _BARE_VERB_GROUP.match(sent.text[hard : cue.start]) or not _AFTER_CONJUNCTION.search(
        sent.text, 0, hard
    ):
        return []
    subject = _sentence_subject(sent.text)
    if subject is None:
        return []
    return [
        m
        for m in sent.mentions
        if subject[0] <= m.start < subject[1] + 2 and not _inside(m.start, sent.suppressed)
    ]


def _passive_agents(sent: _Sentence, cue: _Cue) -> list[Mention]:
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


def _coordinated(sent: _Sentence, candidates: list[Mention]) -> list[Mention]:
    chain = [candidates[-1]]
    for mention in reversed(candidates[:-1]):
        if lx.COORDINATION.match(sent.text[mention.end : chain[0].start]):
            chain.insert(0, mention)
        else:
            break
    return chain


def _right_subject(sent: _Sentence, cue: _Cue) -> Mention | None:
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
    sent: _Sentence, anaphor: re.Match[str], frame: _Frame | None, offset: int, ctx: _Context
) -> tuple[str, ...]:
    own = _frame_countries(sent, frame, ctx)
    if anaphor["first"] or own:
        return own
    before = [m for m in sent.mentions if m.end <= offset + anaphor.start() and not _hosts(sent, m)]
    eligible = [
        m for m in before if not _after_preposition(sent, m) and not _inside(m.start, sent.suppressed)
    ]
    pick = eligible or [m for m in before if not _after_preposition(sent, m)]
    return (pick[-1].code,) if pick else ctx.last_countries


def _frame_countries(sent: _Sentence, frame: _Frame | None, ctx: _Context) -> tuple[str, ...]:
    if frame is not None and frame.np_start >= 0:
        inside = [m for m in sent.mentions if frame.np_start <= m.start < frame.np_end]
        if inside:
            chain = _coordinated(
                sent, inside[:1] + [m for m in inside[1:] if _is_coordinated(sent, inside, m)]
            )
            return tuple(dict.fromkeys(m.code for m in chain))
        if frame.np and _PRONOUN_NP.match(frame.np.strip()):
            return ctx.last_countries  # "he said": the speaker of the previous claims, about them
        return _registered(frame.np, ctx)
    if frame is None and sent.turn_speaker:
        return _registered(sent.turn_speaker, ctx) or ctx.last_countries
    return ()


def _is_coordinated(sent: _Sentence, inside: list[Mention], mention: Mention) -> bool:
    index = inside.index(mention)
    return bool(lx.COORDINATION.match(sent.text[inside[index - 1].end : mention.start]))


def _registered(np: str | None, ctx: _Context) -> tuple[str, ...]:
    for word in (np or "").split():
        if (countries := ctx.registry.get(word.strip(",.").lower())) is not None:
            return countries
    return ()


# --- speaker, mission, quote ------------------------------------------------------------------------------


def _speaker(sent: _Sentence, frame: _Frame | None, ctx: _Context) -> tuple[str | None, str | None]:
    if frame is None or not frame.np:
        if sent.turn_speaker:
            return split_speaker(sent.turn_speaker)
        return None, None
    if _PRONOUN_NP.match(frame.np.strip()):
        return ctx.last_speaker if ctx.last_speaker[0] else (None, None)
    return split_speaker(frame.np)


def split_speaker(np: str) -> tuple[str, str | None]:
    """("Interior Minister Daniel Kiprono") -> ("Daniel Kiprono", "Interior Minister")."""
    np = np.strip(" ,.“”\"'")
    head, _, apposed = np.rpartition(",")
    if head and _is_name(apposed.strip()):
        return apposed.strip(), head.strip() or None
    words = np.split()
    cut = len(words)
    while cut > 0 and _is_name(words[cut - 1]) and not (cut == 1 and len(words) > 1):
        cut -= 1
    name, role = " ".join(words[cut:]), " ".join(words[:cut])
    has_role = any(w.lower().strip(",.") in lx.ROLE_WORDS for w in words[:cut])
    if name and role and has_role:
        return name, role
    return np, (np if has_role else None)


def _is_name(text: str) -> bool:
    words = text.split()
    return bool(words) and all(
        w[:1].isupper()
        and w.lower().strip(",.") not in lx.ROLE_WORDS
        and not find_countries(w)
        and w not in ("The", "A", "An")
        for w in words
    )


def _mission(
    sent: _Sentence, cue: _Cue, subject_spans: list[tuple[int, int]], ctx: _Context
) -> tuple[str | None, bool]:
    def usable(ref: MissionRef) -> bool:
        overlaps = any(s < ref.end and ref.start < e for s, e in subject_spans)
        in_np = any(f.np_start <= ref.start < f.np_end for f in sent.frames)
        return not overlaps and not in_np and not _inside(ref.start, sent.suppressed)

    refs = [ref for ref in sent.missions if usable(ref)]
    if refs:
        nearest = min(
            refs, key=lambda r: (not r.by_name, min(abs(r.start - cue.end), abs(cue.start - r.end)))
        )
        return nearest.slug, False
    return (ctx.last_mission, True) if ctx.last_mission else (None, False)


def _destination(sent: _Sentence, cue: _Cue, subjects: tuple[str, ...]) -> str | None:
    """A place or operation named in the cue's clause that is no known operation ("will send engineers to
    Mali", "UNISFA"): the claim is about another operation, so it cannot be checked against this one."""
    end = _clause_after(sent, cue.end)
    comma = sent.text.find(",", cue.end)
    end = min(end, comma) if comma >= 0 else end
    for mention in sent.mentions:
        if (
            cue.start <= mention.start < end
            and mention.code not in subjects
            and not _hosts_known(mention)
            and lx.DESTINATION_BEFORE.search(sent.text, max(0, mention.start - 30), mention.start)
        ):
            return mention.code
    acronym = lx.OTHER_OPERATION.search(sent.text, cue.start, end)
    return acronym.group() if acronym and not find_missions(acronym.group()) else None


def _hosts_known(mention: Mention) -> bool:
    """Is the country where a known operation is ("the Lebanon mission", "Central African" troops)?"""
    return bool(find_missions(country_name(mention.code)))


def _quote(s: str, at: int) -> tuple[int, int]:
    for match in _QUOTED.finditer(s):
        if match.start() < at < match.end():
            return match.start() + 1, match.end() - 1
    return 0, len(s)


# --- document memory --------------------------------------------------------------------------------------


_ANSWER = re.compile(
    r"^\W*(?:(?P<yes>yes|yes, \w+)|(?P<no>no|no, \w+|(?:they|we|it) (?:are|is|will|have|has|do|does) not"
    r"|(?:they|we|it) (?:aren't|isn't|won't|haven't|hasn't|don't|doesn't)))\W*$",
    re.IGNORECASE,
)
_COUNTERFACTUAL_HEAD = re.compile(r"^\W*(?:had|were)\s[^,]*,[^.;]*\bwould\b", re.IGNORECASE)
_EXIT_QUESTION = re.compile(r"\b(?:leav\w*|withdraw\w*|pull\w* (?:\w+ )?out|quit\w*)\b", re.IGNORECASE)


def _answer_claims(
    text: str,
    sentence: Sentence,
    question: tuple[tuple[str, ...], Stance, str | None],
    answer: re.Match[str],
    source: str | None,
) -> list[Claim]:
    """ "Q: Will Portugal send frigates? MINISTER: No.": the answer takes the question's country and
    operation. Who the answerer speaks for is inferred, so the claim is reported, never rebutted."""
    countries, if_yes, mission = question
    stance = if_yes if answer["yes"] else _NO_TO[if_yes]
    speaker, role = split_speaker(sentence.turn_speaker or "")
    original = text[sentence.start : sentence.end]
    return [
        Claim(
            text=original,
            start=sentence.start,
            end=sentence.end,
            country=code,
            stance=stance,
            speaker=speaker,
            speaker_role=role,
            mission=mission,
            quote=original,
            quote_start=sentence.start,
            quote_end=sentence.end,
            cue=answer.group().strip(),
            qualified=True,
            source=source,
        )
        for code in countries
    ]


_NO_TO = {Stance.AGREED: Stance.DECLINED, Stance.DECLINED: Stance.AGREED}


def _remember_question(question: str, ctx: _Context) -> None:
    """A reporter's question carries no claim, but the answer's "we" and "our" are its country's, and a
    bare "Yes." or "No." answers it."""
    asked = [
        m.code
        for m in find_countries(question)
        if not lx.DESTINATION_BEFORE.search(question, max(0, m.start - 20), m.start)  # "to Haiti": the host
    ]
    if codes := tuple(dict.fromkeys(asked)):
        ctx.last_countries = codes
    mission = next((r.slug for r in find_missions(question) if not r.historical), None)
    ctx.last_mission = mission or ctx.last_mission
    about_forces = lx.PARTICIPATION_CONTEXT.search(question) is not None
    ctx.participation = ctx.participation or about_forces
    if codes and about_forces:  # "Are Irish troops leaving?": a "yes" is an exit
        ctx.question = (codes, Stance.DECLINED if _EXIT_QUESTION.search(question) else Stance.AGREED, mission)


def _register_speakers(sent: _Sentence, ctx: _Context) -> None:
    """Remember "Azerbaijani President Ilham Aliyev" so that a later "Aliyev said" has a country."""
    for frame in sent.frames:
        if frame.np is None:
            continue
        codes = tuple(
            dict.fromkeys(m.code for m in sent.mentions if frame.np_start <= m.start < frame.np_end)
        )
        name, _role = split_speaker(frame.np)
        if codes and name != frame.np:
            for word in name.split():
                ctx.registry[word.lower()] = codes


def _remember(sent: _Sentence, found: dict[str, Claim], ctx: _Context) -> None:
    ctx.participation = sent.participation
    named = [r for r in sent.missions if not r.historical and not _inside(r.start, sent.suppressed)]
    if found and any(not c.mission_inferred and c.mission for c in found.values()):
        ctx.last_mission = next(c.mission for c in found.values() if not c.mission_inferred and c.mission)
    elif named and any(r.by_name for r in named):
        ctx.last_mission = next(r.slug for r in named if r.by_name)
    if found:
        ctx.last_countries = tuple(found)
        first = next(iter(found.values()))
        if first.speaker:
            ctx.last_speaker = (first.speaker, first.speaker_role)
