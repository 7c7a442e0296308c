"""The draft gate: a rebuttal is drafted only when the claim's reading is unambiguous; everything else that
would contradict the record is reported for review with the reason, never drafted."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missiongate.claims.extract import extract_claims
from missiongate.claims.gate import could_draft, local_review
from missiongate.claims.model import Stance
from missiongate.claims.position import Position, PositionStance, Verdict, check_claim

NO_CONSENT = Position("MNG", PositionStance.NO_CONSENT_GIVEN, "unmiss")
CONSENT = Position("MNG", PositionStance.CONSENT_GIVEN, "unmiss")
FIRM = "Mongolia has agreed to send an infantry company to South Sudan, the UN peacekeeping chief said."


def verdicts(text: str, position: Position) -> list[Verdict]:
    return [check_claim(c, position).verdict for c in extract_claims(text) if c.country == position.country]


def test_an_unambiguous_claim_is_drafted() -> None:
    (claim,) = extract_claims(FIRM)
    assert claim.review == ""
    assert check_claim(claim, NO_CONSENT).verdict is Verdict.CONTRADICTS
    refusal = "Mongolia has ruled out sending troops to South Sudan, the defence ministry said."
    assert verdicts(refusal, CONSENT) == [Verdict.CONTRADICTS]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Mongolia's envoy said it has agreed to send an infantry company to South Sudan.", "not named"),
        (
            "Mongolia, after weeks of talks in Geneva, has agreed to send a company to South Sudan.",
            "far from",
        ),
        ("Mongolia has agreed to send an infantry company, the UN peacekeeping chief said.", "no operation"),
        ("Mongolia has agreed to send a company to South Sudan, a newspaper reported.", "'reported'"),
        ("Mongolia has agreed to send a company to South Sudan, but not its engineers.", "negation"),
        ("Mongolia has agreed to send a company to South Sudan despite objections.", "'despite'"),
        ("Mongolia has agreed to send a company to South Sudan and Nepal has refused.", "another country"),
        ("Mongolia will keep a company in South Sudan under a bilateral pact with Juba.", "framework"),
        ("Mongolia will keep its medics in Juba after the UN mission there winds down.", "framework"),
        ("Mongolia has agreed to station engineers in South Sudan outside the UN mission.", "framework"),
        ("Update, 10:15: 'Mongolia has agreed to send a company to South Sudan.'", "quoted words"),
        ("Mongolia has approved the withdrawal of UN troops from South Sudan.", "beside an exit"),
        ("Mongolia has agreed to send a company to South Sudan for a simulation exercise.", "'simulation'"),
        ("Mongolia will send an observer to the UN mission's conference in Juba.", "meeting"),
        ("Mongolia almost sent a company to South Sudan last month.", "'almost'"),
        ("Mongolia agreed to send a company to South Sudan, then changed its mind.", "changed its mind"),
        ("Mongolia will send a company to South Sudan to evacuate its citizens.", "evacuate"),
    ],
)
def test_an_ambiguous_reading_is_reviewed_not_drafted(text: str, reason: str) -> None:
    (result,) = [check_claim(c, NO_CONSENT) for c in extract_claims(text) if c.country == "MNG"]
    assert result.verdict is Verdict.CANNOT_CHECK
    assert reason in result.claim.review and "for an analyst to review" in result.reason


def test_a_host_deploying_at_home_beside_the_operation_is_not_drafted() -> None:
    text = (
        "The South Sudanese army has deployed two battalions alongside UNMISS in Malakal, a spokesman said."
    )
    position = Position("SSD", PositionStance.NO_CONSENT_GIVEN, "unmiss")
    assert Verdict.CONTRADICTS not in verdicts(text, position)


def test_only_a_firm_claim_is_gated() -> None:
    (claim,) = extract_claims(FIRM)
    assert could_draft(claim)
    assert not could_draft(replace(claim, stance=Stance.CONSIDERING))
    assert not could_draft(replace(claim, qualified=True))
    assert not could_draft(replace(claim, cue=""))  # the learned back-off's claims
    assert (
        local_review(claim.text, claim, (0, 8), None) == "the country is not named as the subject of the cue"
    )


def test_a_refused_exit_is_never_drafted_against_a_consent() -> None:
    (claim,) = extract_claims("Mongolia has ruled out leaving Juba, the UN mission in South Sudan said.")
    result = check_claim(claim, CONSENT)
    assert result.verdict is Verdict.CANNOT_CHECK and "staying" in result.claim.review


@pytest.mark.parametrize(
    "text",
    [
        "Mongolian troops have withdrawn from Malakal to their base in Juba.",
        "Mongolia has withdrawn its candidate for force commander of the UN mission in South Sudan.",
        "Mongolia will withdraw from the UN mission's football tournament in Juba.",
        "Mongolia will not send its troops to South Sudan's northern border.",
    ],
)
def test_an_exit_or_refusal_not_about_the_operation_is_never_drafted(text: str) -> None:
    assert Verdict.CONTRADICTS not in verdicts(text, CONSENT)
    assert verdicts("Mongolia will withdraw its troops from the UN mission in South Sudan.", CONSENT) == [
        Verdict.CONTRADICTS
    ]


def test_an_agreement_whose_cue_holds_a_negation_is_never_drafted() -> None:
    text = "Mongolia will send no troops to South Sudan."
    (claim,) = extract_claims(text)
    assert claim.stance is Stance.DECLINED  # the extractor reads the refusal ...
    agreed = replace(claim, stance=Stance.AGREED, cue="will send no troops", review="")
    start = text.index("will")  # ... and were it read as sending, the gate would not draft it
    review = local_review(text, agreed, (start, start + len("will send no troops")), (0, 8))
    assert review.startswith("a negation inside the cue")


_UNCERTAIN = ["if", "may", "reportedly", "denied", "any", "until", "in 2019", "since", "unconfirmed", "?"]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_UNCERTAIN), st.integers(min_value=1, max_value=14))
def test_an_uncertain_word_anywhere_prevents_a_draft(word: str, at: int) -> None:
    words = FIRM.rstrip(".").split()
    words.insert(min(at, len(words)), word)
    assert Verdict.CONTRADICTS not in verdicts(" ".join(words) + ".", NO_CONSENT)


@pytest.mark.parametrize("verb", ["dropped", "scrapped", "withdrawn", "abandoned"])
def test_a_pledge_taken_back_is_a_refusal_and_its_noun_never_a_firm_cue(verb: str) -> None:
    text = f"Mongolia has {verb} its pledge of engineers for the mission in South Sudan, officials said."
    (claim,) = [c for c in extract_claims(text) if c.country == "MNG"]
    assert claim.stance is Stance.DECLINED
    assert Verdict.CONTRADICTS not in verdicts(text, Position("MNG", PositionStance.CONSIDERING, "unmiss"))
    noun = "Mongolia has completed the withdrawal of its company from South Sudan."
    assert [check_claim(c, CONSENT).verdict for c in extract_claims(noun)] == [Verdict.CANNOT_CHECK]


@pytest.mark.parametrize(
    ("text", "position"),
    [
        # round 9, the six classes of the spent sets' wrong drafts, probed with sentences of their own
        ("Mongolia and Chad abstained while the Council authorised more troops for UNMISS.", NO_CONSENT),
        ("Mongolia will not send troops to South Sudan while the fighting in Malakal continues.", CONSENT),
        ("Mongolia will not join UNMISS in the absence of a new Council mandate.", CONSENT),
        ("Mongolia's failure to deploy the promised company to UNMISS drew criticism.", NO_CONSENT),
        ("Mongolia is unable to send a second battalion to UNMISS this year, the ministry said.", NO_CONSENT),
        (
            "The Mongolian Armed Forces are prepared to send a company to South Sudan within ten days of a"
            " government decision, the chief of staff said.",
            NO_CONSENT,
        ),
        ("Mongolia's army stands ready to deploy to UNMISS upon an order from parliament.", NO_CONSENT),
        (
            "CORRECTION: A story on Monday said Mongolia had agreed to send troops to South Sudan."
            " Mongolia has only received the request.",
            NO_CONSENT,
        ),
        ("Mongolia has agreed to send a company to South Sudan. The bulletin was in error.", NO_CONSENT),
        ("The think-tank's report says Mongolia has committed a company to UNMISS.", NO_CONSENT),
        (
            "Mongolia's 850 peacekeepers in South Sudan will not take part in riot-control duties in Juba,"
            " the ministry said.",
            CONSENT,
        ),
    ],
)
def test_the_round_9_classes_are_never_drafted(text: str, position: Position) -> None:
    assert Verdict.CONTRADICTS not in verdicts(text, position)


def test_the_round_9_classes_leave_their_firm_neighbours_drafted() -> None:
    """The same sentences without the word that makes them ambiguous are still drafted."""
    assert verdicts("Mongolia will not send troops to South Sudan, the minister said.", CONSENT) == [
        Verdict.CONTRADICTS
    ]
    # (since round 19 a bare readiness is not drafted either; a sending at short notice still is)
    ready = "Mongolia will send a company to South Sudan at short notice, the chief of staff said."
    assert verdicts(ready, NO_CONSENT) == [Verdict.CONTRADICTS]
    voted = "The Mongolian parliament approved by 60 votes the deployment of a company to South Sudan."
    assert verdicts(voted, NO_CONSENT) == [Verdict.CONTRADICTS]


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("TICKER: MONGOLIAN BATTALION LEAVES SOUTH SUDAN AFTER 12 YEARS", CONSENT),
        ("Mongolia withdraws its last company from UNMISS after more than a dozen years.", CONSENT),
        (
            "The minister noted that 870 members of the Mongolian armed forces currently serve with UNMISS.",
            NO_CONSENT,
        ),
    ],
)
def test_the_round_10_classes_are_never_drafted(text: str, position: Position) -> None:
    assert Verdict.CONTRADICTS not in verdicts(text, position)


def test_the_round_10_classes_leave_their_firm_neighbours_drafted() -> None:
    """Without the span of years or the head count, the same readings are still drafted."""
    assert verdicts("MONGOLIA PULLS ITS BATTALION OUT OF SOUTH SUDAN", CONSENT) == [Verdict.CONTRADICTS]
    serving = "Mongolian troops serve with UNMISS, the minister said."
    assert verdicts(serving, NO_CONSENT) == [Verdict.CONTRADICTS]


def test_a_cue_noun_after_a_determiner_and_a_compound_modifier_is_never_a_firm_cue() -> None:
    thanks = "The Council thanked Mongolia for its long-standing commitment to UNMISS."
    assert Verdict.CONTRADICTS not in verdicts(thanks, NO_CONSENT)
    assert verdicts("Mongolia has committed a company to UNMISS.", NO_CONSENT) == [Verdict.CONTRADICTS]


@pytest.mark.parametrize(
    "text",
    [
        "Mongolia's parliament voted down a motion to send a company to South Sudan.",
        "Mongolia and Nepal agreed to extend their security cooperation pact by five years, the UNMISS"
        " spokesman said.",
        "A deputy says Mongolia is sending police to the UN mission in South Sudan. That is news to the"
        " Government; nothing of the kind has been agreed.",
    ],
)
def test_the_round_11_classes_are_never_drafted(text: str) -> None:
    assert Verdict.CONTRADICTS not in verdicts(text, NO_CONSENT)


def test_the_round_11_classes_leave_their_firm_neighbours_drafted() -> None:
    """A parliament that votes to send, and the same report without the denial, are still drafted."""
    assert verdicts("Mongolia's parliament voted to send a company to South Sudan.", NO_CONSENT) == [
        Verdict.CONTRADICTS
    ]
    report = "A deputy says Mongolia is sending police to the UN mission in South Sudan."
    assert verdicts(report, NO_CONSENT) == [Verdict.CONTRADICTS]


@pytest.mark.parametrize(
    "word",
    ["an honest mistake", "a mistake", "a slip of the tongue", "a misunderstanding", "misquoted"],
)
def test_a_claim_called_a_mistake_is_never_drafted(word: str) -> None:
    """Round 12, from the wrong draft of z10: officials call the claim an error later in the text."""
    text = f"A deputy said Mongolia had joined the UN mission in South Sudan; the ministry called it {word}."
    assert Verdict.CONTRADICTS not in verdicts(text, NO_CONSENT)
    assert verdicts("A deputy said Mongolia had joined the UN mission in South Sudan.", NO_CONSENT) == [
        Verdict.CONTRADICTS
    ]


def test_a_quotation_in_the_speakers_own_voice_names_the_country() -> None:
    """Round 12: "We" opening a quotation by a speaker named with the country is drafted like the name;
    without the country in the speaker, or with a hedge, it is not."""
    own = "'We are sending a company to South Sudan,' Mongolia's defence minister said."
    assert verdicts(own, NO_CONSENT) == [Verdict.CONTRADICTS]
    assert Verdict.CONTRADICTS not in verdicts(own.replace("Mongolia's", "the"), NO_CONSENT)
    assert Verdict.CONTRADICTS not in verdicts(own.replace("are sending", "may send"), NO_CONSENT)


@pytest.mark.parametrize(
    "text",
    [
        "Mongolia stands ready to send a company to the UN mission in South Sudan once the Council renews its"
        " mandate, the ambassador said.",
        "Mongolia has pledged an engineer unit to UNMISS following the adoption of the new mandate, the envoy"
        " said.",
        "Everyone keeps saying Mongolia is sending a battalion to South Sudan, the radio host said.",
        "People say Mongolia has joined the UN mission in South Sudan, a blogger wrote.",
    ],
)
def test_the_round_17_classes_are_never_drafted(text: str) -> None:
    """Round 17, from the wrong drafts of z14 and z15: a standing offer that waits for an event to come, and
    a report others keep making, repeated to be disputed."""
    assert Verdict.CONTRADICTS not in verdicts(text, NO_CONSENT)


def test_the_round_17_classes_leave_their_firm_neighbours_drafted() -> None:
    """The same sending without the offer's condition, or said by the government itself, is still drafted."""
    assert verdicts("Mongolia has pledged an engineer unit to UNMISS, the envoy said.", NO_CONSENT) == [
        Verdict.CONTRADICTS
    ]
    assert verdicts(
        "Mongolia is sending a battalion to South Sudan, the defence minister said.", NO_CONSENT
    ) == [Verdict.CONTRADICTS]


