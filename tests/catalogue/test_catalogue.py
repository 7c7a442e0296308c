"""The fact catalogue holds the required vocabulary (domain.md section 5) with everything needed to ask."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missiongate import Catalogue, FactType
from missiongate.catalogue import Fact

REQUIRED = {
    "mandate.authority": (
        "enum",
        {
            "un_security_council",
            "un_general_assembly",
            "regional_organization",
            "coalition",
            "host_state_invitation",
            "none",
        },
    ),
    "mandate.instrument": ("text", None),
    "mandate.charter_basis": ("enum", {"chapter_vi", "chapter_vii", "chapter_viii", "not_cited"}),
    "mandate.use_of_force": (
        "ordered_enum",
        ["self_defence_only", "defence_of_mandate", "protection_of_civilians", "all_necessary_measures"],
    ),
    "mandate.clearly_defined": ("bool", None),
    "mandate.end_date": ("date", None),
    "operation.type": (
        "enum",
        {
            "observer_mission",
            "traditional_peacekeeping",
            "multidimensional_peacekeeping",
            "robust_peacekeeping",
            "peace_enforcement",
            "stabilization",
            "training_mission",
            "humanitarian_support",
        },
    ),
    "operation.tasks": ("set", None),
    "operation.offensive_operations": ("bool", None),
    "operation.forcible_disarmament": ("bool", None),
    "operation.lead": ("enum", {"un", "nato", "eu", "african_union", "coalition", "other_regional"}),
    "operation.command": ("enum", {"un_command", "lead_nation", "unified_command", "regional_organization"}),
    "operation.impartial": ("bool", None),
    "consent.host_state": ("bool", None),
    "consent.all_parties": ("bool", None),
    "political.ceasefire_agreement": ("bool", None),
    "contingent.roles": (
        "set",
        {
            "protection_of_strategic_sites",
            "military_observers",
            "staff_officers",
            "engineering",
            "medical",
            "logistics",
            "military_police",
            "infantry_patrol",
            "combat_infantry",
            "special_forces",
            "training",
        },
    ),
    "contingent.combat_operations": ("bool", None),
    "contingent.outside_territory": ("bool", None),
    "contingent.caveats_accepted": ("bool", None),
    "contingent.withdrawal_right": ("bool", None),
    "contingent.size": ("integer", None),
    "risk.threat_level": ("ordered_enum", ["low", "moderate", "high", "severe"]),
    "legal.sofa": ("bool", None),
    "funding.source": ("enum", {"un_assessed", "trust_fund", "contributor", "requesting_state", "mixed"}),
    "exit.strategy_defined": ("bool", None),
    "regional.endorsements": ("set", {"arab_league", "oic", "african_union", "eu", "osce", "asean"}),
    "request.requesting_party": ("text", None),
    "position.consent_given": ("bool", None),
}
PEMA_TASKS = [
    "DisarmDemob",
    "Reintegration",
    "ControlSALW",
    "ArmsEmbargo",
    "CivProtect",
    "HumanRights",
    "ChildRights",
    "SGBViolence",
    "PoliceReform",
    "MilitaryReform",
    "Demil",
    "OffensOper",
    "JusticeReform",
    "TransJustice",
    "CorrectionsReform",
    "BorderControl",
    "Demining",
    "Resources",
    "StateAuthority",
    "Democratization",
    "ElectSec",
    "ElectAssist",
    "VoterEducation",
    "PolPartyAssist",
    "CivilSociety",
    "Media",
    "PublicInfo",
    "PowerSharing",
    "Reconcil",
    "LocalReconcil",
    "RegReconcil",
    "EcDevelop",
    "HumanRelief",
    "PublicHealth",
    "RefugeeIDPs",
    "Gender",
    "LegalReform",
    "Ceasefire",
    "PeaceProcess",
    "CulturalHeritage",
    "UseOfForce",
]


@pytest.mark.parametrize("fact_id", sorted(REQUIRED))
def test_required_fact_has_type_values_and_wording(catalogue: Catalogue, fact_id: str) -> None:
    fact = catalogue.fact(fact_id)
    expected_type, expected_values = REQUIRED[fact_id]
    assert fact.type == expected_type
    if isinstance(expected_values, list):
        assert list(fact.value_ids) == expected_values  # order matters for ordered enums
    elif expected_values is not None:
        assert set(fact.value_ids) >= expected_values  # at least the required values
    assert fact.label and fact.question.endswith("?") and fact.theme in catalogue.theme_labels


def test_pema_task_codes_are_the_task_values(catalogue: Catalogue) -> None:
    assert set(catalogue.fact("operation.tasks").value_ids) == set(PEMA_TASKS)
    assert len(PEMA_TASKS) == 41


def test_themes_cover_the_questionnaire_groups(catalogue: Catalogue) -> None:
    labels = set(catalogue.theme_labels.values())
    for theme in (
        "Mandate and legal basis",
        "Nature of the operations",
        "Use of force and rules of engagement",
        "Consent and political process",
        "The contingent's role",
        "Command and control",
        "Risk to personnel",
        "Duration and exit",
        "Legal status of personnel",
        "Funding and logistics",
        "Regional endorsement",
    ):
        assert theme in labels


@pytest.mark.parametrize(
    ("fact_id", "raw", "expected"),
    [
        ("consent.host_state", "yes", True),
        ("consent.host_state", False, False),
        ("contingent.roles", "medical logistics", frozenset({"medical", "logistics"})),
        ("contingent.roles", ["medical"], frozenset({"medical"})),
        ("contingent.size", "150", 150),
        ("mandate.end_date", "2027-12-31", dt.date(2027, 12, 31)),
        ("mandate.end_date", dt.date(2027, 12, 31), dt.date(2027, 12, 31)),
        ("risk.threat_level", "high", "high"),
    ],
)
def test_coerce_accepts_the_forms_answers_arrive_in(
    catalogue: Catalogue, fact_id: str, raw: object, expected: object
) -> None:
    assert catalogue.fact(fact_id).coerce(raw) == expected


@pytest.mark.parametrize(
    ("fact_id", "raw"),
    [
        ("consent.host_state", "perhaps"),
        ("operation.type", "war"),
        ("contingent.roles", ["cooks"]),
        ("contingent.size", True),
        ("contingent.size", "many"),
        ("mandate.end_date", "next year"),
        ("mandate.instrument", ""),
    ],
)
def test_coerce_rejects_values_of_the_wrong_type(catalogue: Catalogue, fact_id: str, raw: object) -> None:
    with pytest.raises(ValueError):
        catalogue.fact(fact_id).coerce(raw)


def test_every_choice_fact_has_labelled_values(catalogue: Catalogue) -> None:
    for fact in catalogue.facts:
        if fact.type in (FactType.ENUM, FactType.ORDERED_ENUM, FactType.SET):
            assert all(choice.label for choice in fact.values)


def test_text_values_are_folded_and_symbols_take_one_form(catalogue: Catalogue) -> None:
    """A doctrine's test on "S/RES/2803 (2025)" must match however the symbol was typed."""
    instrument = catalogue.fact("mandate.instrument")
    assert instrument.coerce("s/res/2803(2025)") == "S/RES/2803 (2025)"
    assert instrument.coerce("S/RES/2803  (2025)") == "S/RES/2803 (2025)"
    assert instrument.coerce(" Treaty of  Peace ") == "Treaty of Peace"


