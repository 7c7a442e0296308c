from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from missiongate.claims.segment import split_sentences


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_splits_sentences_but_not_abbreviations() -> None:
    assert texts("Mr. Smith met Gen. Lee in Jan. 2026. The U.S. envoy left. Next.") == [
        "Mr. Smith met Gen. Lee in Jan. 2026.",
        "The U.S. envoy left.",
        "Next.",
    ]


def test_keeps_a_quotation_whole() -> None:
    text = "“We received it. We will answer,” he said. Then he left."
    assert texts(text) == ["“We received it. We will answer,” he said.", "Then he left."]


def test_transcript_turns() -> None:
    sentences = split_sentences("Q: Will you?\nMINISTER SAYED: No. We study it.\n\nPlain text.")
    assert [(s.turn_speaker, s.question_turn) for s in sentences] == [
        (None, True),
        ("Minister Sayed", False),
        ("Minister Sayed", False),
        (None, False),
    ]


def test_a_generic_label_gives_way_to_the_role_after_it() -> None:
    sentences = split_sentences("Q: Ready?\nA (army spokesman): Yes.\nMINISTER (Peru): No.")
    assert [s.turn_speaker for s in sentences] == [None, "army spokesman", "Minister"]


def test_a_debate_record_names_who_speaks() -> None:
    text = "Lord Ames: No.\nThe Minister for Defence (Ms Jo Dale): We will.\nSenator Ray Holt (Chair): Yes."
    assert [s.turn_speaker for s in split_sentences(text)] == ["Lord Ames", "Ms Jo Dale", "Senator Ray Holt"]


@given(st.text(max_size=400))
def test_sentences_are_ordered_non_empty_slices(text: str) -> None:
    previous_end = 0
    for sentence in split_sentences(text):
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end].strip() == text[sentence.start : sentence.end]
        previous_end = sentence.end
