from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missiongate.claims import Stance, extract, extract_claims
from missiongate.claims.countries import TABLE
from missiongate.claims.extract import split_speaker
from missiongate.claims.gazetteer import find_countries
from missiongate.claims.missions import find_missions


def one(text: str, country: str) -> tuple[str, str | None, str | None]:
    found = [c for c in extract_claims(text) if c.country == country]
    assert len(found) == 1, f"{country}: {found}"
    return str(found[0].stance), found[0].speaker, found[0].mission


@pytest.mark.parametrize(
    ("text", "country", "stance"),
    [
        ("The U.S. ambassador said Azerbaijan had agreed to join the Gaza force.", "AZE", "agreed"),
        ("According to a diplomat, Kenya will deploy 600 police officers to Haiti.", "KEN", "agreed"),
        ("Greece has ruled out sending troops to Ukraine, a spokeswoman told reporters.", "GRC", "declined"),
        ("Bangladesh is studying a request to deploy peacekeepers.", "BGD", "considering"),
        ("Baku had received inquiries but had taken no decision on the force.", "AZE", "considering"),
        ("Azerbaijan will not send troops unless all parties consent.", "AZE", "considering"),
        ("Germany has not ruled out contributing soldiers to the force.", "DEU", "considering"),
        ("Japan has decided not to dispatch troops to Gaza.", "JPN", "declined"),
        ("Pakistan could contribute troops to the ISF.", "PAK", "considering"),
        ("Egypt has not yet agreed to send troops.", "EGY", "considering"),
        ("Turkey has never agreed to send troops.", "TUR", "declined"),
        ("Kenya to send 600 more police officers to Haiti, ministry says", "KEN", "agreed"),
        ("Troops from Bangladesh will join the force next month.", "BGD", "agreed"),
        ("Soldiers will be provided by Mongolia, the commander said.", "MNG", "agreed"),
        ("Oman will refrain from sending troops.", "OMN", "declined"),
        ("Senegal will stay out of the Haiti mission.", "SEN", "declined"),
        ("Burundi has refused to withdraw its soldiers from Somalia.", "BDI", "agreed"),
    ],
)
def test_stances(text: str, country: str, stance: str) -> None:
    assert one(text, country)[0] == stance


@pytest.mark.parametrize(
    ("text", "country", "stance"),
    [
        # received inquiries, undecided, conditional and predicted statements are "considering"
        (
            "Uzbekistan has received an inquiry about sending engineers to the Gaza force.",
            "UZB",
            "considering",
        ),
        ("Officials said Mongolia has not yet decided on the request.", "MNG", "considering"),
        ("Ecuador is studying the request, its defence ministry said.", "ECU", "considering"),
        (
            "“We have not made up our minds,” the Nepali minister said of the Lebanon mission.",
            "NPL",
            "considering",
        ),
        ("Gabon would consider taking part if the parties agree to the force.", "GAB", "considering"),
        ("Tanzania is expected to join the Somalia mission next year.", "TZA", "considering"),
        ("Zambia is not expected to contribute troops to the Haiti force.", "ZMB", "considering"),
        ("Analysts say Morocco is likely to send police trainers to Gaza.", "MAR", "considering"),
        # "ruled out" and synonyms are "declined"
        ("Sending soldiers to the Red Sea is off the table, the Belgian premier said.", "BEL", "declined"),
        ("Austria closed the door on a contribution to the Golan mission.", "AUT", "declined"),
        # troops under way assert participation
        ("Rwandan troops are already on their way to Bangui.", "RWA", "agreed"),
        ("Nepali peacekeepers have started deploying to southern Lebanon.", "NPL", "agreed"),
        ("The first Malawian soldiers arrived in Goma on Friday.", "MWI", "agreed"),
        ("Peru is ready to consider sending engineers to Haiti.", "PER", "considering"),
        ("Peru says it will only send engineers with a UN mandate.", "PER", "considering"),
        ("The cabinet called the reports of a Peruvian deployment to Haiti false.", "PER", "declined"),
        ("Peru will probably join the Haiti force, an analyst said.", "PER", "considering"),
        ("Peru's president praised the force but did not commit soldiers to it.", "PER", "declined"),
        ("Peru has 120 engineers serving with the Haiti force.", "PER", "agreed"),
        ("“Peru is not part of this mission,” the minister said of the Haiti force.", "PER", "declined"),
        ("Peru is in consultations with Washington about a role in the Haiti force.", "PER", "considering"),
        ("Peru will decide on the request after the elections.", "PER", "considering"),
    ],
)
def test_issue_13_stances(text: str, country: str, stance: str) -> None:
    assert one(text, country)[0] == stance


def test_a_denial_that_says_no_decision_was_taken_stays_undecided() -> None:
    text = "The ministry dismissed the article, saying Mongolia had not yet decided on the request."
    assert one(text, "MNG")[0] == "considering"


@pytest.mark.parametrize(
    ("text", "country", "caveat"),
    [
        ("Chile has ruled out sending troops to Haiti.", "CHL", False),
        ("Chile has not agreed to send troops to Haiti.", "CHL", False),
        ("Chile denied reports that it had committed troops to Haiti.", "CHL", False),
        ("Chile will not take part in combat operations in Haiti.", "CHL", True),
        ("Chile will not send soldiers to fight gangs in Haiti.", "CHL", True),
        ("Chile has no intention of risking its soldiers' lives abroad.", "CHL", True),
    ],
)
def test_a_refused_role_is_a_caveat_not_a_refusal(text: str, country: str, caveat: bool) -> None:
    found = [c for c in extract_claims(text) if c.country == country]
    assert [(c.stance, c.caveat) for c in found] == [(Stance.DECLINED, caveat)]


def test_embedded_claim_is_attributed_to_its_author() -> None:
    stance, speaker, _ = one(
        "The envoy's remark that Baku had signed on to the Gaza mission drew a rebuke from the ministry.",
        "AZE",
    )
    assert (stance, speaker) == ("agreed", "The envoy")


