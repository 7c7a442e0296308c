"""Legal basis (Charter Chapter and the scope of a Chapter VII determination), use of force, consent.

Scope: "Acting under Chapter VII" in the preamble governs the whole resolution; at the head of a lettered
section (after "B") it governs that section only; inside an operative paragraph, that paragraph only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from itertools import chain

from missiongate.analyzer.clauses import Clause, clauses, mood_of_lead
from missiongate.analyzer.model import Evidence, Finding, Paragraph, Structure
from missiongate.analyzer.scan import Held, Led

_ACTING = re.compile(
    r"\b(?:acting,?\s+(?:therefore,?\s+|also\s+)?(?:under|wider|in\s+accordance\s+with)|decides,?\s+under)\s+"
    r"Chapters?\s+(?P<chapter>VIII|VII|VI)\b(?:\s+and\s+(?P<second>VIII|VII|VI)\b)?",
    re.I,
)
_ACTING_ARTICLES = re.compile(
    r"\bacting\s+under\s+Articles?\s+(?P<articles>\d{2}(?:\s*(?:,|and)\s*\d{2})*)", re.I
)
_CHAPTER_VII_ARTICLES = range(39, 52)
_ALL_NECESSARY = re.compile(
    r"\ball\s+(?:the\s+)?necessary\s+(?P<what>means|measures|actions?)\b|\ball\s+measures\s+necessary\b", re.I
)
# "Acting under Chapter VII ..., authorizes UNX to take the necessary actions to protect civilians": the same
# authority where Chapter VII governs the paragraph ("the necessary measures" alone is asked of States daily)
_NECESSARY_ACTION = re.compile(r"\b(?:take|use)\s+(?:the\s+)?necessary\s+(?:actions?|means)\b", re.I)
_NECESSARY_FORCE = re.compile(
    r"\b(?:take|use)\s+(?:the\s+)?necessary\s+measures,?\s+including\s+the\s+use\s+of\s+force|"
    r"\buse\s+of\s+(?:armed\s+)?force\b",
    re.I,
)
# "such measures commensurate with the specific circumstances as may be necessary" (665, 787): force for a
# limited purpose (maritime interdiction), authorised, but not the "all necessary means/measures" formula.
_SUCH_MEASURES = re.compile(
    r"\bsuch\s+(?:\w+\s+){0,2}measures\b[^;.]{0,120}?\bas\s+may\s+be\s+necessary\b", re.I
)
# Tried only at the words their matches start with (scan.py derives them)
_ACTING_AT = Led(_ACTING)
_ACTING_ARTICLES_AT = Led(_ACTING_ARTICLES)
_ALL_NECESSARY_AT = Led(_ALL_NECESSARY)
_NECESSARY_ACTION_AT = Led(_NECESSARY_ACTION)
_NECESSARY_FORCE_AT = Led(_NECESSARY_FORCE)
_SUCH_MEASURES_AT = Led(_SUCH_MEASURES)
_INTERDICTION = re.compile(r"\bshipping\b|\bcargoes\b|\bembargo\b|\bsanctions\b|\binspect", re.I)
_AUTHORISING = {"authorizes", "authorises", "mandates"}
# "Decides that Member States ... may take ... all necessary measures", "is authorized ... to take" and
# "Calls upon States to take nationally or through regional agencies ... all measures necessary" (770)
# authorise as much as "Authorizes" does; demands and appeals to the parties do not.
_AUTHORITY_WORDING = re.compile(
    r"\bmay\s+(?:take|use)\b|\bauthori[sz]ed\b|\bunder\s+the\s+authority\b|"
    r"\bnationally\s+or\s+through\s+regional\s+(?:agencies|organi[sz]ations)",
    re.I,
)
_NOT_AUTHORISING = {"demands", "urges", "appeals", "reiterates", "condemns", "stresses", "underlines"}
# Who is authorised: the earliest of these in the clause before the formula.
_ADDRESSEES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("regional_force", re.compile(
        r"\bMember\s+States\s+(?:of\s+the\s+African\s+Union|acting\s+through\s+or\s+in\s+cooperation\s+with\s+the\s+"
        r"(?:EU|European\s+Union|African\s+Union|AU)\b)|\bAfrican\s+Union\b|\bAU\b|\bAMISOM\b|\bATMIS\b|"
        r"\bAFISMA\b|\bMISCA\b|\bEUFOR\b|\bEuropean\s+Union\b|\bEU\b|\bECOWAS\b|\bSADC\b|\bSAMIDRC\b|"
        r"\bregional\s+(?:organi[sz]ations?|arrangements?|force)\b")),
    ("multinational_force", re.compile(
        r"\bmultinational\s+(?:\w+\s+){0,2}(?:force|mission)\b|\bMultinational\s+Security\s+Support\b|\bMSS\b|"
        r"\bInternational\s+Stabili[sz]ation\s+Force\b|\bISF\b|\bGang\s+Suppression\s+Force\b", re.I)),
    ("member_states", re.compile(r"\bMember\s+States\b|\bStates\b")),
    ("un_operation", re.compile(
        r"\b(?:UN[A-Z]{2,}|MINU[A-Z]+|MONU[A-Z]+|BINU[A-Z]+)\b|\bthe\s+(?:Mission|Force|Operation)\b|"
        r"\bUnited\s+Nations\s+(?:\w+\s+){0,6}(?:Mission|Force|Operation)\b|\bpeacekeepers\b|\bSecretary-General\b")),
)  # fmt: skip
# What force is authorised for, in the order a single value is chosen; every one found is kept.
_PURPOSES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("self_defence", re.compile(r"self-?\s?defen[cs]e|\bdefend\s+themselves\b|\bin\s+defen[cs]e\s+of\b",
                                re.I)),
    ("protection_of_civilians", re.compile(
        r"\bprotect\w*\s+(?:of\s+)?(?:the\s+)?civilian|\bcivilians?\s+under\s+(?:imminent\s+)?threat|"
        r"\bsafe\s+areas?\b|\bprotect\w*\s+(?:of\s+)?(?:the\s+)?(?:civilian\s+)?population", re.I)),
    ("mandate", re.compile(r"(?<!discharging\sits\s)\bmandate\b|\bcarry(?:ing)?\s+out\b|\bfulfil|"
                           r"\bfollowing\s+tasks\b|\b(?:perform|accomplish|execut)\w*\s+(?:its|their|the)\s+"
                           r"(?:[\w-]+\s+){0,2}tasks\b|"
                           r"\bimplementation\s+of\b|"
                           r"\bcompliance\s+with\s+(?:the\s+)?(?:annex|agreement|provisions)", re.I)),
    ("area_security", re.compile(r"\barea\s+of\s+operations?\s+is\s+not\s+utili[sz]ed|\bhostile\s+activities",
                                 re.I)),
    ("defence_of_mandate", re.compile(r"\bresist\s+attempts\s+by\s+forceful\s+means", re.I)),
    ("protection_of_infrastructure",
     re.compile(r"\b(?:key|critical|vital)\s+(?:infrastructure|installations)", re.I)),
    ("humanitarian_access", re.compile(r"\bhumanitarian\s+(?:access|assistance|aid|relief)", re.I)),
    ("airspace_control", re.compile(r"\bairspace\b", re.I)),
)  # fmt: skip
# The host State as the text names it: its Government, authorities or a named State; "Somewhere" below.
_STATE = r"(?:the\s+)?(?:(?:Republic|State|Kingdom|Federal\s+Republic|Islamic\s+Republic)\s+of\s+)?"
_STATE += r"[A-Z][\w-]+"
# An office of the State: "President", "Minister for Foreign Affairs", "Chargé d’affaires a.i. of the
# Permanent Mission", "National Assembly" (title-case words and their joints, up to the "of" before the State)
_ORGAN = r"(?:(?-i:[A-Z])[\w’'-]*\.?\s+(?:(?:of|for|and|d[’']affaires|a\.i\.)\s+)*){1,8}?"
_STATE_NAME = r"(?:the\s+)?(?:(?:Republic|State|Kingdom|Federal\s+Republic|Islamic\s+Republic)\s+of\s+)?"
_STATE_NAME += r"(?-i:[A-Z][a-z])[\w-]+"
# Not the host: the Council, the Secretariat, an organisation, a committee ("the Secretary-General’s request")
_NOT_A_STATE = (
    r"(?!(?:the\s+)?(?:Council|Security|Secretary|General|Committee|Union|African|European|Commission|Panel|"
    r"Mission|Court|(?<=General\s)Assembly|Member|States|Chair\w*|President|Organi[sz]ation|Office|Group|Resolution|"
    r"United|International|Special|Peace|League|Board|Team|Facilitator|Envoy|Mediat\w*|Heads?|His|Her|"
    r"Acting|Plebiscite|Prosecutor|Tribunal|Coordinator|Representative|Advis[eo]r|Director|Commissioner|"
    r"Ombudsperson|Monitoring|Expert|Experts|Force|Operation|Peacebuilding)\b)"
)
# the State's collective organs: "the Presidency Council’s request", "the Sovereign Council has requested"
_COUNCIL = r"(?:Presidency|Presidential|Sovereign(?:ty)?|Transitional|Federal|Supreme)\s+Council"
# "the request contained in the letter dated 3 May 2030 of the Prime Minister of X"
_IN_LETTER = r"(?:(?:contained|set\s+out|expressed)\s+)?in\s+(?:the|a|its)\s+letter\s+"
_IN_LETTER += r"(?:dated\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s+)?"
# "the Government of X, in its letter of 3 May 2030, requested", "..., through its Permanent Representative,
# requested", "..., on 3 May 2030, requested": a letter, a channel or a date between the State and its verb
_BY_LETTER = r"(?:,\s+(?:(?:in|by|through|via|as)\s+[^,;]{3,80}|on\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}),)?"
_CONSENT: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("consent.all_parties", "consent.request_of_parties",
     re.compile(r"\b(?:at\s+the\s+(?:joint\s+)?request\s+of|requests?\s+(?:of|from|by)|requested\s+by)\s+"
                r"(?:all\s+|both\s+)?(?:the\s+)?(?:two\s+|main\s+)?parties\b|"
                r"\b(?:shared|joint)\s+request\s+of\s+the\s+Government\b|"
                r"\bon\s+behalf\s+of\s+the\s+Government\s+of\s+[\w\s-]{2,40}?\s+and\s+[^;,]{2,60}?\brequest|"
                # "an extension ... as agreed by the Government of Colombia and the FARC"
                r"\b(?:agreed|requested)\s+(?:jointly\s+)?by\s+the\s+Government\s+of\s+[^;,]{2,60}?\s+and\s+"
                r"(?:the\s+)?(?-i:[A-Z])",
                re.I)),
    ("consent.all_parties", "consent.consent_of_parties",
     re.compile(r"(?:consent|agreement|acceptance)\s+(?:of|by)\s+(?:all\s+(?:the\s+)?|both\s+|the\s+(?:two\s+|main\s+)?)"
                r"parties|"
                r"\b(?:both|all\s+the|the\s+two)\s+parties\s+(?:have\s+)?(?:agreed|accepted|consented)|"
                r"\bparties(?:’|')\s+(?:joint\s+)?(?:request|consent|agreement|acceptance)\b|"
                r"\bagreed\s+(?:upon\s+)?by\s+(?:all\s+|both\s+)?the\s+parties\b|\bagreed\s+by\s+both\s+parties\b",
                re.I)),
    # what the parties accept is the operation itself, not a ceasefire between them
    ("consent.all_parties", "consent.parties_accept",
     re.compile(r"\b(?:the\s+|both\s+|all\s+(?:the\s+)?)(?:two\s+|main\s+)?parties\s+(?:have\s+|had\s+)?"
                r"(?:agreed\s+to|accepted|requested|consented\s+to|invited)\s+the\s+(?:(?:deployment|presence|"
                r"establishment|extension|continuation)\b|(?-i:Mission|Force|Operation|[A-Z]{4,})\b)", re.I)),
    # an operation named for the parties' agreement it supports ("the United Nations Mission to support the
    # Portville Agreement"): the codebook's agreement of the parties tied to the operation
    ("consent.all_parties", "consent.named_for_agreement",
     re.compile(r"\b(?:Mission|Operation|Force|Office)\s+(?:to\s+[Ss]upport|in\s+[Ss]upport\s+of|for)\s+the\s+"
                r"(?:[A-Z][\w’'-]*\s+){1,4}(?:Peace\s+|Ceasefire\s+)?Agreement\b")),
    # "the military agreements reached with MINURSO", "agreements between the Mission and the parties"
    ("consent.all_parties", "consent.agreements_with_operation",
     re.compile(r"(?<!Forces\s)(?<!Mission\s)\bagreements?\s+(?:reached|concluded|signed|made)\s+"
                r"(?:by\s+the\s+parties\s+)?with\s+(?:the\s+)?(?-i:Mission|Force|Operation|[A-Z]{4,})\b|"
                r"\bagreements?\s+(?:(?:reached|concluded|signed|made)\s+)?between\s+(?:the\s+)?"
                r"(?-i:Mission|Force|Operation|[A-Z]{4,})\s+and\s+the\s+parties\b", re.I)),
    ("consent.host_state", "consent.request_of_government",
     re.compile(r"\b(?:requests?|invitation)\s+(?:made\s+|dated\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s+)?(?:of|by|from)\s+"
                r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:Government|authorities)\b|"
                r"\b(?:shared|joint)\s+request\s+of\s+the\s+Government\b|"
                # "the wish expressed by the Government for the continued presence of the Mission"
                r"\bwish(?:es)?\s+(?:expressed\s+)?(?:of|by)\s+the\s+(?:[\w-]+\s+){0,3}?Government\b[^;]{0,80}?"
                r"\b(?:continu\w+|extension|renewal|presence|deployment)\b|"
                # a letter of the State's President, Minister, Government or Permanent Representative
                r"\bletters?\s+(?:(?:dated|of)\s+\d[^,;]{4,30}\s+)?(?:from|of)\s+the\s+(?!Secretary|Chair|President\s+of\s+the\s+"
                r"(?:Security|General|African|European))(?:(?-i:[A-Z])[\w’'.-]*\s+(?:(?:of|for|and|d[’']affaires|a\.i\.)\s+)*)"
                r"{1,8}?of\s+"
                r"(?:(?!\breport\b|,\s+and\s+(?:of\s+)?the\b)[^;]){3,160}?\b(?:request|"
                # "... expressing its support for the extension of the mandate": the State agrees to it
                r"(?:support\w*|agree\w*)\s+(?:for\s+|to\s+|with\s+)?the\s+(?:extension|renewal|continu\w+|presence|"
                r"deployment)\b)", re.I)),
    # "at the request of the President of Somewhere", "the request of Somewhere"
    ("consent.host_state", "consent.request_of_state_organ",
     # "with the agreement of Somewhere": the State's agreement to what the sentence records
     re.compile(r"\b(?:requests?|invitation|consent|concurrence|acceptance|approval|(?<=with\sthe\s)agreement)\s+"
                r"(?:made\s+|extended\s+|" + _IN_LETTER + r")?(?:of|by|from)\s+(?:the\s+)?(?:"
                + _ORGAN + r"of\s+" + _NOT_A_STATE + _STATE_NAME + r"|"
                # a State named alone: "the request of Somewhere", not "of ECOWAS" or "of the Acting Chair"
                + _NOT_A_STATE + r"(?:the\s+)?[A-Z][a-z]{3,}\b"
                r"(?=\s*(?:[,;.)(]|and\b|to\b|in\b|that\b|dated\b|contained\b|which\b|for\b(?!\s+(?:the\s+)?(?:Security\s+)?Council\b)|regarding\b|"
                r"concerning\b|on\b|through\b|$)))")),
    ("consent.host_state", "consent.request_of_state",
     # "the Governments of X and Y have requested", "both Governments have agreed"
     re.compile(r"\b(?:Governments?(?:\s+of\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3}"
                r"(?:\s+and\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3})?)?|"
                # the State's collective organs ("the Presidency Council’s request"), not the Security Council
                + _COUNCIL + r")(?:’s|'s)\s+"
                r"(?:(?:formal\s+|written\s+)?(?:requests?|invitation|consent|agreement|acceptance|concurrence|approval)\b|"
                # "the Government’s expressed wish for the continued presence of the Mission", "the
                # Government's continued support for the extension"
                r"(?:(?:expressed\s+)?wish(?:es)?|(?:continued\s+|full\s+)?support\s+for|welcome\s+(?:of|for|to))\b[^;]{0,80}?"
                r"\b(?:continu\w+|exten\w+|renew\w+|presence|deploy\w+)\b|"
                r"letter\b[^;]{0,100}?\brequest)|"
                # "the Prime Minister’s letter dated ... requesting"
                r"\bMinister(?:’s|'s)\s+letter\b[^;]{0,100}?\brequest|"
                r"\bauthorities(?:’|')\s+(?:requests?|invitation|consent|acceptance)\b|"
                r"\b(?:" + _NOT_A_STATE + r"[A-Z][a-z]{3,}\s+){0,3}" + _NOT_A_STATE +
                r"[A-Z][a-z]{3,}(?:’s|'s)\s+(?:requests?|invitation|consent|acceptance|concurrence|approval)\b|"
                r"\brequested\s+by\s+" + _NOT_A_STATE + r"[A-Z][a-z]{3,}\b|"
                r"\b(?:requested|invited)\s+by\s+the\s+(?:[A-Z][\w-]*\s+){0,3}(?:Government|authorities)\b")),
    ("consent.host_state", "consent.consent_of_government",
     re.compile(r"(?:consent|agreement|concurrence|acceptance|approval)\s+of\s+(?:the|both)\s+"
                r"(?:host\s+|(?-i:[A-Z])[\w-]*\s+){0,3}(?:Governments?|country|State|(?<!the\s)authorities)\b|"
                r"\bwith\s+the\s+(?:consent|concurrence|approval)\s+of\s+the\s+(?:[A-Z][\w-]*\s+){0,3}(?:Government|authorities)|"
                r"\bin\s+agreement\s+with\s+the\s+(?:[A-Z][\w-]*\s+){0,3}(?:Government|authorities)\b|"
                r"\bhost[- ](?:State|country|Government)(?:’s|'s)?\s+(?:consent|agreement)\b",
                re.I)),
    # "Noting that the Government of Cyprus has agreed that ...", "the Government of X has requested"
    ("consent.host_state", "consent.government_agreed",
     # "the Governments of X and Y have requested", "both Governments have agreed"
     re.compile(r"\b(?:Governments?(?:\s+of\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3}"
                r"(?:\s+and\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3})?)?|"
                r"authorities\s+of\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3}|"
                # "is agreed that" (UN drafting of old); "has officially / once again requested"
                r"(?<=\bthe\s)[A-Z][a-z]+\s+authorities)" + _BY_LETTER +
                r"\s+(?:has\s+|have\s+|had\s+|(?:is|are)\s+(?=agreed\b))?"
                # "has welcomed the work of the Mission and requested ...": a second verb of the same subject
                r"(?:(?:welcomed|expressed|reiterated|confirmed|noted|reaffirmed)\b[^;.]{0,80}?\band\s+(?:has\s+)?)?"
                r"(?:[a-z]+ly\s+|also\s+|again\s+|once\s+again\s+|now\s+)?(?:agreed|consented|requested|accepted|invited|asked|approved|"
                r"requests|invites|consents|accepts|asks|given\s+its\s+(?:consent|agreement)|"
                r"expressed\s+its\s+(?:consent|agreement|support\s+for\s+the\s+(?:extension|renewal|continu\w+|"
                r"presence|deployment))|supports?\s+the\s+(?:extension|renewal|continu\w+|presence)|"
                # "has expressed its wish for the Mission to continue"
                r"expressed\s+its\s+(?:wish|desire)\b[^;]{0,80}?\b(?:continu\w+|extension|renewal|presence|deployment)|"
                # "has welcomed the deployment of the Mission": the State welcomes the operation itself
                r"welcome[sd]?\s+the\s+(?:continued\s+|further\s+)?(?:deployment|presence|extension|renewal|"
                r"establishment|continuation))\b")),
    # "the Presidency Council of X has requested", "the Prime Minister of X, in a letter ..., requested"
    ("consent.host_state", "consent.organ_requested",
     re.compile(r"\b(?:the\s+)?(?:" + _ORGAN + r"of\s+" + _NOT_A_STATE + _STATE_NAME + r"|" + _COUNCIL + r")"
                + _BY_LETTER +
                r"\s+(?:has\s+|have\s+|had\s+)?(?:formally\s+|also\s+|again\s+)?(?:requested|invited|asked)\b")),
    # "the consent given by the Government of X", "the acceptance by the authorities of X of the deployment"
    ("consent.host_state", "consent.given_by_government",
     re.compile(r"\b(?:consent|acceptance|approval|concurrence)\s+(?:(?:formally\s+)?(?:given|expressed|conveyed)\s+)?"
                r"by\s+the\s+(?:(?-i:[A-Z])[\w-]*\s+){0,3}?(?:Government|authorities)\b", re.I)),
    # "Decides, in consultation with the Government of X, to extend the mandate": the Council acts on the
    # operation with the State (not the Secretary-General consulting it on options or a task done with it)
    ("consent.host_state", "consent.decided_in_consultation",
     re.compile(r"\bdecides?,\s+in\s+(?:close\s+|full\s+)?consultation\s+with\s+the\s+(?:[A-Z][\w-]*\s+){0,3}?"
                r"(?:Government|authorities)\b[^;,]{0,60},\s+to\s+(?:extend|renew|establish|deploy|maintain)\b",
                re.I)),
    # "the Government's commitment to host UNAMX", "the Government ... continues to host the Mission"
    ("consent.host_state", "consent.hosts_operation",
     re.compile(r"\b(?:Government|authorities)\b[^;]{0,100}?\b(?:to\s+(?:continue\s+(?:to\s+)?)?host(?:ing)?|hosts|hosting)\s+"
                r"(?:the\s+)?(?-i:Mission|Force|Operation|Office|[A-Z]{4,}|United\s+Nations)\b", re.I)),
    # a status-of-forces or -mission agreement, or another agreement between the UN and the host Government
    ("consent.host_state", "consent.status_of_forces",
     re.compile(r"\bstatus[- ]of[- ](?:the\s+)?(?:forces?|mission)\s+agreements?\b|\b(?-i:SOFA|SOMA)\b|"
                r"\bhost[- ]country\s+agreement\b|"
                r"\b(?:agreements?|memorand(?:um|a)\s+of\s+understanding|exchange\s+of\s+letters)\s+"
                r"(?:(?:signed|concluded|reached)\s+)?between\s+the\s+(?:(?:United\s+Nations|Secretary-General)\s+and\s+"
                r"the\s+(?:[\w-]+\s+){0,2}?Government|(?:[\w-]+\s+){0,2}?Government\s+of\s+[^;,]{2,60}?\s+and\s+the\s+"
                r"(?:United\s+Nations|Secretary-General))\b", re.I)),
)  # fmt: skip
# "reaffirming the basic principles of peacekeeping, including consent of the parties": a doctrine recalled,
# not a party's consent recorded; "upon agreement of the parties" is a condition, not a record
_STOCK_PRINCIPLES = re.compile(
    r"principles\s+of\s+(?:United\s+Nations\s+)?peace-?keeping[^;.]{0,40}$|"
    r"(?<!decides,\s)(?<!decides\s)\b(?:upon|subject\s+to|pending)\s+(?:the\s+)?$",
    re.I,
)
# "stressing the importance of host-country consent": a principle stated, no consent recorded (the
# importance of a signed memorandum still records it)
_CONSENT_AS_PRINCIPLE = re.compile(
    r"\b(?:importance|need|necessity|requirement)\s+(?:of|for|to)\s+(?:(?:obtain|secure|seek)(?:ing)?\s+)?(?:the\s+)?$",
    re.I,
)
# what the State asks for is not the operation: sanctions relief, another body's help, a referral
_ELSEWHERE = re.compile(
    r"(?:(?!\b(?-i:Mission|Force|Operation|[A-Z]{4,})\b|\bmandate\b|\bpresence\b)[^;.]){0,60}?\b(?:sanctions|embargo|"
    r"assets?\s+freeze|travel\s+ban|exemptions?|de-?listing|lifting|Peacebuilding|Special\s+Rapporteur|"
    r"Independent\s+Expert|High\s+Commissioner|Human\s+Rights\s+Council|Criminal\s+Court|Tribunal|refer(?:ral)?|"
    # another body's help: a development agency, a lender, an inquiry
    r"Development\s+Programme|UNDP|World\s+Bank|Monetary\s+Fund|(?:commission|committee)\s+of\s+inquiry|"
    r"fact-finding|inquiry)\b",
    re.I,
)
# "encourages the Government to conclude a status of forces agreement": one still to be made
_NOT_YET = re.compile(r"\bto\s+(?:conclude|finali[sz]e|negotiate|sign)\b[^;]{0,30}$", re.I)
# "consent of the parties, impartiality", "consent of the host State is one of the basic principles"
_STOCK_AFTER = re.compile(
    r"\W{0,3}impartiality\b|\s+(?:is|as|remains)\s+(?:(?:a|an|one\s+of\s+the|the)\s+)?(?:[\w-]+\s+){0,3}"
    r"principles?\b",
    re.I,
)
# "the request of the troop-contributing countries" is not a host state's request
_NOT_HOST = re.compile(r"troop|police-contributing|contributing", re.I)
# a request to end the operation records no consent to it (the schema has no `false` for the host)
_ENDING = re.compile(
    r"[^;]{0,100}?(?:\b(?:terminat\w*|withdraw\w*|closure|end(?:ing)?)\s+(?:of\s+)?(?:the\s+|its\s+)?"
    r"(?:mandate|presence|(?-i:Mission|Force|Operation|[A-Z]{4,}))\b|"
    # "requesting that the mandate not be renewed", "that the Mission leave the country"
    r"\bnot\s+be\s+(?:renewed|extended)\b|(?-i:Mission|Force|Operation|[A-Z]{4,})\s+(?:to\s+)?(?:leave|depart)\b)",
    re.I,
)
# A State that agreed to, accepted, approved or invited something consents to the operation only where the
# clause is about it ("has agreed to hold elections", "accepted the recommendations" are not consent)
_AGREED_TO = re.compile(r"\b(?:agree[sd]?|agreement|accept\w*|approv\w*|invite[sd]?)\b", re.I)
_OPERATION_WORDS = re.compile(
    r"\b(?:Mission|Force|Operation|Office|presence|deploy\w*|mandate|United\s+Nations|extension|renewal|"
    r"continu\w+|establish\w*|peacekeep\w*|observers|personnel|troops)\b|\b(?-i:[A-Z]{4,})\b",
    re.I,
)
# "unless those have been agreed by the parties", "once it has been freely agreed by the parties": a condition
_CONDITION = re.compile(
    # "until 14 July 2031" is a date, not a condition
    r"\b(?:unless|once|until(?!\s+(?:\d|the\s+end\b))|if|where|provided\s+that|as\s+soon\s+as)\b"
    r"(?:[^;.,\n]|\n(?!\s*\n)){0,60}$",
    re.I,
)
_AGREEMENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("political.ceasefire_agreement",
     re.compile(r"cease-?\s?fire\s+agreements?|agreements?\s+on\s+(?:a\s+)?cease-?\s?fire|"
                r"cessation\s+of\s+hostilities\s+agreement", re.I)),
    ("political.peace_agreement",
     re.compile(r"peace\s+(?:agreements?|accords?)|agreements?\s+on\s+a\s+comprehensive\s+political\s+settlement|"
                r"general\s+peace\s+agreement", re.I)),
)  # fmt: skip


def find_legal(structure: Structure) -> list[Finding]:
    findings = list(_charter(structure))
    whole = any(f.value == "chapter_vii" and f.detail.get("scope") == "whole_resolution" for f in findings)
    findings += _use_of_force(structure, whole)
    findings += _such_measures(structure)
    findings += _consent(structure)
    if not any(f.value == "consent.all_parties" for f in findings):
        findings += _parties_to_agreement(structure)
    return findings


def _charter(structure: Structure) -> Iterator[Finding]:
    text = structure.text
    if "under chapter" not in structure.lower and "acting" not in structure.lower:
        return
    for match in _ACTING_AT.finditer(structure, 0, structure.body_end):
        if _RECALLED.search(text, max(0, match.start() - 120), match.start()):
            continue  # "Recalling its resolution 2699 (2023) which, acting under Chapter VII, authorizes"
        chapters = {match.group("chapter").upper(), (match.group("second") or "").upper()} - {""}
        for chapter in sorted(chapters):
            where = _locate(structure, match.start())
            scope = _scope(where) if chapter == "VII" else None
            detail = {"scope": scope} if scope else {}
            value = f"chapter_{chapter.lower()}"
            yield _finding(structure, "charter_basis", value, "charter.acting_under", 0.95, match.start(),
                           match.end(), where, detail)  # fmt: skip
    for match in _ACTING_ARTICLES_AT.finditer(structure, 0, structure.body_end):
        articles = [int(a) for a in re.findall(r"\d+", match.group("articles"))]
        if any(a in _CHAPTER_VII_ARTICLES for a in articles):
            where = _locate(structure, match.start())
            yield _finding(structure, "charter_basis", "chapter_vii", "charter.acting_under_articles_39_51",
                           0.9, match.start(), match.end(), where, {"scope": _scope(where)})  # fmt: skip


_RECALLED = re.compile(
    r"\bresolutions?\s+\d{1,4}\s*\(\d{4}\)[^;.]{0,40}?\b(?:which|that)\b[^;.]{0,20}$", re.I
)


def _scope(where: Paragraph | None) -> str:
    if where is None or where.kind == "preamble":
        return "whole_resolution"
    return "section_only"


def _locate(structure: Structure, offset: int) -> Paragraph | None:
    """The innermost paragraph holding an offset."""
    best: Paragraph | None = None
    for paragraph in (*structure.preamble, *structure.sections, *structure.operative):
        if paragraph.start <= offset < paragraph.end and (best is None or paragraph.start >= best.start):
            best = paragraph
    return best


def _use_of_force(structure: Structure, whole_chapter7: bool) -> Iterator[Finding]:
    """The force formulas; "the necessary actions/means" only where Chapter VII governs the paragraph (its
    own "acting under Chapter VII", or the whole resolution's)."""
    text = structure.text
    for paragraph in (*structure.operative, *structure.preamble):
        lower = structure.lower[paragraph.start : paragraph.end]
        if "necessary" not in lower and "force" not in lower:
            continue
        chapter7 = (
            whole_chapter7
            or "chapter vii" in structure.lower[_top(structure, paragraph).start : paragraph.end]
        )
        for clause in _force_clauses(structure, paragraph):
            span = (clause.start, clause.end)
            formulas = [
                *_ALL_NECESSARY_AT.finditer(structure, *span),
                *_NECESSARY_FORCE_AT.finditer(structure, *span),
            ]
            if chapter7 and not formulas and ("action" in lower or "means" in lower):
                formulas = list(_NECESSARY_ACTION_AT.finditer(structure, *span))
            for match in formulas:
                before = text[clause.start : match.start()]
                authorised, addressee = _authorised(structure, clause, before)
                purposes = _purposes(text[clause.start : clause.end])
                purpose = purposes[0] if purposes else "unspecified"
                rule = _FORMULA_RULES[match.re.pattern]
                rule += ".authorised" if authorised else ".mentioned"
                yield _finding(structure, "use_of_force", purpose, rule,
                               0.9 if authorised else 0.5, match.start(), match.end(), paragraph,
                               {"authorised": authorised, "formula": " ".join(match.group().split()),
                                "verb": clause.verb or None, "addressee": addressee,
                                "purposes": purposes})  # fmt: skip


_FORMULA_RULES = {
    _ALL_NECESSARY.pattern: "force.all_necessary",
    _NECESSARY_FORCE.pattern: "force.use_of_force",
    _NECESSARY_ACTION.pattern: "force.necessary_action",
}


def _top(structure: Structure, paragraph: Paragraph) -> Paragraph:
    while paragraph.parent:
        paragraph = structure.paragraph(paragraph.parent)
    return paragraph


# "Reaffirming UNIFIL's authority to take all necessary action": an authority the text records
_RECORDED_AUTHORITY = re.compile(r"\bauthori(?:ty|[sz]ation|[sz]ed)\s+to\s+(?:take|use)\s+$", re.I)


def _force_clauses(structure: Structure, paragraph: Paragraph) -> tuple[Clause, ...]:
    if paragraph.kind == "preamble":
        return (Clause(paragraph, paragraph.start, paragraph.end, "", "none"),)
    if paragraph.kind == "sub":
        return (Clause(paragraph, paragraph.start, paragraph.lead_end, "", "none"),)
    return clauses(structure, paragraph)


def _authorised(structure: Structure, clause: Clause, before: str) -> tuple[bool, str | None]:
    """Whether the clause authorises force, and for whom. A listed task ("(a) Take all necessary measures
    to ensure ... protection of civilians") is authorised when its lead-in mandates the list."""
    paragraph = clause.paragraph
    if paragraph.kind == "preamble":
        recorded = bool(_RECORDED_AUTHORITY.search(before[-40:]))
        return recorded, _addressee(before) if recorded else None
    if paragraph.kind == "sub":
        top = _top(structure, paragraph)
        if mood_of_lead(structure, top) != "mandate":
            return False, None
        return True, _addressee(structure.lead(top))
    authorised = _authorises(clause.verb, before)
    return authorised, _addressee(before) if authorised else None


def _addressee(before: str) -> str | None:
    """The kind of force the clause authorises, from the first addressee named before the formula."""
    found = [
        (m.start(), rank, kind)
        for rank, (kind, pattern) in enumerate(_ADDRESSEES)
        if (m := pattern.search(before))
    ]
    return min(found)[2] if found else None


def _such_measures(structure: Structure) -> Iterator[Finding]:
    """ "use such measures commensurate ... as may be necessary": kind `force_measures`, kept apart from the
    formula so that it never counts as an "all necessary means/measures" authorisation."""
    if "such" not in structure.lower:
        return
    text = structure.text
    for paragraph in structure.operative:
        for clause in clauses(structure, paragraph):
            for match in _SUCH_MEASURES_AT.finditer(structure, clause.start, clause.end):
                before = text[clause.start : match.start()]
                authorised = clause.verb in {"calls on", "calls upon"} or _authorises(clause.verb, before)
                authorised = authorised and bool(re.search(r"\b(?:use|take)\s+(?:\w+\s+)?$", before))
                rule = "force.such_measures." + ("authorised" if authorised else "mentioned")
                following = text[match.end() : clause.end]
                purpose = "sanctions_enforcement" if _INTERDICTION.search(following) else _purpose(following)
                yield _finding(structure, "force_measures", purpose, rule, 0.7 if authorised else 0.4,
                               match.start(), match.end(), paragraph,
                               {"authorised": authorised, "formula": " ".join(match.group().split()),
                                "verb": clause.verb or None})  # fmt: skip


# "underlines ... that AMISOM is authorized to take all necessary measures": authorised whatever the verb
_IS_AUTHORISED = re.compile(
    r"\b(?:is|are|be|remains?)\s+(?:also\s+)?authori[sz]ed\s+to\s+(?:take|use)\s+$", re.I
)


# "underlines that, where mandated, peacekeepers are authorized to use all necessary means": a general rule
# stated, no one authorised here
_WHERE_MANDATED = re.compile(r"\b(?:where|when|if|as)\s+(?:so\s+)?mandated\b", re.I)


# "Decides that UNMX shall use all necessary means", "UNMX is mandated to use", "the mandate of UNMX shall
# include the use of all necessary means": the Council gives the operation the force (not "all States shall")
_OPERATION_SHALL = re.compile(
    r"\b(?:(?-i:UN[A-Z]{2,}|MINU[A-Z]+|MONU[A-Z]+|BINU[A-Z]+)|the\s+(?-i:Mission|Force|Operation))\s+"
    r"(?:shall|will|is\s+(?:also\s+)?mandated\s+to)\s+(?:continue\s+to\s+|also\s+)?(?:take|use)\s+$|"
    r"\bmandate\s+of\s+[^;]{0,80}?\bshall\s+(?:also\s+)?include\s+the\s+use\s+of\s+$",
    re.I,
)


def _authorises(verb: str, before: str) -> bool:
    if _WHERE_MANDATED.search(before):
        return False
    if verb in _AUTHORISING or _IS_AUTHORISED.search(before[-60:]) or _OPERATION_SHALL.search(before[-160:]):
        return True
    return verb not in _NOT_AUTHORISING and bool(_AUTHORITY_WORDING.search(before))


def _purpose(following: str) -> str:
    found = _purposes(following)
    return found[0] if found else "unspecified"


def _purposes(clause: str) -> list[str]:
    return [purpose for purpose, pattern in _PURPOSES if pattern.search(clause)]


# Words every match of a rule contains (lower-cased, one space between words): a text without any of them is
# not searched. The patterns are slow where they start with an alternation; these checks are fast.
_BY = ("of", "by", "from")
_NEEDS: dict[str, tuple[str, ...]] = {
    "consent.request_of_parties": (
        "request of the parties", "request of all the parties", "request of both parties",
        "request from the parties", "request from all the parties", "request from both parties",
        "request of the two parties", "request from the two parties", "requests of the", "requests from the",
        "request by the", "requested by the",
        "joint request of the government",
        "shared request of the government", "on behalf of the government", "by the government of",
    ),
    "consent.consent_of_parties": (
        "consent of", "consent by", "agreement of", "agreement by", "acceptance of", "acceptance by",
        "parties agreed", "parties have agreed", "parties accepted", "parties have accepted",
        "parties consented", "parties have consented", "parties’", "parties'", "agreed by", "agreed upon by",
    ),
    "consent.parties_accept": (
        "parties have", "parties had", "parties agreed", "parties accepted", "parties requested",
        "parties consented", "parties invited",
    ),
    "consent.named_for_agreement": ("to support the", "in support of the", "for the"),
    "consent.agreements_with_operation": (
        "agreement between", "agreements between", "by the parties with",
        *(f"{v} {w}" for v in ("reached", "concluded", "signed", "made") for w in ("with", "between")),
    ),
    "consent.request_of_government": (
        *(f"{w} {by}" for w in ("request", "requests", "invitation") for by in (*_BY, "made")),
        "shared request", "joint request", "letter", "wish", "request dated", "requests dated",
    ),
    "consent.request_of_state_organ": (
        *(f"{word} {by}" for word in ("request", "requests", "invitation") for by in (*_BY, "made")),
        "consent of", "concurrence of", "acceptance of", "approval of", "extended by", "in the letter",
        "with the agreement of",
        "in a letter", "in its letter",
    ),
    "consent.request_of_state": (
        *(f"{m} {w}" for m in ("’s", "'s", "’", "'")
          for w in ("request", "invitation", "consent", "acceptance")),
        "’s concurrence", "'s concurrence", "’s approval", "'s approval",
        "’s agreement", "'s agreement", "’s letter", "'s letter", "’s formal", "'s formal", "’s written",
        "'s written", "requested by", "invited by", "’s expressed", "'s expressed", "’s wish", "'s wish",
        "’s continued", "'s continued", "’s support", "'s support", "’s full", "'s full", "’s welcome",
        "'s welcome",
    ),
    "consent.consent_of_government": (
        "consent of the", "agreement of the", "concurrence of the", "acceptance of the", "approval of the",
        "consent of both", "agreement of both",
        "agreement with the", "host state",
        "host-state", "host country", "host-country",
        "host government", "host-government",
    ),
    "consent.given_by_government": (
        *(f"{w} by the" for w in ("consent", "acceptance", "approval", "concurrence", "given", "expressed",
                                  "conveyed")),
    ),
    "consent.decided_in_consultation": ("consultation with the",),
    "consent.hosts_operation": ("host",),
    "consent.government_agreed": ("government", "authorities"),
    "consent.organ_requested": ("requested", "invited", "asked"),
    "consent.status_of_forces": (
        "status of", "status-of", "sofa", "soma", "host country agreement", "host-country agreement",
        "between the united nations and", "and the united nations", "between the secretary-general and",
        "and the secretary-general",
    ),
    "agreement.ceasefire_agreement": (
        "fire agreement", "agreement on a cease", "agreements on a cease", "agreement on cease",
        "agreements on cease", "hostilities agreement",
    ),
    "agreement.peace_agreement": ("peace agreement", "peace accord", "comprehensive political settlement"),
}  # fmt: skip


def _consent(structure: Structure) -> Iterator[Finding]:
    text = structure.text
    flat = structure.lower.replace("\n", " ").replace("  ", " ")  # one space between words, fast
    seen: set[str] = set()
    for fact_id, rule, pattern in (
        *_CONSENT,
        *((f, f"agreement.{f.split('.')[1]}", p) for f, p in _AGREEMENTS),
    ):
        matches = _matches(structure, rule, pattern) if fact_id not in seen else iter(())
        first = next(matches, None)  # the phrase check costs more than the search: only where it matched
        if first is None or not any(words in flat for words in _NEEDS[rule]):
            continue
        for match in chain((first,), matches):
            if _stock_or_other(text, match, fact_id) or _agreed_to_something_else(text, match, fact_id, rule):
                continue
            kind = "consent" if fact_id.startswith("consent") else "agreement"
            new_force = fact_id == "consent.host_state" and bool(_FOR_A_FORCE.match(text, match.end()))
            detail = {"new_force": True} if new_force else None
            yield _finding(structure, kind, fact_id, rule, 0.7, match.start(), match.end(),
                           _locate(structure, match.start()), detail)  # fmt: skip
            if not new_force:
                seen.add(fact_id)
                break


# A word every match of these rules contains, and how far a match reaches before and after it: the rule runs
# only around that word (their patterns start with alternations, slow to run over a whole modern text). The
# word is found in the lower-cased text, itself only where its first letters are (scan.py).
def _anchor(pattern: str) -> Led:
    return Led(re.compile(pattern), lowered=True)


_AROUND: dict[str, tuple[Led, int, int]] = {
    "consent.consent_of_parties": (_anchor(r"parties"), 60, 30),
    "consent.parties_accept": (_anchor(r"parties\s"), 30, 120),
    "consent.request_of_state": (
        _anchor(r"[’']s?\s|(?:requested|invited)\s+by\b"),
        90,
        140,
    ),
    "consent.request_of_state_organ": (
        _anchor(
            r"(?:requests?|invitation|consent|concurrence|acceptance|approval)\s+(?:made\s+|extended\s+)?"
            r"(?:of|by|from|contained|set|expressed|in\s+(?:the|a|its)\s+letter)\b|(?<=with\sthe\s)agreement\s+of\b",
        ),
        0,
        260,
    ),
    "consent.organ_requested": (
        _anchor(r"(?:requested|invited|asked)\b"),
        240,
        12,
    ),
    "consent.consent_of_government": (
        _anchor(
            r"(?:consent|agreement|concurrence|acceptance|approval)\s+of\b|\bagreement\s+with\b|\bhost[- ]",
        ),
        20,
        100,
    ),
}


# Rules no match of which crosses a semicolon: each runs only in the stretches that hold a word every match
# holds (scan.py derives the words)
_HELD = {"consent.government_agreed"}
# Run as plain re in _AROUND's windows only, as before: their first words are "the", "all", "both" or cannot
# be told, too common for an index over the whole text to pay
_PLAIN = {
    "consent.consent_of_parties",
    "consent.parties_accept",
    "consent.request_of_state",
    "consent.organ_requested",
}
_SCANS: dict[str, Led | Held] = {
    **{
        rule: Led(pattern)  # tried only at the words its matches start with (scan.py derives them)
        for rule, pattern in (
            *((rule, pattern) for _, rule, pattern in _CONSENT),
            *((f"agreement.{fact.split('.')[1]}", pattern) for fact, pattern in _AGREEMENTS),
        )
        if rule not in _HELD and rule not in _PLAIN
    },
    **{rule: Held(pattern) for _, rule, pattern in _CONSENT if rule in _HELD},
}


def _matches(structure: Structure, rule: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The pattern's matches in the body, in order; around the rule's word where it has one."""
    if rule not in _AROUND:
        yield from _found(structure, rule, pattern, 0, structure.body_end)
        return
    word, before, after = _AROUND[rule]
    last = -1
    for anchor in word.finditer(structure, 0, structure.body_end):
        lo = max(0, anchor.start() - before)
        hi = min(structure.body_end, anchor.end() + after)
        for match in _found(structure, rule, pattern, max(lo, last + 1), hi):
            if match.start() <= anchor.start() < match.end():
                last = match.start()
                yield match
                break


def _found(
    structure: Structure, rule: str, pattern: re.Pattern[str], start: int, end: int
) -> Iterator[re.Match[str]]:
    scan = _SCANS.get(rule)
    return scan.finditer(structure, start, end) if scan else pattern.finditer(structure.text, start, end)


# "the request of the Haitian government for a specialized international force": consent to a force still to
# come, which is not the operation a renewal acts on
_FOR_A_FORCE = re.compile(r"\s+for\s+an?\s+(?:[\w-]+\s+){0,4}?force\b", re.I)


# "Encourages the parties to the Disengagement Agreement to ... with UNDOF": the operation rests on an
# agreement of the parties when a paragraph names both
_PARTIES_TO = Led(
    re.compile(
        r"\bparties\s+to\s+the\s+(?:\d{4}\s+)?(?:[A-Z][\w’'-]*\s+(?:(?:of|on|for)\s+)?){0,6}(?:Agreement|Accords?)\b"
    ),
)
_OPERATION_HERE = re.compile(
    r"\b(?:UN[A-Z]{2,}|MINU[A-Z]+|MONU[A-Z]+|BINU[A-Z]+|AMISOM|ATMIS)\b|\b(?:the|this)\s+(?:Mission|Force|Operation)\b"
)


def _parties_to_agreement(structure: Structure) -> list[Finding]:
    if "parties to the" not in structure.lower:
        return []
    for paragraph in (*structure.preamble, *structure.top_level()):
        match = _PARTIES_TO.search(structure, paragraph.start, paragraph.end)
        if match and _OPERATION_HERE.search(structure.text, paragraph.start, paragraph.end):
            return [_finding(structure, "consent", "consent.all_parties", "consent.parties_to_agreement", 0.6,
                             match.start(), match.end(), paragraph)]  # fmt: skip
    return []


def _stock_or_other(text: str, match: re.Match[str], fact_id: str) -> bool:
    """Consent language that records no one's consent: recalled principles, a contributor's request."""
    if not fact_id.startswith("consent"):
        return False
    if _STOCK_PRINCIPLES.search(text, max(0, match.start() - 80), match.start()):
        return True
    if fact_id == "consent.all_parties" and _CONDITION.search(
        text, max(0, match.start() - 80), match.start()
    ):
        return True
    if "consent" in match.group().lower() and _CONSENT_AS_PRINCIPLE.search(
        text, max(0, match.start() - 40), match.start()
    ):
        return True
    if _STOCK_AFTER.match(text, match.end()):
        return True  # "consent of the parties, impartiality, and non-use of force"
    if fact_id != "consent.host_state":
        return False
    if _NOT_YET.search(text, max(0, match.start() - 60), match.start()):
        return True
    return bool(
        _NOT_HOST.search(match.group())
        or _ENDING.match(text, match.end())
        or _ELSEWHERE.match(text, match.end())
    )


def _agreed_to_something_else(text: str, match: re.Match[str], fact_id: str, rule: str) -> bool:
    """The State agreed to, accepted or invited something, and the clause around it names no operation or
    presence of the UN (a status-of-forces agreement is one with the operation by its name; the parties'
    agreement is read by its own rules)."""
    if (
        fact_id != "consent.host_state"
        or rule == "consent.status_of_forces"
        or not _AGREED_TO.search(match.group())
    ):
        return False
    before = re.split(r"[;.]|\n\s*\n", text[max(0, match.start() - 160) : match.start()])[-1]
    after = re.split(r"[;.]|\n\s*\n", text[match.end() : match.end() + 160])[0]
    return not (_OPERATION_WORDS.search(before) or _OPERATION_WORDS.search(after))


def _finding(
    structure: Structure, kind: str, value: str, rule: str, confidence: float, start: int, end: int,
    where: Paragraph | None, detail: Mapping[str, object] | None = None,
) -> Finding:  # fmt: skip
    evidence = Evidence.from_span(structure.text, start, end, where.id if where else None)
    return Finding(kind, value, rule, confidence, evidence, dict(detail or {}))
