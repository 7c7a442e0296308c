"""Find claims about countries' participation in operations, sentence by sentence.

A rule engine over regular expressions, no statistical model: for each sentence it finds stance cues
("agreed to send", "ruled out", "is studying the request"), the frames around them (who says it, whether
it is denied, asked, wished for, conditional or history), and the country each cue is about. Every
decision is local and explainable, and the whole pass costs well under a millisecond per sentence.
This module reads the document sentence by sentence; `frames`, `subjects` and `stance` hold the rules of
each part, `sentence` what they share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from missiongate.claims import gate
from missiongate.claims import lexicon as lx
from missiongate.claims import reader as rd
from missiongate.claims.frames import (
    find_frames,
    governing,
    is_question,
    speech_of,
    suppressed_spans,
    uncapitalised,
    unquote_short,
    without_wire_slugs,
)
from missiongate.claims.gazetteer import find_countries
from missiongate.claims.learned import Backoff, load_backoff, masked
from missiongate.claims.missions import find_missions
from missiongate.claims.model import Claim, Mention, Stance
from missiongate.claims.reader import NONE, Around, load_reader, pair_features
from missiongate.claims.segment import Sentence, double_quotes, split_sentences
from missiongate.claims.sentence import Analysis, Context, Cue, in_spans
from missiongate.claims.stance import claims_for_cue, cue_groups
from missiongate.claims.subjects import is_host, mission_of, speaker_of, split_speaker
from missiongate.claims.tables import table_rows

# Below this claim probability of the learned detector a rule claim that would not be drafted is dropped:
# chosen by leave-one-batch-out on dev (docs/claims.md, round 11), never by a test split.
DOUBT = 0.2
# Round 14, the per-country reader (`_reread`): the probability of one stance from which it adds a claim the
# rules missed (None: off); chosen by leave-one-batch-out on dev (docs/claims.md). Dropping claims, changing
# stances and conditions on the additions were measured there too (`bench/claims_reader_lobo.py`) and did
# not pay, so the product only adds.
READ_ADD: float | None = 0.6


@dataclass(frozen=True, slots=True)
class Reading:
    """One sentence as the rules read it, before the learned readers."""

    sent: Analysis | None  # None: a question, or a bare answer to one (the rules alone read it)
    rules: list[Claim]  # the rules' claims, through the gate's sentence-wide reason
    around: Around = field(
        default_factory=Around
    )  # what the reader's feature groups read beyond the sentence's words


def extract_claims(text: str, source: str | None = None) -> list[Claim]:
    """Every participation claim in `text`, in order; offsets index into `text`. Never raises on text."""
    context = Context()
    claims: list[Claim] = []
    analysed = double_quotes(without_wire_slugs(text))
    sentences = split_sentences(analysed)
    document = _document(analysed, sentences)
    for at, sentence in enumerate(sentences):
        reading = _nearby(_read(text, analysed, sentence, context, source), document, at)
        claims.extend(_learned_readings(reading, context, source))
    if reason := gate.document_review(text):
        return [replace(c, review=reason) if gate.could_draft(c) and not c.review else c for c in claims]
    return claims


def sentence_readings(text: str) -> list[Reading]:
    """The rules' reading of each sentence of `text`, as `extract_claims` sees it: the reader's training."""
    context = Context()
    analysed = double_quotes(without_wire_slugs(text))
    sentences = split_sentences(analysed)
    document = _document(analysed, sentences)
    return [
        _nearby(_read(text, analysed, sentence, context, None), document, at)
        for at, sentence in enumerate(sentences)
    ]


def _document(analysed: str, sentences: list[Sentence]) -> list[tuple[str, tuple[Mention, ...]]]:
    """Each sentence's text and mentions as `_read` finds them, for the reader's "elsewhere" group (only
    when it is on and the text has several sentences: the cost is a second gazetteer pass)."""
    if "elsewhere" not in rd.GROUPS or len(sentences) < 2:
        return []
    texts = (unquote_short(uncapitalised(analysed[s.start : s.end]))[0] for s in sentences)
    return [(s, tuple(find_countries(s))) for s in texts]


def _nearby(reading: Reading, document: list[tuple[str, tuple[Mention, ...]]], at: int) -> Reading:
    """The reading with the item's sentences up to `reader.NEARBY` before and after this one."""
    if not document:
        return reading
    near = document[max(0, at - rd.NEARBY) : at] + document[at + 1 : at + 1 + rd.NEARBY]
    return replace(reading, around=replace(reading.around, nearby=tuple(near)))


