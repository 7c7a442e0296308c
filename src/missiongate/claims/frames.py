"""Frames around a claim: quotations and headlines normalised, questions, suppressed spans, and who speaks
(preposed, postposed, inverted, participial, "according to"), denials and embedded claims."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from missiongate.claims import lexicon as lx
from missiongate.claims.gazetteer import find_countries
from missiongate.claims.model import Mention
from missiongate.claims.sentence import Analysis, Frame

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
_OWN_WORDS = re.compile(r",\s*(?:saying|adding|insisting|stressing|noting|explaining)\b", re.IGNORECASE)
_NOT_DENIED = re.compile(r"\b(?:nor|not|never|n't)\s+$", re.I)
PRONOUN_NP = re.compile(r"^(?:he|she|they|it|we|i)$", re.IGNORECASE)
UNSPOKEN = ("false", "premature")  # frames that deny a report without naming who denies it


_INNER_QUOTE = re.compile(r"[“\"]([^“”\"]{1,240})[”\"]")


def unquote_short(s: str) -> tuple[str, list[int] | None]:
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


# round 9: a wire bulletin's slug ("UPDATE 2-", "CORRECTED-") and its edit note ("(adds analyst quote)")
# are no part of the sentence; glued to the first word they hide the country ("1-Chad to pull troops out")
_WIRE_SLUG = re.compile(
    r"^(?:(?:CORRECTED|REFILE|RPT|EXCLUSIVE|UPDATE \d+|WRAPUP \d+|ANALYSIS|FACTBOX|INSIGHT)-)+"
    r"|\s*\((?:adds|recasts|corrects|fixes|updates|changes|rewrites|writes through|edits|removes)\b"
    r"[^()]*\)\s*$",
    re.MULTILINE,
)


def without_wire_slugs(s: str) -> str:
    """`s` with a wire bulletin's slug and edit note blanked, same length (offsets keep)."""
    return _WIRE_SLUG.sub(lambda m: " " * len(m.group()), s)


def uncapitalised(s: str) -> str:
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


def is_question(s: str) -> bool:
    return s.rstrip(" \"”’')]").endswith("?")


# --- spans that carry no claim of their own -------------------------------------------------------------


def suppressed_spans(s: str, mentions: list[Mention]) -> list[tuple[int, int]]:
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


# --- who says it ------------------------------------------------------------------------------------------


def find_frames(s: str, suppressed: list[tuple[int, int]]) -> list[Frame]:
    frames = [f for v in _speech_verbs(s) if (f := _speech_frame(s, v, suppressed))]
    frames += _according_to(s)
    for match in lx.DENIAL.finditer(s):
        if _NOT_DENIED.search(s, 0, match.start()):
            continue  # "neither confirmed nor denied", "did not deny"
        start, end = _np_before(s, match.start(), suppressed)
        scope_end = _clause_end(s, match.end())
        if own := _OWN_WORDS.search(s, match.end(), scope_end):
            scope_end = own.start()  # "..., saying the contingent would stay": the denier's own words
        frames.append(Frame("denial", start, end, match.start(), scope_end, s[start:end] or None))
    for match in [*lx.FALSE_PREDICATE.finditer(s), *lx.CALLED_FALSE.finditer(s)]:
        # "reports of a deployment were premature": not false, only not decided yet
        premature = match.group().lower().endswith("premature") and not lx.FALSE_AFTER.match(s, match.end())
        kind = "premature" if premature else "false"
        frames.append(Frame(kind, -1, -1, match.start(), match.end(), None))
    for match in lx.TRAILING_DENIAL.finditer(s):  # the denier's refusal of what comes before
        if not _listed(s[: match.start()]):  # "A, B and C had signed up, an account C rejected": C's only
            frames.append(Frame("denial", match.start("np"), match.end("np"), 0, match.start(), match["np"]))
    for match in lx.EMBED_NOUN.finditer(s):
        start, end = _np_before(s, match.start(), suppressed)
        frames.append(Frame("embedded", start, end, match.end(), len(s), s[start:end] or None))
    for match in lx.CLAIM_BY.finditer(s):
        frames.append(Frame("embedded", match.start("np"), match.end("np"), match.end(), len(s), match["np"]))
    if header := quote_header(s):
        frames.append(header)
    for match in _QUOTED_AS_SAYING.finditer(
        s
    ):  # "a radio station quoted an official as saying": the official
        after = s[match.end() :].strip(" .,;:'\"”’")
        start, end = (match.end(), len(s)) if after else (0, match.start())
        frames.append(Frame("speech", match.start("np"), match.end("np"), start, end, match["np"]))
    return frames