def test_denial_turns_the_denied_claim_into_the_deniers_refusal() -> None:
    stance, speaker, _ = one(
        "President Ilham Aliyev rejected claims by the American ambassador"
        " that Azerbaijan had agreed to join.",
        "AZE",
    )
    assert (stance, speaker) == ("declined", "Ilham Aliyev")


@pytest.mark.parametrize(
    "text",
    [
        "Will Azerbaijan send peacekeepers to Gaza?",
        "If Azerbaijan joined the force, it would be the first post-Soviet state to do so.",
        "Washington has asked Baku to contribute a battalion to the Gaza force.",
        "UN officials said they hoped Indonesia would send more peacekeepers to Lebanon.",
        "Kenya deployed police officers to Haiti in 2024.",
        "Azerbaijan signed a gas supply agreement with Italy on Monday.",
        "It remains unclear whether Brazil will commit soldiers to the Haiti mission.",
        "The force will operate in close coordination with Egypt and Israel.",
        "Uzbekistan declined to comment on whether it would send troops.",
        "Washington urged Azerbaijan to join the force.",
        "The newspaper later retracted its report that Azerbaijan had committed troops.",
        "Peru was thanked for its contribution to the Haiti mission many years ago.",
        "Austria has withdrawn its objection to the Golan mission's budget.",
        "Peru said it had not been asked to send soldiers to Haiti.",
    ],
)
def test_non_claims(text: str) -> None:
    assert extract_claims(text) == []


def test_a_delegation_to_a_meeting_is_no_claim_for_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-country reader (round 14) reads this one as an agreement, one of its errors on dev-like
    text: what it adds is reported, never drafted; the rules read nothing."""
    text = "Peru will send a delegation to the Haiti donors' meeting."
    assert all(claim.qualified and not claim.cue for claim in extract_claims(text))
    monkeypatch.setattr(extract, "READ_ADD", None)
    assert extract_claims(text) == []


def test_one_claim_per_country_in_a_sentence() -> None:
    claims = extract_claims(
        "The ambassador said Azerbaijan, Indonesia and Egypt would send soldiers to Gaza."
    )
    assert [(c.country, c.stance) for c in claims] == [
        ("AZE", Stance.AGREED),
        ("IDN", Stance.AGREED),
        ("EGY", Stance.AGREED),
    ]
    assert {c.speaker for c in claims} == {"The ambassador"}
    assert {c.mission for c in claims} == {"gaza-isf"}


def test_contrast_and_ellipsis() -> None:
    claims = extract_claims("Indonesia and Pakistan have offered troops, but Azerbaijan has not.")
    assert {c.country: str(c.stance) for c in claims} == {"IDN": "agreed", "PAK": "agreed", "AZE": "declined"}


def test_first_person_quote_takes_the_speakers_country() -> None:
    stance, speaker, _ = one("“We are ready to send our engineers,” the Kazakh defence minister said.", "KAZ")
    assert stance == "agreed" and speaker == "the Kazakh defence minister"


def test_later_sentences_inherit_speaker_country_and_mission() -> None:
    text = (
        "Azerbaijani President Ilham Aliyev said Azerbaijan had not agreed to join the Gaza force.\n"
        "“We have received such inquiries,” he said."
    )
    claims = extract_claims(text)
    assert [(c.country, str(c.stance)) for c in claims] == [("AZE", "declined"), ("AZE", "considering")]
    assert claims[1].mission == "gaza-isf" and claims[1].mission_inferred
    assert claims[1].quote == "We have received such inquiries,"


def test_transcript_turns() -> None:
    text = (
        "Q: Is Chad sending soldiers?\nFOREIGN MINISTER SAYED: Egypt has received the request to send troops."
    )
    claims = extract_claims(text)
    assert [(c.country, str(c.stance), c.speaker) for c in claims] == [("EGY", "considering", "Sayed")]
    assert claims[0].speaker_role == "Foreign Minister"


def test_offsets_point_into_the_source() -> None:
    text = "Headline\n\nOfficials said Morocco would deploy 300 soldiers to Gaza. Other news followed."
    (claim,) = extract_claims(text)
    assert text[claim.start : claim.end] == claim.text
    assert text[claim.quote_start : claim.quote_end] == claim.quote
    assert claim.text.startswith("Officials said Morocco")


def test_split_speaker() -> None:
    assert split_speaker("Interior Minister Daniel Kiprono") == ("Daniel Kiprono", "Interior Minister")
    assert split_speaker("Malaysia's defence minister, Khalid Nordin") == (
        "Khalid Nordin",
        "Malaysia's defence minister",
    )
    assert split_speaker("the envoy") == ("the envoy", "the envoy")
    assert split_speaker("Poland") == ("Poland", None)


_NEWSY = st.lists(
    st.sampled_from(
        [
            "Azerbaijan",
            "Baku",
            "said",
            "agreed",
            "to",
            "send",
            "troops",
            "not",
            "will",
            "“",
            "”",
            '"',
            ",",
            ".",
            "?",
            "\n",
            "if",
            "whether",
            "Q:",
            "THE ENVOY:",
            "denied",
            "reports",
            "that",
            "its",
            "Gaza",
            "UNIFIL",
            "according to",
            "the U.S. ambassador",
            "'s",
            "remark",
            "no decision",
            "unless",
            "Kenyan",
            ";",
        ]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), _NEWSY))
def test_extraction_never_raises_and_offsets_slice_back(text: str) -> None:
    for claim in extract_claims(text):
        assert text[claim.start : claim.end] == claim.text
        assert text[claim.quote_start : claim.quote_end] == claim.quote
        assert claim.start <= claim.quote_start <= claim.quote_end <= claim.end
        assert claim.stance in Stance


def _demonyms() -> list[str]:
    """One demonym per state, as the gazetteer writes them ("Indonesian", "Bangladeshi"); not those that
    also name where an operation is ("Haitian" troops in Haiti are the host's)."""
    forms = [line.split("|")[2].split(";")[0].strip() for line in TABLE.strip().splitlines()]
    return [form for form in forms if form and not find_missions(form)]


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(_demonyms()),
    st.sampled_from(["troops", "peacekeepers", "police officers", "engineers", "soldiers"]),
    st.sampled_from(
        [
            ("will join the force in Lebanon", "agreed"),
            ("are already on their way to Haiti", "agreed"),
            ("will not be sent to Gaza", "declined"),
            ("have begun withdrawing from Somalia", "declined"),
            ("are not leaving UNDOF", "agreed"),
            ("will stay in Lebanon if the mandate is renewed", "considering"),
        ]
    ),
)
def test_a_countrys_forces_as_subject(demonym: str, noun: str, predicate: tuple[str, str]) -> None:
    """Grammar, not a list of sentences: any state's forces, any force noun; the predicate decides."""
    (country,) = {m.code for m in find_countries(demonym)}
    claims = extract_claims(f"{demonym} {noun} {predicate[0]}, the ministry said.")
    assert [(c.country, str(c.stance)) for c in claims] == [(country, predicate[1])]