def test_an_exit_beside_forces_that_stay_is_never_drafted() -> None:
    """Round 17, from z16: the offer is taken back but some forces stay, so the exit may be partial; the
    same exit alone is still drafted against a participation on record."""
    partial = (
        "Mongolia has withdrawn its offer of a company to UNMISS but will retain its staff officers there."
    )
    assert Verdict.CONTRADICTS not in verdicts(partial, CONSENT)
    exit_only = "Mongolia has withdrawn its offer of a company to UNMISS, the defence ministry said."
    assert verdicts(exit_only, CONSENT) == [Verdict.CONTRADICTS]


@pytest.mark.parametrize(
    "headline", ["MONGOLIA PULLS OFFER OF TROOPS FOR UNMISS", "Mongolia drops pledge to UNMISS"]
)
def test_an_offer_pulled_in_a_headline_is_a_refusal(headline: str) -> None:
    """Round 17, from z16: a headline drops the determiner of the offer it takes back."""
    assert [c.stance for c in extract_claims(headline) if c.country == "MNG"] == [Stance.DECLINED]


@pytest.mark.parametrize(
    "text",
    [
        "Mongolia has agreed in principle to send engineers to the UN mission in South Sudan.",
        "Mongolia has approved a company for UNMISS, though its parliament has yet to vote on it.",
        "Mongolia will provide USD 5 million to the trust fund of the UN mission in South Sudan.",
        "Mongolia has pledged $3 million to UNMISS, the finance ministry said.",
    ],
)
def test_an_agreement_in_principle_or_of_money_is_never_drafted(text: str) -> None:
    """Round 17, from z17 and z18: an agreement in principle, or with a step yet to come, is conditional
    (writers label it either way); money given is no force sent."""
    assert Verdict.CONTRADICTS not in verdicts(text, NO_CONSENT)
    firm = "Mongolia has pledged an engineer company to UNMISS, the defence ministry said."
    assert verdicts(firm, NO_CONSENT) == [Verdict.CONTRADICTS]


