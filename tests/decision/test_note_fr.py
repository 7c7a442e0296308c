"""The note verbale in French: French formulae, the catalogue's French questions and the doctrine's French
conditions, nothing left in English, the same questions as the English note; refused when a text it needs
has no French version."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from missiongate import Catalogue, Doctrine, evaluate, load_builtin
from missiongate.decision import build_note
from missiongate.decision.markdown import note_markdown
from missiongate.decision.note import Note
from missiongate.doctrine.loader import builtin_ids
from missiongate.doctrine.model import Purpose
from missiongate.documents import note_docx, render_pdf
from missiongate.errors import MissionGateError
from missiongate.evaluator import Verdict
from missiongate.mission import Mission
from tests.decision.support import example, fact_ids_in, task_codes_in, variant

DAY = dt.date(2026, 1, 9)
# Words of the English note that French never uses as words of its own.
ENGLISH = re.compile(
    r"\b(the|of|and|with|would|which|will|what|who|has|have|been|this|that|these|for|any|its|to|"
    r"Ministry|Embassy|Government|Council|Security|resolution|operation|following|Pending|highest|"
    r"consideration|contingent's)\b"
)


def _fr(doctrine: Doctrine, mission: Mission, **options: Any) -> Note:
    return build_note(doctrine, mission, number="12/2026", date=DAY, lang="fr", **options)


def _plain(text: str) -> str:
    """The text with French non-breaking spaces read as spaces, for searching."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _inquiry() -> Mission:
    return variant("gaza-isf-inquiry", request__reference="No. 2026/014", request__date="2026-01-02")


def _english_texts(catalogue: Catalogue, doctrine: Doctrine) -> list[str]:
    texts = [fact.question for fact in catalogue.facts] + [theme.label for theme in catalogue.themes]
    texts += [choice.label for fact in catalogue.facts for choice in fact.values if " " in choice.label]
    return texts + [rule.statement.strip() for rule in doctrine.rules if rule.statement]


def test_the_bare_gaza_inquiry_in_french_asks_what_the_english_note_asks(azerbaijan: Doctrine) -> None:
    mission = _inquiry()
    english = build_note(azerbaijan, mission, number="12/2026", date=DAY)
    french = _fr(azerbaijan, mission)
    assert french.count == english.count and french.facts_asked == english.facts_asked
    assert [len(qs) for _, qs in french.groups] == [len(qs) for _, qs in english.groups]
    assert len(french.conditions) == len(english.conditions) == 8
    assert len(french.desirable) == len(english.desirable) == 2
    assert all(q.text.endswith("\u202f?") for _, questions in french.groups for q in questions)


def test_nothing_is_left_in_english(azerbaijan: Doctrine, catalogue: Catalogue) -> None:
    mission = _inquiry()
    text = note_markdown(_fr(azerbaijan, mission).context())
    plain = _plain(text)
    leftovers = [line for line in _english_texts(catalogue, azerbaijan) if _plain(line) in plain]
    assert leftovers == []
    assert ENGLISH.findall(plain) == []
    assert fact_ids_in(text) == set() and task_codes_in(text) == set()
    assert mission.title not in text and "as first received" not in text and mission.id not in text