@pytest.mark.parametrize(
    ("text", "country", "stance"),
    [
        ("A battalion from Nepal touched down in Juba, the UN mission said.", "NPL", "agreed"),
        ("Rwanda's contingent in Bangui will be reinforced, Kigali said.", "RWA", "agreed"),
        ("Ireland has no intention of withdrawing its soldiers from UNIFIL.", "IRL", "agreed"),
        ("Reports that Austria was pulling its contingent out of UNDOF were false.", "AUT", "agreed"),
        ("Ethiopia has withdrawn its troops from the force in Somalia.", "ETH", "declined"),
        ("Zambia's parliament approved the deployment of 800 soldiers to Bangui.", "ZMB", "agreed"),
        (
            "Parliament in Windhoek approved the deployment of a Namibian battalion to Somalia.",
            "NAM",
            "agreed",
        ),
        ("Colombia's president said his country would “never” send soldiers to Haiti.", "COL", "declined"),
        ("Uganda says it will keep its soldiers in Somalia until the army can take over.", "UGA", "agreed"),
        ("The Argentine navy said its contribution to UNFICYP would end next year.", "ARG", "declined"),
        ("Analysts doubt that Azerbaijan will ever send troops to Gaza.", "AZE", "considering"),
        ("Japan joins Red Sea mission", "JPN", "agreed"),
        ("Bolivia backs out of Haiti force", "BOL", "declined"),
        (
            "Seoul is not considering sending troops, the presidential office said, though it may help.",
            "KOR",
            "declined",
        ),
    ],
)
def test_round_2_grammar(text: str, country: str, stance: str) -> None:
    assert one(text, country)[0] == stance


@pytest.mark.parametrize(
    "text",
    [
        "Britain has urged Gulf states to send troops to Gaza, but none has agreed so far.",
        "Egypt, Jordan and the UAE would be asked to contribute, the plan says.",
        "Iran's foreign minister condemned plans to deploy foreign troops in Gaza.",
        "Israel has vetoed Turkish participation in the force, Israeli officials said.",
        "Tokyo has not received any request to send personnel to Gaza.",
        "A Ghanaian battalion returned home from Lebanon last week after a year-long tour.",
        "Kenyan police will investigate the shooting, the ministry said.",
        "French troops left Mali in 2022.",
        "Funding for the Haiti force remains uncertain after the United States cut its contribution.",
    ],
)
def test_round_2_non_claims(text: str) -> None:
    assert extract_claims(text) == []


@pytest.mark.parametrize(
    ("text", "qualified"),
    [
        ("Azerbaijan has agreed to send troops to Gaza, the envoy said.", False),
        ("Azerbaijan has agreed to send troops to Gaza if the parliament approves, the envoy said.", True),
        ("Azerbaijan has agreed to send troops to Gaza, according to unconfirmed reports.", True),
        ("Cairo would train Palestinian police but would not station its own troops in Gaza.", True),
    ],
)
def test_qualified_claims_are_marked(text: str, qualified: bool) -> None:
    assert {c.qualified for c in extract_claims(text)} == {qualified}


def test_scare_quotes_keep_offsets_into_the_source() -> None:
    text = "Intro.\n“We will stay,” he said. Colombia would “never” send soldiers to Haiti."
    (claim,) = [c for c in extract_claims(text) if c.country == "COL"]
    assert text[claim.start : claim.end] == claim.text == "Colombia would “never” send soldiers to Haiti."


@pytest.mark.parametrize(
    ("text", "country", "stance"),
    [
        (
            "The Estonian minister said Tallinn was 'carefully weighing' the request for Haiti.",
            "EST",
            "considering",
        ),
        (
            "'Thailand will send engineers to Juba,' the Thai army chief said of the UN mission.",
            "THA",
            "agreed",
        ),
        (
            "An MP's claim that Armenia had offered troops for Gaza was flatly denied by Yerevan.",
            "ARM",
            "declined",
        ),
        (
            "Reports that Ghana has frozen its deployment to Lebanon are false, the presidency said.",
            "GHA",
            "agreed",
        ),
        ("Q: Is Peru sending police to Haiti? MINISTER: No. We have other priorities.", "PER", "declined"),
        ("Q: Are Irish troops leaving the Golan? TAOISEACH: They are not.", "IRL", "agreed"),
        ("FIJI SAYS NO DECISION YET ON GOLAN TROOPS", "FJI", "considering"),
        ("The deployment of 300 Nepali police to Haiti was approved by the cabinet.", "NPL", "agreed"),
        ("Burundian soldiers are heading back to Somalia under the AU mission.", "BDI", "agreed"),
        ("Norway has decided to keep its frigates at home, rather than join Aspides.", "NOR", "declined"),
        (
            "The Dutch minister said the Netherlands would not rule out sending a frigate to Aspides.",
            "NLD",
            "considering",
        ),
        ("Jakarta is reconsidering its commitment to the Gaza force.", "IDN", "considering"),
        ("Kenya and Ghana have soldiers in Haiti already, the mission said.", "GHA", "agreed"),
        ("There will be no Danish soldiers in Gaza, the prime minister said.", "DNK", "declined"),
    ],
)
def test_round_3_claims(text: str, country: str, stance: str) -> None:
    assert one(text, country)[0] == stance