def test_a_presence_counted_in_the_cue_is_never_drafted() -> None:
    """Round 18, from f17: a written answer counting the troops a country has deployed states a presence as
    background; the same country sending troops is still drafted."""
    counted = "Mongolia currently has 850 personnel deployed to UNMISS, mostly in Bentiu."
    assert Verdict.CONTRADICTS not in verdicts(counted, NO_CONSENT)
    assert verdicts("Mongolia has deployed 850 personnel to UNMISS.", NO_CONSENT) == [Verdict.CONTRADICTS]


def test_a_refusal_of_ground_troops_only_and_money_anywhere_are_never_drafted() -> None:
    """Round 18, from z20: "will not send ground troops" may leave a naval or staff part (writers label it
    either way), and a pledge whose sentence counts money may be of money."""
    ground = "Mongolia will not send ground troops to South Sudan, whatever becomes of the river patrols."
    assert Verdict.CONTRADICTS not in verdicts(ground, CONSENT)
    money = "Mongolia's pledge to UNMISS, at $40 million, dwarfs its neighbours'."
    assert Verdict.CONTRADICTS not in verdicts(money, NO_CONSENT)
    assert verdicts("Mongolia will not send troops to South Sudan, the minister said.", CONSENT) == [
        Verdict.CONTRADICTS
    ]


def test_a_fact_check_or_a_readiness_is_never_drafted() -> None:
    """Round 19, from z21 and z22: the claim a fact-check quotes is the one it disputes; a readiness is an
    offer waiting to be taken up (writers label it either way)."""
    checked = "CLAIM: Mongolia has withdrawn from UNMISS. FACT: Its soldiers remain in South Sudan."
    assert Verdict.CONTRADICTS not in verdicts(checked, CONSENT)
    ready = "Mongolia is ready to contribute troops to a United Nations force in South Sudan."
    assert Verdict.CONTRADICTS not in verdicts(ready, NO_CONSENT)
    assert verdicts("Mongolia has withdrawn from UNMISS, the defence ministry said.", CONSENT) == [
        Verdict.CONTRADICTS
    ]