def test_every_question_put_to_the_requesting_party_has_its_french_text(catalogue: Catalogue) -> None:
    questions = {fact.id: fact.fr.question if fact.fr else None for fact in catalogue.facts if fact.ask}
    assert [fact_id for fact_id, question in questions.items() if not question] == []
    assert [q for q in questions.values() if q and not q.endswith(" ?")] == []
    assert [t.id for t in catalogue.themes if t.fr is None] == []
    tasks = catalogue.fact("operation.tasks").fr
    assert tasks is not None and set(tasks.values) == set(catalogue.fact("operation.tasks").value_ids)


def test_every_fact_has_its_french_label(catalogue: Catalogue) -> None:
    assert [fact.id for fact in catalogue.facts if fact.fr is None] == []


@given(st.data())
def test_french_value_labels_must_cover_every_value(catalogue: Catalogue, data: st.DataObject) -> None:
    fact = data.draw(st.sampled_from([f for f in catalogue.facts if f.values]))
    assert fact.fr is not None
    kept = data.draw(st.sets(st.sampled_from(fact.value_ids)).filter(lambda s: s != set(fact.value_ids)))
    extra = data.draw(st.booleans())
    values = {v: label for v, label in fact.fr.values.items() if v in kept} | (
        {"other_value": "x"} if extra else {}
    )
    broken = fact.model_dump() | {"fr": {"label": fact.fr.label, "values": values}}
    with pytest.raises(ValueError, match=r"fr\.values"):
        Fact.model_validate(broken)