@pytest.mark.parametrize(
    "text",
    [
        "Had Chile accepted the request in 2024, its police would already be in Haiti, a columnist argued.",
        "Canada's refusal to lead the Haiti force in 2023 is still cited as a turning point.",
        "An MP's claim that Armenia had offered troops for Gaza drew a correction from the ministry.",
        "Azerbaijan has agreed to supply gas to Syria under a deal signed in Baku.",
        "Azerbaijan reportedly agreed to send troops to the Gaza force.",
    ],
)
def test_round_3_never_drafted(text: str) -> None:
    from missiongate.claims.position import Position, PositionStance, Verdict, check_claim

    for claim in extract_claims(text):
        for stance in PositionStance:
            assert check_claim(claim, Position(claim.country, stance)).verdict is not Verdict.CONTRADICTS


@pytest.mark.parametrize(
    "text",
    [
        "Four Ghanaian peacekeepers serving with the UN mission in South Sudan were injured near Bor.",
        "Nepalese and Indian battalions make up half of the force in southern Lebanon.",
        "Irish troops have served in the Golan observer force since 1974.",
        "The Rwandan-led force in Mozambique was renamed last year.",
        "Qatar sent two planes carrying food and medicine to El Arish for Gaza.",
        "Washington listed Kenya and Jamaica among the nations it hopes will send police to Haiti.",
        "Egyptian officials said they would object to Iranian soldiers joining the Gaza force.",
        "Norway has said nothing about sending troops to Ukraine.",
        "Brazil's senate will hold a debate in March on the country's peacekeeping commitments.",
        "How many Fijian soldiers can stay on the Golan next year is unclear.",
        "Senegalese troops took part in a joint exercise near Thies, rehearsing drills for UN missions.",
        "The Italian frigate returned to Taranto after a five-month deployment with the Red Sea mission.",
        "The budget of the Kosovo force, to which Austria contributes 300 soldiers, is set in Brussels.",
        "Ghanaian and Zambian soldiers were among the troops that left eastern Congo in the spring.",
    ],
)
def test_round_4_background_is_no_claim(text: str) -> None:
    assert [c for c in extract_claims(text) if c.cue] == []  # the rules find none (the back-off never drafts)


@pytest.mark.parametrize(
    ("text", "country", "stance"),
    [
        (
            "A field hospital and 150 medics have been pledged by Gabon for the Central African mission.",
            "GAB",
            "agreed",
        ),
        ("A Nigerian plan to send police to Haiti has been shelved, officials said.", "NGA", "declined"),
        ("Ghana has started moving an engineering company to Abyei.", "GHA", "agreed"),
        ("UGANDA RECALLS PEACEKEEPERS FROM SOMALIA", "UGA", "declined"),
        ("Kenyan police in Haiti are not going anywhere, the interior minister said.", "KEN", "agreed"),
        ("Chile said it was not in a position at this stage to send troops to Ukraine.", "CHL", "declined"),
        (
            "Reports that Kazakhstan had offered a company for Gaza were 'pure invention', Astana said.",
            "KAZ",
            "declined",
        ),
        ("Spain was described as still studying the request for the Ukraine force.", "ESP", "considering"),
        (
            "Peru will revisit its offer of engineers for the Lebanon force, the minister said.",
            "PER",
            "considering",
        ),
        (
            "Ghana will not take part in combat in Mali, but its engineers will build roads for the mission.",
            "GHA",
            "agreed",
        ),
        (
            "Kenya said it would bring its police home from Haiti once the current mandate ends.",
            "KEN",
            "declined",
        ),
        ("The deployment of 1,200 Nepalese troops to Lebanon was approved by the cabinet.", "NPL", "agreed"),
        (
            "The ministry in Suva has been approached about a company for the Golan force.",
            "FJI",
            "considering",
        ),
        ("Ecuador has deployed a first group of 60 soldiers to Port-au-Prince.", "ECU", "agreed"),
        (
            "Jordan would look carefully at any request for troops for Gaza, the minister said.",
            "JOR",
            "considering",
        ),
    ],
)
def test_round_4_claims(text: str, country: str, stance: str) -> None:
    assert one(text, country)[0] == stance