def _listed(text: str) -> bool:
    """Does the text join two countries in a list ("Azerbaijan, Indonesia and Pakistan")?"""
    found = find_countries(text)
    return any(
        re.fullmatch(r",?\s+(?:and\s+)?|\s*,\s*", text[a.end : b.start]) for a, b in itertools.pairwise(found)
    )


_QUOTED_AS_SAYING = re.compile(
    r"\bquot(?:ed|es|ing)\s+(?P<np>[^,;]{2,80}?)\s+as\s+say(?:ing|s)\b(?:\s+that\b)?"
)


def quote_header(s: str) -> Frame | None:
    """A heading before a quotation names its speaker ("Samoan PM on TV1: '...'"), if the heading holds a
    role word or a full name: "Update, 10:15: '...'" names nobody."""
    match = lx.QUOTE_HEADER.match(s)
    if match is None:
        return None
    words = match["np"].split()
    named = len(words) > 1 and is_name(match["np"])  # "Maria Lopez, on RTP: ..."
    if not named and not any(w.strip(".'’").lower() in lx.ROLE_WORDS for w in words):
        return None
    return Frame("speech", match.start("np"), match.end("np"), match.end(), len(s), match["np"])


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


def _speech_frame(s: str, verb: _Verb, suppressed: list[tuple[int, int]]) -> Frame | None:
    word = verb.word
    if re.search(r"\b(?:is|are|was|were|be|been)\s+$", s[: verb.start()], re.IGNORECASE):
        return None  # "is said to have agreed": a hedge, not an attribution
    if word.endswith("ing"):
        if re.search(r"\bas\s+$", s[: verb.start()]):
            return None  # "quoted the minister as saying": the minister speaks (`_QUOTED_AS_SAYING`)
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
            return Frame("speech", start, end, 0, start, s[start:end])
    that = re.match(r"\s+that\b", right[tail:])
    if word in lx.THAT_ONLY_VERBS and not that:
        return None
    start, end = _np_before(s, verb.start(), suppressed)
    if end <= start or len(s[start:end].split()) > 14:
        return None
    scope = verb.end() + tail + (that.end() if that else 0)
    return Frame("speech", start, end, scope, _clause_end(s, scope), s[start:end], verb.end())


def _participial(s: str, verb: _Verb) -> Frame | None:
    """`..., saying the country would not take part`: the speaker is the subject of the sentence."""
    that = re.match(r"\s+that\b", s[verb.end() :])
    if not s[: verb.start()].rstrip().endswith(",") and not that:
        return None
    subject = sentence_subject(s)
    if subject is None:
        return None
    scope = verb.end() + (that.end() if that else 0)
    return Frame("speech", subject[0], subject[1], scope, _clause_end(s, scope), s[subject[0] : subject[1]])


_SUBJECT = re.compile(r"(?:(?:the|a|an)\s+)?(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w'’-]*|[Hh]e|[Ss]he|[Tt]hey")


_LIVE_STAMP = re.compile(r"\W*(?:\d{1,2}[:.]\d{2}|[A-Z][A-Z .'’-]+(?: \([^)]{1,20}\))?)\s*[—–]\s*")


def sentence_subject(s: str) -> tuple[int, int] | None:
    """The leading name of a sentence, after introductory phrases ("On 5 January, Ilham Aliyev ...")."""
    stamp = _LIVE_STAMP.match(s)  # a live blog's time ("14:05 — ") or a dateline ("ISLAMABAD (AP) — ")
    start = stamp.end() if stamp else 0
    intro = re.compile(
        r"(?:(?:On|In|At|After|Before|During|Speaking|Asked|While|Referring|Responding)\b[^,]*,\s*)+"
    ).match(s, start)
    if intro:
        start = intro.end()
    match = _SUBJECT.match(s, start)
    if match is None:
        return None
    return match.start(), match.start() + len(match.group().rstrip())