def test_the_french_formulae(azerbaijan: Doctrine) -> None:
    note = _fr(
        azerbaijan,
        variant(
            "gaza-isf-inquiry",
            request__reference="No. 2026/014",
            request__date="2026-01-02",
            operation__tasks=["CivProtect", "Demil"],
        ),
    )
    text = _plain(note_markdown(note.context()))
    assert "**Ministère des Affaires étrangères de la République d'Azerbaïdjan** N° 12/2026 Le" in text
    assert (
        "Le Ministère des Affaires étrangères de la République d'Azerbaïdjan présente ses compliments à "
        "l'Ambassade des États-Unis d'Amérique et a l'honneur de se référer à la note n° 2026/014 du "
        "2 janvier 2026 relative à une éventuelle contribution de l'Azerbaïdjan à l'opération autorisée par "
        "la résolution 2803 (2025) du Conseil de sécurité."
    ) in text
    assert "tâches confiées à l'opération : protection des civils et démilitarisation." in text
    assert "toute participation de l'Azerbaïdjan serait subordonnée aux conditions suivantes :" in text
    assert "L'Azerbaïdjan attacherait en outre du prix aux points suivants :" in text
    assert (
        "Dans l'attente de ces précisions, aucune décision n'a été prise quant à la participation de "
        "l'Azerbaïdjan." in text
    )
    assert text.endswith(
        "Le Ministère des Affaires étrangères de la République d'Azerbaïdjan saisit cette occasion pour "
        "renouveler à l'Ambassade des États-Unis d'Amérique les assurances de sa très haute considération. "
        "9 janvier 2026 Ambassade des États-Unis d'Amérique"
    )


def test_a_ministry_and_an_addressee_given_in_french_keep_their_article(azerbaijan: Doctrine) -> None:
    note = _fr(
        azerbaijan,
        _inquiry(),
        ministry="la Direction des affaires juridiques",
        recipient="Mission permanente de la France",
        country="Azerbaïdjan",
    )
    assert note.sender == "Direction des affaires juridiques"
    assert note.opening.startswith(
        "La Direction des affaires juridiques présente ses compliments à la Mission permanente de la France"
    )
    assert "Le Ministère tient à informer la Mission que toute participation de l'Azerbaïdjan" in _plain(
        note.conditions_intro
    )
    assert note.addressee_line == "Mission permanente de la France"


def test_french_typography_puts_a_non_breaking_space_before_high_punctuation(azerbaijan: Doctrine) -> None:
    text = note_markdown(_fr(azerbaijan, _inquiry()).context())
    assert re.findall(r"[^\u202f][;?!]", text) == []
    assert re.findall(r"[^\u00a0]:", text) == []
    assert "n°\u00a02026/014" in text and "9\u00a0janvier 2026" in text


def test_the_declining_note_in_french(azerbaijan: Doctrine) -> None:
    note = _fr(azerbaijan, example("gaza-isf-peace-enforcement"))
    assert note.declining and note.count == 0 and not note.conditions
    assert _plain(note.opening).endswith(
        "Après un examen attentif de cette demande, le Ministère a le regret de faire savoir à l'Ambassade "
        "que le Gouvernement de la République d'Azerbaïdjan n'est pas en mesure de participer à cette "
        "opération."
    )
    assert note.paragraphs == (
        "Le Ministère remercie l'Ambassade de la confiance ainsi témoignée à l'Azerbaïdjan.",
    )
    assert ENGLISH.findall(_plain(note_markdown(note.context()))) == []


def test_a_missing_french_question_refuses_the_note_naming_the_fact(
    azerbaijan: Doctrine, catalogue: Catalogue
) -> None:
    data = catalogue.model_dump()
    for fact in data["facts"]:
        if fact["id"] in {"command.reporting_line", "operation.deconfliction"}:
            fact["fr"] = None
    without = Catalogue.model_validate(data)
    with pytest.raises(MissionGateError, match="French") as refused:
        _fr(azerbaijan, _inquiry(), catalogue=without)
    assert "command.reporting_line" in str(refused.value) and "operation.deconfliction" in str(refused.value)
    assert build_note(azerbaijan, _inquiry(), number="1", catalogue=without).count  # English still works


def test_a_missing_french_condition_refuses_the_note_naming_the_rule(azerbaijan: Doctrine) -> None:
    rules = [r.model_copy(update={"statement_fr": None}) if r.id == "C3" else r for r in azerbaijan.rules]
    with pytest.raises(MissionGateError, match=r"statement of rule C3$"):
        _fr(azerbaijan.model_copy(update={"rules": rules}), _inquiry())