@pytest.mark.parametrize(
    "text",
    [
        "Uruguay will send trainers to Montevideo, but none of its soldiers would deploy with the force.",
        "Malawi pulled its troops out of the Congo mission in the spring.",
    ],
)
def test_round_4_claims_never_drafted(text: str) -> None:
    """A refusal after a contrast makes a mixed message; a past exit told with a season may be background."""
    from missiongate.claims.position import Position, PositionStance, Verdict, check_claim

    claims = extract_claims(text)
    assert len(claims) == 1
    for claim in claims:
        assert claim.qualified
        for stance in PositionStance:
            assert check_claim(claim, Position(claim.country, stance)).verdict is not Verdict.CONTRADICTS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 6: consent to an operation, the host's own included
        ("Georgia has formally consented to an extension of the EU monitoring mission.", "GEO agreed"),
        ("Somalia's cabinet has withdrawn its consent to the African Union mission.", "SOM declined"),
        ("Mozambique's government has agreed to host the EU military assistance mission.", "MOZ agreed"),
        ("Azerbaijan agreed to host talks on the Gaza force next month.", None),
        # pledges taken back, ends, refusals of more troops, votes that fail
        ("Honduras has dropped its pledge of police officers for the Haiti force.", "HND declined"),
        ("Colombia has not withdrawn its offer to send police instructors to Haiti.", "COL agreed"),
        ("Norway will end its contribution to the UN mission in South Sudan in May.", "NOR declined"),
        ("Tanzania said it would send no fresh troops to the SADC mission in Congo.", "TZA declined"),
        ("Bosnia's presidency failed to agree on sending observers to South Sudan.", "BIH declined"),
        ("Qatar is expected to offer police trainers for the Gaza force.", "QAT considering"),
        # leaving home for the mission is no exit; a past arrival with a year is background
        ("Ghanaian engineers left Accra on a chartered aircraft on Monday, bound for Juba.", "GHA agreed"),
        ("Chadian troops first arrived in northern Mali with the UN mission in 2013.", None),
        ("If Brazil sent engineers to Haiti, they would need three months to deploy.", None),
    ],
)
def test_round6_classes(text: str, expected: str | None) -> None:
    claims = [f"{c.country} {c.stance}" for c in extract_claims(text) if c.cue]
    assert claims[:1] == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 7: official prose. An organ named "of" its state is the state's subject
        (
            "The Council of Ministers of the Republic of Mali approved sending a company to Abyei.",
            "MLI agreed",
        ),
        (
            "The Republic of Guinea has not agreed to the presence of the regional force.",
            "GIN declined",
        ),
        # the formal wording of replies still to come, and of refusals
        (
            "Chile has acknowledged receipt of the request for Golan observers and will revert shortly.",
            "CHL considering",
        ),
        ("Ecuador reserves its position on sending police to the Haiti force.", "ECU considering"),
        ("Estonia does not envisage any contribution to the Gaza force.", "EST declined"),
        ("Laos is unable to accede to the request for engineers for South Sudan.", "LAO declined"),
        (
            "Peru intends to seek congressional approval for a contribution to the Lebanon force.",
            "PER considering",
        ),
        (
            "Nepal's offer of a second battalion for the mission in Lebanon has been withdrawn.",
            "NPL declined",
        ),
        (
            "The Government of Togo, having considered the request, decided to decline a role in Haiti.",
            "TGO declined",
        ),
        # conditions after figures, and refusals until a date
        (
            "Malaysia stood ready to send up to 1,200 troops to Gaza once the mandate was clear.",
            "MYS considering",
        ),
        (
            "Burundi ruled out sending more troops to Somalia until its arrears are settled.",
            "BDI considering",
        ),
        (
            "The Latvian cabinet approved sending a platoon to Kosovo; parliament votes on Thursday.",
            "LVA considering",
        ),
        # extensions in the passive of notices and decrees; background of audits and ended tours
        ("By decree, the Croatian contingent in Kosovo has been extended until June.", "HRV agreed"),
        ("The Finnish contribution to UNIFIL cost 30 million euros last year.", None),
        ("Ghana remains the largest contributor of troops to the mission in Lebanon.", None),
        ("The Dutch frigate's 2023 deployment to the Red Sea ended in March.", None),
    ],
)
def test_round7_classes(text: str, expected: str | None) -> None:
    claims = [f"{c.country} {c.stance}" for c in extract_claims(text) if c.cue]
    assert claims[:1] == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "speaker", "mission"),
    [
        (
            "Statement of the Ministry of Defence of Chile (translated): Chile will send medics to Lebanon.",
            "the Ministry of Defence of Chile",
            "unifil",
        ),
        (
            "Spokesperson, Ministry of Foreign Affairs (Hanoi): Viet Nam will send medics to Abyei.",
            "Spokesperson, Ministry of Foreign Affairs",
            "unisfa",
        ),
        (
            "The Government of Benin has decided to send a battalion to the ECOWAS Standby Force.",
            "The Government of Benin",
            "ecowas-standby",
        ),
        (
            "Minutes: the Director advised that Irish troops would join the United Nations Disengagement "
            "Observer Force in June.",
            "the Director",
            "undof",
        ),
        (
            "Zambia will keep its battalion in the Multidimensional Integrated Stabilization Mission in the "
            "Central African Republic.",
            None,
            "minusca",
        ),
        ("Sweden will send instructors to the EU training mission in Somalia.", None, "eutm-somalia"),
        # a proper name inside a description names the operation; an adjective of a host is its place
        (
            "Uganda will send a company to the East African Community regional force in eastern Congo.",
            None,
            "eac-rf",
        ),
        ("Denmark will send a staff officer to the Red Sea coalition.", None, "prosperity-guardian"),
        ("Armenia will send deminers to the Lebanese mission.", None, "unifil"),
    ],
)
def test_round7_speakers_and_operations_of_official_prose(
    text: str, speaker: str | None, mission: str
) -> None:
    claims = extract_claims(text)
    assert claims and claims[0].mission == mission
    assert claims[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Kosovo is a country (XKX): its consent as a host, its police abroad (never drafted as a host)
        ("Kosovo has consented to the extension of KFOR's presence, the government said.", "XKX agreed"),
        ("Kosovar police officers will join the EU mission in Bosnia next year.", "XKX agreed"),
        ("Prishtina has withdrawn its consent to the EU rule-of-law mission.", "XKX declined"),
        # a heading names who speaks in the quotation after it; "we" is the speaker's country
        ("Tongan PM, on Radio Tonga: 'We will send a platoon to the Golan mission in May.'", "TON agreed"),
        ("Peru's defence minister on RPP: 'We are looking closely at the Lebanon force.'", "PER considering"),
        # a denial with a time between the verb and what it denies
        ("Lima denied on Monday a report that it had pledged a company to the Haiti force.", "PER declined"),
        ("Accra flatly denied that Ghanaian troops would be pulled out of Lebanon.", "GHA agreed"),
        # a commitment that waits for a ceasefire, a refusal in the object, exits home
        ("Portugal will send engineers to the Ukraine force the day after a ceasefire.", "PRT considering"),
        ("Norway will send nobody to the Gaza force, the prime minister said.", "NOR declined"),
        ("Uruguay's engineers in Congo will come home in June, the army said.", "URY declined"),
        ("Slovenia will second four police officers to the EU mission in Kosovo.", "SVN agreed"),
        # forecasts in a speaker's idiom or by others' expectation; the speaker's counterfactual
        ("'Mark my words, Chile will join the Haiti force,' a radio host said.", "CHL considering"),
        ("Diplomats expect Nepal to send a battalion to the Lebanon force.", "NPL considering"),
        ("An opposition senator on TV: 'If I were president, our troops would be home from Lebanon.'", None),
        # a host lets an operation in or keeps it out; a past hosting is background
        ("Juba will not allow the UN mission to open new bases, a spokesman said.", "SSD declined"),
        ("Beirut accepts and will work with an expanded UN force in the south.", "LBN agreed"),
        ("Djibouti will no longer host the EU naval operation's headquarters.", "DJI declined"),
        ("Chad has hosted the headquarters of the multinational force since 2015.", None),
        # background: a participle that modifies a noun, a contribution since a year, a standing, a figure
        # as of a date, a deployment told as ended, money for others' forces
        ("Two Ghanaian officers serving with the Golan force met the visiting minister.", None),
        ("Nepal has contributed a battalion to the mission in Lebanon since 1978.", None),
        ("Bangladesh provides the largest single contingent to the Congo mission.", None),
        ("Some 300 Irish soldiers were serving with UNIFIL as of 1 May.", None),
        ("Malawi withdrew its last troops from the SADC mission in May, ending a two-year deployment.", None),
        ("Kuwait has offered to pay for the deployment of a Jordanian company to the Gaza force.", None),
        # a denial in the object; a vote on a motion, a forecast of certainty, waiting for consent
        ("Lisbon says it has made no such commitment to the Haiti force.", "PRT declined"),
        ("The president has approved nothing of the sort for the Lebanon force, Accra said.", "GHA declined"),
        ("Finland's parliament will vote on a motion to send a frigate to Aspides.", "FIN considering"),
        ("Experts say Peru is almost certain to send engineers to the Lebanon force.", "PER considering"),
        # a refusal set against a contribution of personnel; training police is no contribution
        ("Chile will not lead the Haiti force but will send a team of officers to it.", "CHL agreed"),
        ("Qatar will train Palestinian police but will not send troops to the Gaza force.", "QAT declined"),
        # forming part of a force; seconding monitors; a host that invited (or did not invite) a mission
        ("Belize will not form part of the Gang Suppression Force in Haiti.", "BLZ declined"),
        ("Malta will second two monitors to the EU mission in Georgia.", "MLT agreed"),
        ("Tbilisi did not invite the EU monitors, the party chairman said.", "GEO declined"),
        # an answer's pronoun takes the question's country, not the place the question names
        ("Q: When do the Peruvian engineers reach Lebanon? A: They are already on their way.", "PER agreed"),
        # a speaker who told a programme; "going" in speech; "serve as" is no service
        ("'We are not going,' the Ghanaian minister told a radio show, asked about Haiti.", "GHA declined"),
        ("The port would serve as a supply base for the Gaza force, a Cypriot minister told a daily.", None),
        # an exit by handing over bases; a year in a relative clause dates that clause, not the claim
        ("Nepalese troops have begun handing over their bases in Lebanon to the army.", "NPL declined"),
        ("Fiji, which sent a platoon to the Golan force in 2019, withdrew it this month.", "FJI declined"),
        # a host's wish is its consent; anyone else's is a wish
        ("Beirut wants the UN force in southern Lebanon to stay another year.", "LBN agreed"),
        ("Washington wants the UN force in Lebanon to stay.", None),
        # a decision still to be signed
        (
            "Tonga has put a platoon on standby for the Golan force, but Cabinet has yet to sign the order.",
            "TON considering",
        ),
        # a leading "if" and "without parliament's approval" are conditions
        (
            "'If the Council gives a mandate, Norway will send engineers to Haiti,' the minister said.",
            "NOR considering",
        ),
        ("Not a single Pakistani soldier will go to Gaza without parliament's approval.", "PAK considering"),
        # a refusal in the object after a contrast; a live blog's time before the subject
        ("14:05 — Qatar will fund the Gaza force but send no troops, its minister said.", "QAT declined"),
        # stopping is an exit; kept out or away is no presence; zero is none
        ("Chile has agreed to stop sending troops to the Haiti force.", "CHL declined"),
        ("Chile will keep its troops out of the Haiti force.", None),
        ("Chile pledged zero troops to the Haiti force.", "CHL declined"),
        ("Chile has ruled out leaving the UN mission in Haiti.", "CHL agreed"),
        # a national force named without its country
        ("The Carabinieri will send 40 officers to the EU mission in Kosovo.", "ITA agreed"),
        # answers in a list: in and out
        ("On the Red Sea operation, Greece is in and Cyprus is out.", "GRC agreed"),
    ],
)
def test_round8_classes(text: str, expected: str | None) -> None:
    claims = [f"{c.country} {c.stance}" for c in extract_claims(text) if c.cue]
    assert claims[:1] == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # clauses with their own subjects: a country before a finite verb heads its clause, "while" bounds one
        (
            "Fiji sent medics to Juba, Peru had postponed its decision on the Lebanon force.",
            ["FJI agreed", "PER considering"],
        ),
        (
            "Kenya will send police to Haiti while Accra said it was still consulting its partners.",
            ["KEN agreed", "GHA considering"],
        ),
        (
            "Ghana will stay in Lebanon, while Ireland has postponed its next rotation to UNIFIL.",
            ["GHA agreed", "IRL considering"],
        ),
    ],
)
def test_round8_clauses_with_their_own_subjects(text: str, expected: list[str]) -> None:
    assert [f"{c.country} {c.stance}" for c in extract_claims(text) if c.cue] == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Chile will send engineers to Haiti, a radio station quoted the defence minister as saying.",
            "the defence minister",
        ),
        (
            "A daily quoted the defence minister as saying that Chile would send engineers to Haiti.",
            "the defence minister",
        ),
    ],
)
def test_round8_quoted_as_saying(text: str, speaker: str) -> None:
    assert [c.speaker for c in extract_claims(text) if c.cue] == [speaker]