def _read(text: str, analysed: str, sentence: Sentence, ctx: Context, source: str | None) -> Reading:
    original = text[sentence.start : sentence.end]
    if sentence.question_turn:
        _remember_question(analysed[sentence.start : sentence.end], ctx)
        return Reading(None, [])
    question, ctx.question = ctx.question, None
    if is_question(original) or _COUNTERFACTUAL_HEAD.match(original) or lx.INDIRECT_QUESTION.match(original):
        return Reading(None, [])  # "Had Nepal accepted ..., its police would be in Haiti": nothing happened
    if question and sentence.turn_speaker and (answer := _ANSWER.match(original)):
        return Reading(None, _answer_claims(text, sentence, question, answer, source))
    s, index = unquote_short(uncapitalised(analysed[sentence.start : sentence.end]))
    mentions = find_countries(s)
    suppressed = suppressed_spans(s, mentions)
    frames = find_frames(s, suppressed)
    missions = find_missions(s)
    sent = Analysis(
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
    groups = cue_groups(sent)
    for group in groups:
        for cue in group:
            claims = claims_for_cue(sent, cue, ctx, source)
            for claim in claims:
                first = found.setdefault(claim.country, claim)
                if first.caveat and claim.stance is Stance.AGREED and cue.kind in ("force", "pledged"):
                    found[claim.country] = claim  # "no combat, but its engineers will help": it takes part
                elif first.stance is not claim.stance and cue.kind != "nominal":
                    mixed.add(claim.country)  # a noun ("ruled out any Mexican participation") is no stance
                    if _contrast_settles(sent, first, claim):
                        found[claim.country] = claim
            if claims:
                break
    _table_claims(sent, found)
    _remember(sent, found, ctx)
    # "would train police but would not station troops": a mixed message is reported, never rebutted
    claims = [replace(c, qualified=True) if c.country in mixed else c for c in found.values()]
    around = Around(tuple((r.start, r.end) for r in missions), tuple(c for g in groups for c in g))
    return Reading(sent, _gated(sent, claims), around)


def _learned_readings(reading: Reading, ctx: Context, source: str | None) -> list[Claim]:
    """The back-off where the rules read nothing, its second reading where they did, then the reader."""
    sent, rules = reading.sent, reading.rules
    if sent is None:
        return rules
    backoff = load_backoff()
    vector = p = None
    if backoff is not None and (sent.mentions or rules):
        vector = backoff.vector(masked(sent.text, sent.mentions))
        p = backoff.claim_probability(vector)
    if rules:
        base = _doubted(rules, p if sent.mentions else None)
    elif sent.operation and backoff and vector is not None and p is not None:
        base = _learned(sent, backoff, vector, p, ctx, source)
    else:
        base = []
    return _reread(reading, base, p, ctx, source)


def _table_claims(sent: Analysis, found: dict[str, Claim]) -> None:
    """Rows of a pledge table (`tables.py`) the grammar missed; a table is never drafted against: its
    columns may be a plan, a past figure or another operation's."""
    mission = next((ref.slug for ref in sent.missions if not ref.historical), None)
    for code, stance, (start, end) in table_rows(sent.text, sent.mentions):
        review = "a row of a table: read for review, never drafted"
        found.setdefault(
            code,
            Claim(
                sent.original,
                sent.offset,
                sent.offset + len(sent.original),
                code,
                stance,
                mission=mission,
                quote=sent.original,
                quote_start=sent.offset,
                quote_end=sent.offset + len(sent.original),
                cue=sent.text[start:end],
                review=review,
            ),
        )


def _contrast_settles(sent: Analysis, first: Claim, later: Claim) -> bool:
    """A refusal and an agreement set against each other: "will not lead the mission but will send a team of
    officers" takes part (personnel, not training, money or facilities); "will train police but will not put
    troops inside Gaza" does not (round 8). The claim stays qualified either way."""
    s = sent.text
    at_first = s.find(first.cue)
    at_later = s.find(later.cue, at_first + 1) if at_first >= 0 else -1
    contrast = lx.CONTRAST.search(s, at_first, at_later) if at_later > at_first >= 0 else None
    if contrast is None:
        return False
    if later.stance is Stance.AGREED and first.stance is Stance.DECLINED:
        offered = s[contrast.end() :]
        return bool(lx.PERSONNEL.search(offered)) and not lx.NOT_PERSONNEL.search(s)
    return later.stance is Stance.DECLINED and bool(lx.NOT_PERSONNEL.search(s, at_first, contrast.start()))


def _gated(sent: Analysis, claims: list[Claim]) -> list[Claim]:
    """The draft gate's sentence-wide reason (`gate.py`): another country named with another stance."""
    stances = {c.country: c.stance for c in claims}
    others: dict[str, Stance | None] = {m.code: stances.get(m.code) for m in sent.mentions}
    allowed = {
        m.code
        for m in sent.mentions
        if is_host(sent, m) or any(f.np_start <= m.start < f.np_end for f in sent.frames)
    }
    return [
        replace(claim, review=gate.other_country_review(claim, others, allowed))
        if gate.could_draft(claim) and not claim.review
        else claim
        for claim in claims
    ]


def _doubted(claims: list[Claim], p: float | None) -> list[Claim]:
    """Round 11, the learned detector as a second reader: in a sentence it reads as holding no claim
    (probability `p` below `DOUBT`), the rules' claims are dropped, except one the gate would draft (its
    reading is firm; a learned veto of drafts was measured and did not pay, docs/claims.md). A sentence
    that names no country ("We have received such inquiries," he said) is not second-read (`p` is None):
    its country comes from the document, which the detector does not see. The document memory keeps what
    the rules read."""
    if p is None or p >= DOUBT:
        return claims
    return [c for c in claims if _firm(c)]


def _firm(claim: Claim) -> bool:
    """The gate would draft this reading: no learned reader drops or changes it."""
    return gate.could_draft(claim) and not claim.review


def _learned(
    sent: Analysis, backoff: Backoff, vector: dict[str, float], p: float, ctx: Context, source: str | None
) -> list[Claim]:
    """The learned back-off for a sentence the rules found no claim in, with an operation in sight (named
    or meant here or earlier in the document: "Kenyan police will investigate" is no claim): a claim about
    the first country that is not a speaker, a host or background, with the classifier's stance. It has no
    cue to explain it, so it is reported (`qualified`), never rebutted."""
    if p < backoff.threshold:
        return []
    mention = next(
        (
            m
            for m in sent.mentions
            if not in_spans(m.start, sent.suppressed)
            and not is_host(sent, m)
            and not any(f.np_start <= m.start < f.np_end for f in sent.frames)
        ),
        None,
    )
    if mention is None:
        return []
    return [_unruled(sent, mention, Stance(backoff.stance_of(vector)), ctx, source)]


def _unruled(sent: Analysis, mention: Mention, stance: Stance, ctx: Context, source: str | None) -> Claim:
    """A claim no rule read (the back-off's or the reader's): no cue, so reported (`qualified`), never
    drafted; speaker and operation found as for a rule claim."""
    cue = Cue(mention.start, mention.end, stance, "learned")
    speaker, role = speaker_of(sent, speech_of(sent, governing(sent.frames, cue.start), cue.start), ctx)
    mission, inferred = mission_of(sent, cue, [(mention.start, mention.end)], ctx)
    base = sent.offset
    return Claim(
        text=sent.original,
        start=base,
        end=base + len(sent.original),
        country=mention.code,
        stance=stance,
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


def _reread(
    reading: Reading, base: list[Claim], p: float | None, ctx: Context, source: str | None
) -> list[Claim]:
    """Round 14, the per-country reader (`reader.py`): a country of the sentence that neither the rules nor
    the back-off read a claim for gets one where the reader is confident (`READ_ADD`). The claim is
    `qualified`: drafts come from the rules through the gate alone."""
    reader, sent = load_reader(), reading.sent
    if reader is None or READ_ADD is None or sent is None:
        return base
    read = {c.country for c in reading.rules} | {c.country for c in base}
    added: list[Claim] = []
    for code, mention in first_mentions(sent).items():
        if code in read:
            continue
        if (stance := _added(reader.probabilities(_pair(reading, code, p)), READ_ADD)) is not None:
            added.append(_unruled(sent, mention, stance, ctx, source))
    return base + added


def first_mentions(sent: Analysis) -> dict[str, Mention]:
    """Each country of the sentence with its first mention, in the order they are first named."""
    first: dict[str, Mention] = {}
    for mention in sent.mentions:
        first.setdefault(mention.code, mention)
    return first


def _added(probs: dict[str, float], threshold: float) -> Stance | None:
    """The stance of a claim the reader adds: where one stance alone has probability >= `threshold` (the
    sum of the three stances added as many claims but with weaker stances, docs/claims.md)."""
    best = _best_stance(probs)
    return best if probs[best] >= threshold else None


def _pair(reading: Reading, code: str, p: float | None) -> dict[str, float]:
    sent = reading.sent
    assert sent is not None  # the reader reads analysed sentences only
    return pair_features(sent.text, sent.mentions, code, reading.rules, p, sent.operation, reading.around)


def _best_stance(probs: dict[str, float]) -> Stance:
    return max((Stance(c) for c in probs if c != NONE), key=lambda stance: probs[stance])


# --- document memory --------------------------------------------------------------------------------------


_ANSWER = re.compile(
    r"^\W*(?:(?P<yes>yes|yes, \w+)|(?P<no>no|no, \w+|(?:they|we|it) (?:are|is|will|have|has|do|does) not"
    r"|(?:they|we|it) (?:aren't|isn't|won't|haven't|hasn't|don't|doesn't)))\W*$"
    # an affirmative that goes on ("Yes, and the next rotation deploys in November", "That's correct, four
    # of them"), unless it turns ("Yes, but ...")
    r"|^\W*(?P<yes_more>yes|that(?:'s| is) (?:correct|right|true)|correct|absolutely|certainly|of course"
    r"|definitely)\s*[,;:.—–-]\s+(?!.*\b(?:but|however|although|though|if|unless)\b)",
    re.IGNORECASE,
)
_QUESTION_SUBJECT = re.compile(
    r"\W*(?:has|have|is|are|was|were|will|would|did|does|do|can|could|should)\s+(?:the\s+)?", re.IGNORECASE
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
    stance = if_yes if answer["yes"] or answer["yes_more"] else _NO_TO[if_yes]
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


def _remember_question(question: str, ctx: Context) -> None:
    """A reporter's question carries no claim, but the answer's "we" and "our" are its country's, and a
    bare "Yes." or "No." answers it."""
    places = find_missions(question)
    opening = _QUESTION_SUBJECT.match(question)
    asked = [
        m.code
        for m in find_countries(question)
        if not lx.DESTINATION_BEFORE.search(question, max(0, m.start - 20), m.start)  # "to Haiti": the host
        and (  # "reach Haiti" names the place, but "Has the Central African Republic consented" asks the host
            (opening is not None and m.start == opening.end())
            or not any(0 <= r.host_start <= m.start < r.end for r in places)
        )
    ]
    if codes := tuple(dict.fromkeys(asked)):
        ctx.last_countries = codes
    mission = next((r.slug for r in places if not r.historical), None)
    ctx.last_mission = mission or ctx.last_mission
    about_forces = lx.PARTICIPATION_CONTEXT.search(question) is not None
    ctx.participation = ctx.participation or about_forces
    if codes and about_forces:  # "Are Irish troops leaving?": a "yes" is an exit
        ctx.question = (codes, Stance.DECLINED if _EXIT_QUESTION.search(question) else Stance.AGREED, mission)


def _register_speakers(sent: Analysis, ctx: Context) -> None:
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


def _remember(sent: Analysis, found: dict[str, Claim], ctx: Context) -> None:
    ctx.participation = sent.participation
    named = [r for r in sent.missions if not r.historical and not in_spans(r.start, sent.suppressed)]
    if found and any(not c.mission_inferred and c.mission for c in found.values()):
        ctx.last_mission = next(c.mission for c in found.values() if not c.mission_inferred and c.mission)
    elif named and any(r.by_name for r in named):
        ctx.last_mission = next(r.slug for r in named if r.by_name)
    if found:
        ctx.last_countries = tuple(found)
        first = next(iter(found.values()))
        if first.speaker:
            ctx.last_speaker = (first.speaker, first.speaker_role)