def test_a_declining_note_needs_no_catalogue_text(azerbaijan: Doctrine, catalogue: Catalogue) -> None:
    data = catalogue.model_dump()
    for fact in data["facts"]:
        fact["fr"] = None
    note = _fr(azerbaijan, example("gaza-isf-peace-enforcement"), catalogue=Catalogue.model_validate(data))
    assert note.declining


PARTICIPATION = [d for d in builtin_ids() if load_builtin(d).purpose is Purpose.PARTICIPATION]


@pytest.mark.parametrize("doctrine_id", PARTICIPATION)
def test_every_built_in_doctrine_writes_the_bare_inquiry_note_in_french(doctrine_id: str) -> None:
    doctrine = load_builtin(doctrine_id)
    try:
        english = build_note(doctrine, _inquiry(), number="1")
    except MissionGateError as refused:  # e.g. nothing left to ask: refused in French alike
        with pytest.raises(MissionGateError, match=re.escape(refused.message)):
            _fr(doctrine, _inquiry())
        return
    note = _fr(doctrine, _inquiry())
    assert (note.count, len(note.conditions)) == (english.count, len(english.conditions))
    if len(note.conditions) == 1:  # Indonesia: its right to withdraw
        assert note.conditions_intro.endswith("serait subordonnée à la condition suivante\u00a0:")
        assert "ses vues sur cette condition par la voie diplomatique" in note.reply
    assert ENGLISH.findall(_plain(note_markdown(note.context()))) == []


_CHANGES = {
    "operation.type": ["peace_enforcement", "stabilization", "traditional_peacekeeping"],
    "consent.all_parties": [True, False],
    "contingent.caveats_accepted": [True, False],
    "risk.threat_level": ["low", "high", "severe"],
    "operation.detention": [True, False],
    "operation.tasks": [["CivProtect"], ["Demil", "BorderControl", "HumanRelief"]],
}


@settings(max_examples=40, deadline=None)
@given(st.fixed_dictionaries({}, optional={k: st.sampled_from(v) for k, v in _CHANGES.items()}))
def test_any_answers_give_the_same_note_in_both_languages(
    azerbaijan: Doctrine, answers: dict[str, object]
) -> None:
    mission = variant("gaza-isf-inquiry", **{k.replace(".", "__"): v for k, v in answers.items()})
    if evaluate(azerbaijan, mission).verdict not in (Verdict.DECLINE, Verdict.CLARIFICATION_REQUIRED):
        return
    english = build_note(azerbaijan, mission, number="1", date=DAY)
    french = _fr(azerbaijan, mission)
    assert (french.declining, french.facts_asked) == (english.declining, english.facts_asked)
    assert (len(french.conditions), len(french.desirable)) == (
        len(english.conditions),
        len(english.desirable),
    )
    assert ENGLISH.findall(_plain(note_markdown(french.context()))) == []


def _pages(data: bytes) -> str:
    return _plain(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def test_french_docx_and_pdf_read_back(azerbaijan: Doctrine) -> None:
    note = _fr(azerbaijan, _inquiry())
    context = note.context()
    document = Document(io.BytesIO(note_docx(context)))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[:2] == [
        "DONNÉES D'EXEMPLE — document sans valeur officielle",
        "Ministère des Affaires étrangères de la République d'Azerbaïdjan",
    ]
    assert paragraphs[2] == "N° 12/2026" and paragraphs[-1] == "Ambassade des États-Unis d'Amérique"
    numbered = [p for p in paragraphs if p.split(".")[0].isdigit()]
    assert len(numbered) == note.count and all(c in paragraphs for c in note.conditions)
    language = document.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert language is not None and language.get(qn("w:val")) == "fr-FR"
    text = _pages(render_pdf("note.html", context))
    assert "présente ses compliments à l'Ambassade des États-Unis d'Amérique" in text
    assert "serait subordonnée aux conditions suivantes :" in text and "très haute considération" in text
    assert ENGLISH.findall(text) == [] and fact_ids_in(text) == set()