def test_round8_the_operation_may_be_the_speaker() -> None:
    text = "Nepalese soldiers arrived in Malakal on Monday, the UN mission in South Sudan said."
    assert [(c.country, c.mission) for c in extract_claims(text)] == [("NPL", "unmiss")]


@pytest.mark.parametrize("slug", ["UPDATE 1-", "CORRECTED-UPDATE 2-", "REFILE-"])
def test_a_wire_slug_and_edit_note_do_not_hide_the_country(slug: str) -> None:
    text = f"{slug}Mongolia to pull troops out of the South Sudan mission, ministry says (adds background)"
    (claim,) = extract_claims(text)
    assert (claim.country, claim.stance) == ("MNG", Stance.DECLINED)
    assert text[claim.quote_start : claim.quote_end].startswith("Mongolia to pull")


_ROW_STATUS = {"deployed": Stance.AGREED, "declined": Stance.DECLINED, "pending": Stance.CONSIDERING}


@given(st.lists(st.sampled_from(sorted(_ROW_STATUS)), min_size=3, max_size=3))
@settings(max_examples=20, deadline=None)
def test_the_rows_of_a_pledge_table_are_read_and_never_drafted(statuses: list[str]) -> None:
    countries = ("Mongolia", "Fiji", "Nepal")
    rows = "; ".join(f"{name}: 120, {status}" for name, status in zip(countries, statuses, strict=True))
    claims = {c.country: c for c in extract_claims(f"Pledges to the mission in South Sudan - {rows}.")}
    assert {code: claims[code].stance for code in ("MNG", "FJI", "NPL")} == {
        code: _ROW_STATUS[status] for code, status in zip(("MNG", "FJI", "NPL"), statuses, strict=True)
    }
    assert all(c.review for c in claims.values())