def _inverted(s: str, verb: _Verb, right: str) -> Frame | None:
    """`..., said the minister.` / `...," said Khalid Nordin, when asked ...`."""
    stop = _NP_STOP.search(right)
    np = right[: stop.start()] if stop else right
    words = np.split()
    if not words or len(words) > 12 or PRONOUN_NP.match(words[0]) or words[0].lower() == "that":
        return None
    if _FINITE.search(np):
        return None  # "..., said Islamabad had made no commitment": a clause, not an inverted speaker
    start = verb.end() + len(np) - len(np.lstrip())
    return Frame("speech", start, verb.end() + len(np.rstrip()), 0, verb.start(), np.strip())


def _object_end(right: str) -> int:
    """Length of the indirect object after `told`/`informed` ("reporters", "the BBC on Tuesday"); none in
    the official "informs that ..." """
    if re.match(r"\s+that\b", right):
        return 0
    match = re.match(r"(?:\s+[\w.'’-]+){1,6}?(?=\s+that\b)", right)
    if match:
        return match.end()
    match = re.match(r"\s+(?:the |a |an |local |state )?[\w.'’-]+(?:\s+[A-Z][\w'’-]*)*" + _MEDIA_TAIL, right)
    return match.end() if match else 0


# the rest of an addressee that is a programme or an outlet: "told NBC's morning show", "told a Kenyan daily"
_MEDIA_TAIL = (
    r"(?:\s+(?:morning|evening|late|night|breakfast|weekly|daily|news|radio|television|TV|talk|current"
    r"|affairs|show|programme|program|podcast|bulletin|channel|station|newspaper|paper|outlet|broadcaster"
    r"|interviewer|audience|reporters|journalists))*"
)


def _according_to(s: str) -> list[Frame]:
    frames = []
    for match in lx.ACCORDING_TO.finditer(s):
        rest = s[match.end() :]
        stop = re.search(r",|[.;!?](?:\s|$)", rest)
        np_end = match.end() + (stop.start() if stop else len(rest.rstrip()))
        np = s[match.end() : np_end]
        if match.start() == 0 or not s[: match.start()].strip(" ,"):
            frames.append(Frame("speech", match.end(), np_end, np_end, len(s), np))
        else:
            frames.append(Frame("speech", match.end(), np_end, 0, match.start(), np))
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
        return sentence_subject(s) or (start, start)
    if head := _CONJUNCTION_HEAD.match(np_text):  # ", but Germany said": Germany
        start, np_text = start + head.end(), np_text[head.end() :]
    lead = len(np_text) - len(np_text.lstrip(" ,“\"'"))
    start, end = start + lead, start + len(np_text.rstrip(" ,"))
    if start >= 2 and s[start - 2 : start] == ", " and is_name(s[start:end]):
        # "the U.S. ambassador, Jane Doe, told ...": keep the role in front of the name.
        role_start = _segment_start(s, start - 2)
        role = s[role_start : start - 2]
        if len(role.split()) <= 6 and any(w.lower() in lx.ROLE_WORDS for w in role.split()):
            start = role_start + len(role) - len(role.lstrip(" ,“\"'"))
    return start, end


_SEGMENT_BOUNDARY = re.compile(r",\s|[“”\";:]\s*|\bthat\s|\b(?:and|but)\s(?=[a-z])|\b(?:while|whereas)\s")


def _segment_start(s: str, end: int) -> int:
    best = 0
    for match in _SEGMENT_BOUNDARY.finditer(s, 0, end):
        best = match.end()
    return best


def _clause_end(s: str, start: int) -> int:
    match = re.compile(r";|\s[—–]\s").search(s, start)
    return match.start() if match else len(s)


def governing(frames: list[Frame], pos: int) -> Frame | None:
    order = {"denial": 0, "false": 0, "premature": 0, "embedded": 1, "speech": 2}
    covering = [f for f in frames if f.scope_start <= pos < f.scope_end and not f.np_start <= pos < f.np_end]
    return min(covering, key=lambda f: (order[f.kind], -f.scope_start), default=None)


def speech_of(sent: Analysis, frame: Frame | None, pos: int) -> Frame | None:
    """The frame that names who speaks: a denial frame has its own speaker, a false-predicate does not."""
    if frame is not None and frame.kind in UNSPOKEN:
        rest = [f for f in sent.frames if f.kind not in UNSPOKEN]
        return governing(rest, pos)
    return frame


def is_name(text: str) -> bool:
    words = text.split()
    return bool(words) and all(
        w[:1].isupper()
        and w.lower().strip(",.") not in lx.ROLE_WORDS
        and not find_countries(w)
        and w not in ("The", "A", "An")
        for w in words
    )