def test_one_keyed_line_is_a_label_not_a_table() -> None:
    assert extract_claims("Mongolia: a company for South Sudan, deployed.") == []


@pytest.mark.parametrize("determiner", ["", "its "])
def test_a_confirmed_participation_is_an_agreement_with_or_without_a_determiner(determiner: str) -> None:
    claims = extract_claims(f"Mongolia confirms {determiner}participation in UNMISS with one company.")
    assert [(c.country, c.stance, c.mission) for c in claims] == [("MNG", Stance.AGREED, "unmiss")]


def test_a_parliament_extending_the_participation_of_soldiers_agrees_unless_it_is_asked_to() -> None:
    voted = extract_claims(
        "The Mongolian parliament voted to extend the participation of 40 soldiers in UNMISS."
    )
    assert [(c.country, c.stance) for c in voted] == [("MNG", Stance.AGREED)]
    asked = "The government requests authorisation to extend the deployment of Mongolian soldiers in UNMISS."
    assert Stance.AGREED not in [c.stance for c in extract_claims(asked)]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The government of South Sudan asked the UN mission to leave Juba by June.", Stance.DECLINED),
        (
            "South Sudan's foreign ministry said it would no longer accept the UN mission's peacekeepers in"
            " Malakal.",
            Stance.DECLINED,
        ),
        (
            "The government of South Sudan reaffirmed its support for the UN mission's presence in Malakal.",
            Stance.AGREED,
        ),
    ],
)
def test_a_host_asking_a_mission_to_leave_or_keeping_it_is_the_hosts_claim(text: str, stance: Stance) -> None:
    """Round 12: a host's request to leave, refusal to accept, or support for the presence is its claim."""
    assert [(c.country, c.stance) for c in extract_claims(text)] == [("SSD", stance)]


def test_refusing_another_states_forces_is_no_consent_claim() -> None:
    """A veto of another state's part ("will not accept Mongolian peacekeepers") is no claim of the host."""
    text = "South Sudan's foreign ministry said it would not accept Mongolian peacekeepers in the UN mission."
    assert all(c.country != "SSD" for c in extract_claims(text))


@pytest.mark.parametrize("verb", ["denies it has", "denied it had", "denied that it had"])
def test_a_denial_without_that_is_the_deniers_refusal(verb: str) -> None:
    """Round 12: "that" may be left out after a denial ("Beijing denied it had offered to send police")."""
    text = f"The Mongolian government {verb} agreed to send soldiers to the UN mission in South Sudan."
    assert [(c.country, c.stance) for c in extract_claims(text)] == [("MNG", Stance.DECLINED)]


@pytest.mark.parametrize("verb", ["departed for", "set off for", "began their first rotation with"])
def test_a_rotation_departing_is_an_agreement(verb: str) -> None:
    """Round 12: forces departing for an operation, or beginning a rotation in it, take part in it."""
    text = f"Mongolian troops {verb} the UN mission in South Sudan on Monday."
    assert [(c.country, c.stance) for c in extract_claims(text)] == [("MNG", Stance.AGREED)]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        (
            "Mongolia has 'no plans at this stage' to send troops to the UN mission in South Sudan.",
            Stance.DECLINED,
        ),
        (
            "Mongolia's parliament voted down a bill to send engineers to the UN mission in South Sudan.",
            Stance.DECLINED,
        ),
        (
            "Mongolia's parliament rejected, by 40 votes to 22, the bill sending engineers to UNMISS.",
            Stance.DECLINED,
        ),
        (
            "Friday: Mongolian parliament to vote on authorising troops for the UN mission in South Sudan.",
            Stance.CONSIDERING,
        ),
        (
            "Mongolia's cabinet approved sending engineers to UNMISS; the vote is scheduled for Friday.",
            Stance.CONSIDERING,
        ),
        (
            "Mongolia has taken note of the request to send engineers to UNMISS and will revert shortly.",
            Stance.CONSIDERING,
        ),
        ("Mongolia's battalion in UNMISS will be replaced by troops from Nepal in May.", Stance.DECLINED),
        ("Mongolia's battalion in UNMISS will be replaced by a fresh battalion in May.", Stance.AGREED),
        ("Mongolia's participation in UNMISS ends next month after twelve years.", Stance.DECLINED),
    ],
)
def test_round_13_stance_classes(text: str, stance: Stance) -> None:
    """Round 13, by class: refusals with a time qualifier or a vote down, votes and replies still to come,
    forces replaced by another country's and a participation that ends; a fresh rotation still takes part."""
    assert [(c.country, c.stance) for c in extract_claims(text)] == [("MNG", stance)]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Mongolia's parliament sent to committee a motion to send engineers to UNMISS.", Stance.CONSIDERING),
        ("Mongolian deputies tabled a bill authorising engineers for UNMISS.", Stance.CONSIDERING),
        ("Mongolia's parliament passed a motion to send engineers to UNMISS.", Stance.AGREED),
    ],
)
def test_a_motion_or_bill_not_passed_is_no_decision(text: str, stance: Stance) -> None:
    """What a motion or a bill proposes is still to be decided, unless the text says it passed."""
    assert [(c.country, c.stance) for c in extract_claims(text)] == [("MNG", stance)]


def test_a_pledge_taken_note_of_stays_agreed() -> None:
    """Round 13: only a request taken note of is open; a pledge taken note of is still a pledge."""
    text = (
        "The Secretary-General takes note of the pledge by the Government of Mongolia to deploy an "
        "engineering company to UNMISS."
    )
    assert [(c.country, c.stance) for c in extract_claims(text)] == [("MNG", Stance.AGREED)]


@pytest.mark.parametrize(
    ("other", "stance"),
    [
        ("but could send engineers", Stance.CONSIDERING),
        ("but is studying a role for its engineers", Stance.CONSIDERING),
        ("but may help with training outside the country", Stance.DECLINED),
    ],
)
def test_a_refusal_beside_another_role_left_open(other: str, stance: Stance) -> None:
    """Round 13: refusing combat troops while another role in the operation stays open is undecided;
    help outside the operation leaves the refusal."""
    text = f"Mongolia will not send combat troops to the UN mission in South Sudan, {other}."
    assert [(c.country, c.stance) for c in extract_claims(text)] == [("MNG", stance)]


@pytest.mark.parametrize(
    "apposition",
    ["a claim Ulaanbaatar rejected within the hour", "a report the Mongolian army called 'baseless'"],
)
def test_a_trailing_denial_is_the_deniers_refusal(apposition: str) -> None:
    """Round 13: "..., a claim Ulaanbaatar rejected": the report before the apposition is denied."""
    text = f"A Russian official said Mongolia had agreed to send engineers to UNMISS, {apposition}."
    assert [(c.country, c.stance) for c in extract_claims(text)] == [("MNG", Stance.DECLINED)]


def test_a_trailing_denial_by_one_of_a_list_denies_for_no_other() -> None:
    """Round 13: in a list ("Nepal and Mongolia had signed up, an account Ulaanbaatar rejected") the
    apposition is not applied: one denier does not speak for the others."""
    text = "An official said Nepal and Mongolia had signed up to UNMISS, an account Ulaanbaatar rejected."
    assert [(c.country, c.stance) for c in extract_claims(text)] == [
        ("NPL", Stance.AGREED),
        ("MNG", Stance.AGREED),
    ]


def test_neither_confirmed_nor_denied_is_no_denial() -> None:
    text = (
        "Mongolia has agreed to send engineers to UNMISS, a claim Ulaanbaatar neither confirmed nor denied."
    )
    assert [(c.country, c.stance) for c in extract_claims(text)] == [("MNG", Stance.AGREED)]


@pytest.mark.parametrize(
    ("text", "country", "stance"),
    [
        # an offer that waits for an event to come is conditional
        ("Mongolia will deploy engineers to UNMISS upon the adoption of a mandate.", "MNG", "considering"),
        ("Fiji is prepared to send observers to UNDOF upon receipt of a request.", "FJI", "considering"),
        ("Nepal stands ready to lead the force upon a Security Council resolution.", "NPL", "considering"),
        ("Peru will send a company to MINUSCA the moment the Secretariat asks.", "PER", "considering"),
        # an exit timed by an event is still an exit: when, not whether
        ("Chile will withdraw its unit from UNFICYP upon completion of the rotation.", "CHL", "declined"),
        # the noun of a refusal governs the sending
        ("Mongolia's refusal to send troops to UNMISS surprised diplomats.", "MNG", "declined"),
    ],
)
def test_round_18_stance_classes(text: str, country: str, stance: str) -> None:
    """Round 18, classes from the blind batches z14-z18 after their fold (sentences of our own)."""
    assert one(text, country)[0] == stance


def test_what_an_earlier_version_said_is_no_claim() -> None:
    """Round 18: a correction's retracted report is not read; the position it states instead is."""
    text = (
        "CORRECTION: An earlier version of this story said Mongolia had agreed to send troops to UNMISS. "
        "Mongolia has received a request and is studying it."
    )
    assert {c.stance for c in extract_claims(text) if c.country == "MNG"} == {Stance.CONSIDERING}


@pytest.mark.parametrize(
    "text",
    [
        "Mongolia is weighing withdrawal of its remaining UNMISS troops after the deaths of three soldiers.",
        "A government source said Mongolia is weighing withdrawal of one of its two companies from UNMISS.",
    ],
)
def test_an_exit_weighed_is_undecided(text: str) -> None:
    """Round 19, from z20: weighing a withdrawal decides nothing yet."""
    assert one(text, "MNG")[0] == "considering"
